/// Line breaking by display width: English breaks at spaces, Chinese between any two
/// characters, with the usual rules: no line starts with closing punctuation
/// (，。、」）…) and none ends with opening punctuation (「（…).
public enum Wrap {
    static let noLineStart: Set<Character> = Set("，。、；：？！」』）》〉】〕…—,.;:?!)]}’”%·")
    static let noLineEnd: Set<Character> = Set("「『（《〈【〔([{‘“")

    /// Wraps text to lines at most `width` columns wide. Newlines start new paragraphs;
    /// a blank line is kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out.append(contentsOf: wrapParagraph(Sanitize.line(paragraph), width: width))
        }
        return out
    }

    /// True where a line may break before `next` (after `prev`).
    static func canBreak(between prev: Character, and next: Character) -> Bool {
        if noLineStart.contains(next) || noLineEnd.contains(prev) { return false }
        if prev == " " || next == " " { return true }
        return DisplayWidth.of(prev) == 2 || DisplayWidth.of(next) == 2
    }

    static func wrapParagraph(_ text: String, width: Int) -> [String] {
        let chars = Array(text)
        if chars.isEmpty { return [""] }
        var lines: [String] = []
        var start = 0
        while start < chars.count {
            // Skip spaces at the start of a continuation line.
            if !lines.isEmpty { while start < chars.count && chars[start] == " " { start += 1 } }
            if start >= chars.count { break }
            var col = 0, i = start, lastBreak = -1
            while i < chars.count {
                let w = DisplayWidth.of(chars[i])
                if col + w > width { break }
                col += w
                i += 1
                if i < chars.count && canBreak(between: chars[i - 1], and: chars[i]) { lastBreak = i }
            }
            var end: Int
            if i >= chars.count {
                end = chars.count
            } else if lastBreak > start {
                end = lastBreak
            } else {
                end = max(i, start + 1)            // a word longer than the line: cut it
            }
            var line = String(chars[start..<end])
            while line.last == " " { line.removeLast() }
            lines.append(line)
            start = end
        }
        return lines
    }

    /// Cuts text to `width` columns, ending with `…` when it was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        let clean = Sanitize.line(text)
        if DisplayWidth.of(clean) <= width { return clean }
        guard width > 0 else { return "" }
        var out = "", col = 0
        for character in clean {
            let w = DisplayWidth.of(character)
            if col + w > width - 1 { break }
            out.append(character)
            col += w
        }
        return out + "…"
    }

    /// Pads text with spaces on the right to exactly `width` columns (cutting if longer).
    public static func pad(_ text: String, width: Int) -> String {
        let cut = truncate(text, width: width)
        let w = DisplayWidth.of(cut)
        return w >= width ? cut : cut + String(repeating: " ", count: width - w)
    }
}
