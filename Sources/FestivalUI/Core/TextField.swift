import TextGrid

/// A line of text being typed, with its cursor: the one implementation of the readline keys
/// that every field shares (the search query, `/` find, the note editor, the export path, a
/// filter's menu). A paste (`Key.paste`) is inserted as one line of text.
///
/// ←/→ and Ctrl-b/f move by a character, Alt-b/f and Ctrl-←/→ by a word, Home/End and
/// Ctrl-a/e to the ends; Backspace and Delete (or Ctrl-d) delete a character, Ctrl-w the word
/// before the cursor (back to white space), Alt-d the word after it, Ctrl-u everything before it and Ctrl-k
/// everything after it.
public struct TextField: Equatable, Sendable {
    public private(set) var text: String
    /// Where the cursor is, in characters from the start (0...text.count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Applies an editing key; false (and nothing changed) for any other key.
    public mutating func edit(_ key: Key) -> Bool {
        var characters = Array(text)
        var at = cursor
        switch key {
        case .char(let c):
            characters.insert(c, at: at)
            at += 1
        case .left, .ctrl("b"): at = max(0, at - 1)
        case .right, .ctrl("f"): at = min(characters.count, at + 1)
        case .home, .ctrl("a"): at = 0
        case .end, .ctrl("e"): at = characters.count
        case .alt("b"), .ctrlLeft: at = Self.wordStart(before: at, in: characters)
        case .alt("f"), .ctrlRight: at = Self.wordEnd(after: at, in: characters)
        case .backspace:
            guard at > 0 else { return true }
            characters.remove(at: at - 1)
            at -= 1
        case .delete, .ctrl("d"):
            guard at < characters.count else { return true }
            characters.remove(at: at)
        case .ctrl("w"):   // back to white space, as readline's Ctrl-w (`speaker:x` goes whole)
            var start = at
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<at)
            at = start
        case .alt("d"):
            characters.removeSubrange(at..<Self.wordEnd(after: at, in: characters))
        case .ctrl("u"):
            characters.removeSubrange(0..<at)
            at = 0
        case .ctrl("k"):
            characters.removeSubrange(at...)
        case .paste(let pasted):
            let line = Array(Self.oneLine(pasted))
            characters.insert(contentsOf: line, at: at)
            at += line.count
        default:
            return false
        }
        text = String(characters)
        cursor = at
        return true
    }

    /// A paste as text for one line: line breaks (CRLF as one), tabs and line separators
    /// become spaces; every other control character, DEL, C1 and bidi control is dropped, so
    /// an escape sequence in a paste is text, never a key.
    static func oneLine(_ pasted: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in pasted.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if scalar == "\n" && previousCR { continue }
            switch Sanitize.replacement(for: scalar) {
            case nil: out.append(scalar)
            case " "?: out.append(" ")
            default: break
            }
        }
        return String(out)
    }

    /// Whether Alt with `c` edits a field in `mode` (Alt-b, Alt-f, Alt-d while typing).
    static func usesAlt(_ c: Character, in mode: Mode) -> Bool {
        guard "bfd".contains(c) else { return false }
        switch mode {
        case .search, .find, .note, .picker: return true
        default: return false
        }
    }

    /// Where the word before `at` starts (spaces before it skipped), as readline's Alt-b.
    static func wordStart(before at: Int, in characters: [Character]) -> Int {
        var i = at
        while i > 0, !isWord(characters[i - 1]) { i -= 1 }
        while i > 0, isWord(characters[i - 1]) { i -= 1 }
        return i
    }

    /// Where the word after `at` ends (spaces before it skipped), as readline's Alt-f.
    static func wordEnd(after at: Int, in characters: [Character]) -> Int {
        var i = at
        while i < characters.count, !isWord(characters[i]) { i += 1 }
        while i < characters.count, isWord(characters[i]) { i += 1 }
        return i
    }

    /// Letters and digits of any script make words; spaces and punctuation separate them.
    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// What to show in `width` cells so that the cursor stays in view, and the cursor's
    /// column within it. A text wider than the room scrolls, "…" marking what is cut: typing
    /// at the end keeps the end in view; elsewhere the cursor sits about two thirds across.
    public func window(width: Int) -> (text: String, cursorX: Int) {
        guard width > 1 else { return ("", 0) }
        let characters = Array(text)
        let widths = characters.map { DisplayWidth.of(String($0)) }
        func before(_ start: Int) -> Int { widths[start..<cursor].reduce(0, +) + (start > 0 ? 1 : 0) }
        if widths.reduce(0, +) + 1 <= width { return (text, before(0)) }
        let room = cursor == characters.count ? width - 1 : max(1, width * 2 / 3)
        var start = 0
        while start < cursor, before(start) > room { start += 1 }
        var end = cursor, used = before(start)
        while end < characters.count, used + widths[end] + (end + 1 < characters.count ? 1 : 0) <= width {
            used += widths[end]
            end += 1
        }
        let shown = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        return (shown, before(start))
    }
}
