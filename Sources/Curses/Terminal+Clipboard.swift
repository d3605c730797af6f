import CNCursesw
import TextGrid

extension Terminal {
    /// Puts `text` on the clipboard with OSC 52, which terminals (and tmux with
    /// `set-clipboard on`, its default for applications since 3.3 is `external`) honour,
    /// also over SSH. The text is base64, so nothing in it can act as a control sequence
    /// here; it passes the output boundary first (`Sanitize.text`), so nothing in it acts
    /// where it is pasted either (no ESC [ 201 ~ ending a shell's bracketed paste).
    public func copyToClipboard(_ text: String) {
        writeControl("\u{1B}]52;c;" + Base64.encode(Array(Sanitize.text(text).utf8)) + "\u{07}")
    }

    /// Writes a sequence ncurses does not know, after what ncurses has already sent.
    func writeControl(_ sequence: String) {
        guard !isStopped else { return }
        fflush(output)
        fputs(sequence, output)
        fflush(output)
    }
}

/// RFC 4648 base64 (the alphabet with + and /, padded).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int(n >> UInt32(shift) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
