import FestivalText
import TextGrid

/// Catalog text made safe for Markdown: whatever a title or a quote holds, it shows as
/// the same characters and cannot open a heading, list, link, emphasis, code span or
/// HTML tag, nor end the block it is in.
enum MarkdownText {
    /// Characters that mean something anywhere in a line in CommonMark or GitHub Markdown:
    /// escapes, code, emphasis, links and images (`!` needs `[`), HTML and entities,
    /// tables, strikethrough and math, and `#` (a heading's closing sequence). CommonMark lets a backslash escape any ASCII
    /// punctuation, so a backslash before each keeps it literal.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "$", "#"]
    /// Characters that only mean something first on a line: headings, list items,
    /// setext underlines and thematic breaks.
    private static let specialFirst: Set<Character> = ["-", "+", "="]

    /// One line of inline text: every special character escaped, line breaks and other
    /// controls turned into spaces, leading spaces (an indented code block) removed.
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var atStart = true
        var digitsAtStart = true
        for c in clean(text) {
            if c == "\n" || c == "\t" {
                if !atStart { out.append(" ") }
                continue
            }
            if atStart && c == " " { continue }
            if special.contains(c) || (atStart && specialFirst.contains(c)) {
                out.append("\\")
            } else if (c == "." || c == ")") && digitsAtStart && !atStart {
                // "2025. …" first on a line would begin an ordered list.
                out.append("\\")
            }
            digitsAtStart = digitsAtStart && c.isASCII && c.isNumber
            atStart = false
            out.append(c)
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    /// Text of one or more paragraphs: each line escaped as `inline`, blank lines kept as
    /// paragraph breaks.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        for line in clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let escaped = inline(String(line))
            if escaped.isEmpty {
                if let last = result.last, !last.isEmpty { result.append("") }
            } else {
                result.append(escaped)
            }
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result
    }

    /// Lines prefixed with `> `, a blank line as a bare `>`.
    static func blockquote(_ lines: [String]) -> [String] {
        lines.map { $0.isEmpty ? ">" : "> " + $0 }
    }

    /// A link `[text](url)` when `url` is an http(s) URL, else the text alone. Characters
    /// that would end or break the destination are percent-encoded.
    static func link(_ text: String, _ url: String?) -> String {
        let label = inline(text)
        guard let url, let destination = destination(url) else { return label }
        return "[\(label.isEmpty ? inline(url) : label)](\(destination))"
    }

    static func destination(_ url: String) -> String? {
        guard URLCheck.isWebURL(url) else { return nil }
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ", "(", ")", "<", ">", "\\", "\"", "`", "[", "]":
                out += "%" + String(scalar.value, radix: 16, uppercase: true)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                continue
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// CR and CRLF become LF and tabs stay; every other control, DEL, C1 or bidi character
    /// is shown as the output boundary (`Sanitize`) shows it, so no terminal escape or
    /// reordering reaches a reader; zero-width spaces, word joiners and BOMs are dropped.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: out.append("\n")
            case 0x0A: if !previousCR { out.append("\n") }
            case 0x09: out.append(scalar)
            case 0x200B, 0x2060, 0xFEFF: continue
            default: out.append(Sanitize.replacement(for: scalar) ?? scalar)
            }
        }
        return String(out)
    }
}

extension ExportLabels {
    /// "**Label:** " (English) or "**標籤：**" (Chinese) before a value: the label escaped,
    /// inside `emphasis` ("*", "**" or nothing).
    func lead(_ label: String, _ emphasis: String = "") -> String {
        emphasis + MarkdownText.inline(label) + (language == .en ? ":" : "：") + emphasis + (language == .en ? " " : "")
    }
}
