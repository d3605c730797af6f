extension StringProtocol {
    /// Without white space and line breaks at either end: Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without its round trip through
    /// NSString, which took a fifth of a 5,000-event import.
    var trimmed: String {
        let s = Substring(self)
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(s.unicodeScalars[first...last])
    }
}

enum ImportText {
    /// The longest prefix of whole characters of `s` within `bytes` UTF-8 bytes.
    static func prefix(_ s: String, bytes: Int) -> String {
        var out = "", used = 0
        for c in s {
            used += c.utf8.count
            if used > bytes { break }
            out.append(c)
        }
        return out
    }
}
