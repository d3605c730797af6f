import TextGrid

/// Key names in the config file, both ways: "j", "G", "space", "enter", "esc", "tab",
/// "shift-tab", "backspace", "del", "ins", "up", "down", "left", "right", "home", "end",
/// "pgup", "pgdn", "f1"…"f63", "ctrl-a"…"ctrl-z", "alt-b", "ctrl-left", "ctrl-right". Names longer than one character are
/// read case-insensitively, so every `Key.label` the help shows ("PgDn", "Ctrl-d", "↓")
/// reads back as its key; a single character is that character ("g" is not "G").
public enum KeyName {
    /// Examples for error messages.
    public static let examples = #""j", "down", "ctrl-d", "f1", "enter", "esc", "tab", "space""#

    private static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "↑": .up, "↓": .down, "←": .left, "→": .right,
        "home": .home, "end": .end,
        "pgup": .pageUp, "page-up": .pageUp, "pageup": .pageUp,
        "pgdn": .pageDown, "pgdown": .pageDown, "page-down": .pageDown, "pagedown": .pageDown,
        "enter": .enter, "return": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
        "backspace": .backspace,
        "del": .delete, "delete": .delete, "ins": .insert, "insert": .insert,
        "space": .char(" "),
        "ctrl-left": .ctrlLeft, "ctrl-←": .ctrlLeft, "ctrl-right": .ctrlRight, "ctrl-→": .ctrlRight,
    ]

    /// Control letters the terminal delivers as other keys.
    private static let ctrlAliases: [Character: String] = ["h": "backspace", "i": "tab", "j": "enter", "m": "enter"]

    /// The key a name means, or a message saying why there is none.
    public static func parse(_ name: String) -> Result<Key, KeyNameError> {
        if name.count == 1, let c = name.first {
            if let key = named[name] { return .success(key) }
            if c == " " { return .success(.char(" ")) }
            guard !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
                    && !c.isNewline && c != "\t" else {
                return .failure(KeyNameError(message: "\(quoted(name)) is a control character (use a name such as \(examples))"))
            }
            return .success(.char(c))
        }
        let lower = name.lowercased()
        if let key = named[lower] { return .success(key) }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), String(n) == lower.dropFirst() {
            guard (1...63).contains(n) else {
                return .failure(KeyNameError(message: "no function key \(quoted(name)) (f1 to f63)"))
            }
            return .success(.function(n))
        }
        if lower.hasPrefix("alt-") {
            let rest = name.dropFirst(4)
            guard rest.count == 1, let c = rest.first, c.isLetter || c.isNumber || c.isPunctuation || c.isSymbol else {
                return .failure(KeyNameError(message: "\(quoted(name)): alt- takes one character (e.g. \"alt-b\")"))
            }
            return .success(.alt(c))
        }
        if lower.hasPrefix("ctrl-") {
            let rest = lower.dropFirst(5)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else {
                if rest == "[" { return .failure(KeyNameError(message: "\(quoted(name)) is what the terminal sends for Esc; use \"esc\"")) }
                return .failure(KeyNameError(message: "\(quoted(name)): ctrl- takes one letter a–z (e.g. \"ctrl-d\")"))
            }
            if let alias = ctrlAliases[c] {
                return .failure(KeyNameError(message: "\(quoted(name)) is what the terminal sends for \(alias); use \"\(alias)\""))
            }
            return .success(.ctrl(c))
        }
        return .failure(KeyNameError(message: "unknown key name \(quoted(name)) (use e.g. \(examples))"))
    }

    /// The name the config file uses for a key (nil for what no one can bind: resize,
    /// mouse events, pastes, unknown codes).
    public static func name(_ key: Key) -> String? {
        switch key {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .alt(let c): return "alt-\(c)"
        case .ctrlLeft: return "ctrl-left"
        case .ctrlRight: return "ctrl-right"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .backspace: return "backspace"
        case .delete: return "del"
        case .insert: return "ins"
        case .function(let n): return "f\(n)"
        case .resize, .mouse, .paste, .unknown: return nil
        }
    }

    /// A name in double quotes, as TOML would write it; a long one cut after
    /// `quotedLimit` characters with "…" (a message never echoes a megabyte).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for (i, scalar) in s.unicodeScalars.enumerated() {
            if i == quotedLimit { return out + "\"…" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension KeyName {
    static let quotedLimit = 64
}

/// Why a key name means no key.
public struct KeyNameError: Error, Equatable, Sendable {
    public var message: String
}
