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
                // A word longer than the line (a URL): cut it, but never before closing
                // punctuation or after opening punctuation: a character moves down with it.
                end = max(i, start + 1)
                while end > start + 1, end < chars.count,
                      noLineStart.contains(chars[end]) || noLineEnd.contains(chars[end - 1]) { end -= 1 }
            }
            var line = String(chars[start..<end])
            while line.last == " " { line.removeLast() }
            lines.append(line)
            start = end
        }
        return lines
    }

    /// Cuts text to `width` columns, ending with `…` when it was cut. Stops reading a
    /// long text as soon as it is known not to fit.
    public static func truncate(_ text: String, width: Int) -> String { measuredTruncation(text, width: width).text }

    /// `truncate`, with the width of what it returns.
    static func measuredTruncation(_ text: String, width: Int) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        if text.utf8.count <= width, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return (text, text.utf8.count) }
        // head: the end of what fits in width - 1 columns (room for "…").
        var col = 0, headEnd = text.startIndex, headWidth = 0
        var i = text.startIndex
        while i < text.endIndex {
            let character = text[i]
            if Sanitize.needsWork(character) { return sanitizedTruncation(text, width: width) }
            let next = text.index(after: i)
            col += DisplayWidth.of(character)
            if col > width { return (String(text[..<headEnd]) + "…", headWidth + 1) }
            if col <= width - 1 { headEnd = next; headWidth = col }
            i = next
        }
        return (text, col)
    }

    /// `truncate` for text with characters `Sanitize` replaces (one may become several).
    private static func sanitizedTruncation(_ text: String, width: Int) -> (text: String, width: Int) {
        var head = "", tail = "", col = 0, headWidth = 0, headFull = false
        func add(_ character: Character) -> Bool {
            col += DisplayWidth.of(character)
            if col > width { return false }
            if !headFull && col <= width - 1 { head.append(character); headWidth = col } else { headFull = true; tail.append(character) }
            return true
        }
        for character in text {
            if Sanitize.needsWork(character) {
                for piece in Sanitize.line(String(character)) where !add(piece) { return (head + "…", headWidth + 1) }
            } else if !add(character) {
                return (head + "…", headWidth + 1)
            }
        }
        return (head + tail, col)
    }

    /// Pads text with spaces on the right to exactly `width` columns (cutting if longer).
    public static func pad(_ text: String, width: Int) -> String {
        let (cut, w) = measuredTruncation(text, width: width)
        return w >= width ? cut : cut + String(repeating: " ", count: width - w)
    }
}
