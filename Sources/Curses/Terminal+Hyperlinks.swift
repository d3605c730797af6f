import TextGrid

extension Terminal {
    /// Rewrites the canvas's links with OSC 8 around the same text, after ncurses has
    /// drawn the frame. DECSC/DECRC keep ncurses' cursor and attributes as it left them.
    func paintHyperlinks(_ canvas: Canvas) {
        guard options.hyperlinks, !canvas.links.isEmpty else { return }
        var out = "\u{1B}7"
        for link in canvas.links where link.y < size.height {
            var text = ""
            for x in link.x..<min(link.x + link.width, canvas.width) where !canvas[x, link.y].isContinuation {
                text += canvas[x, link.y].text
            }
            out += "\u{1B}[\(link.y + 1);\(link.x + 1)H\u{1B}[4m\u{1B}]8;;\(Self.asciiURL(link.url))\u{1B}\\" + text + "\u{1B}]8;;\u{1B}\\\u{1B}[24m"
        }
        writeControl(out + "\u{1B}8")
    }

    /// The URL with every non-ASCII byte percent-encoded (OSC 8 carries a URI).
    static func asciiURL(_ url: String) -> String {
        var out = ""
        for byte in url.utf8 {
            if byte < 0x80 { out.unicodeScalars.append(Unicode.Scalar(byte)) } else { out += "%" + String(byte, radix: 16, uppercase: true) }
        }
        return out
    }
}

/// Whether this terminal shows OSC 8 hyperlinks: FESTIVAL_HYPERLINKS=1/0 decides; else
/// terminals known to (kitty, WezTerm, iTerm2, VS Code, GNOME/VTE ≥ 0.50, foot, Ghostty),
/// and never inside tmux or screen, which may not pass them on.
public enum Hyperlinks {
    public static func supported(environment env: [String: String]) -> Bool {
        if let forced = env["FESTIVAL_HYPERLINKS"] { return forced == "1" }
        if env["TMUX"] != nil || env["STY"] != nil { return false }
        if env["KITTY_WINDOW_ID"] != nil || env["WEZTERM_PANE"] != nil { return true }
        if ["WezTerm", "iTerm.app", "vscode", "ghostty"].contains(env["TERM_PROGRAM"] ?? "") { return true }
        if let vte = env["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        return ["xterm-kitty", "foot", "xterm-ghostty"].contains(env["TERM"] ?? "")
    }
}
