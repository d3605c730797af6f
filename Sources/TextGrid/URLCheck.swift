/// The one rule for what counts as a link the program may validate, open, print, export
/// or make clickable: an absolute http or https URL with a host, and no space, control
/// (C0, DEL, C1), bidi control, zero-width character or line separator anywhere in it, and
/// no "@" before the host ends: no user name or password, which is how
/// `https://good.example@evil.example/` passes for good.example while going to evil.example.
public enum URLCheck {
    public static func isWebURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        let rest = lower.drop(while: { $0 != "/" }).dropFirst(2)
        // The host runs up to the first "/", "?" or "#" and must not be empty.
        let authority = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        guard !authority.isEmpty, !authority.contains("@") else { return false }
        return s.unicodeScalars.allSatisfy { allowed($0.value) }
    }

    private static func allowed(_ v: UInt32) -> Bool {
        switch v {
        case 0...0x20, 0x7F...0x9F: false                       // space, C0, DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: false   // bidi controls
        case 0x2028, 0x2029: false                               // line and paragraph separators
        case 0x200B...0x200D, 0x2060, 0xFEFF: false              // zero-width characters
        default: true
        }
    }
}
