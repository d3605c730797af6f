/// Terminal display width of text, and the cells a terminal draws it in. One model for
/// the browser, `render` and the CLI tables, agreeing with the C library's `wcwidth`
/// (which ncurses trusts): a grapheme cluster takes one cell per spacing code point — a
/// Devanagari or Bengali vowel sign (Mc), a Thai sara am, a halfwidth sound mark each get
/// their own — with its combining marks (Mn, Me) attached; East Asian wide characters and
/// emoji take 2. Emoji sequences whose width terminals disagree on are drawn in a fallback
/// that is the same width everywhere: a flag as its two regional-indicator letters (the
/// flag itself where the font has it, 2 cells either way), a ZWJ sequence as its parts
/// side by side (👨‍👩‍👧 → 👨👩👧), skin tones, tags and variation selectors left out
/// (👍🏽 → 👍, ❤️ → ❤, 1️⃣ → 1⃣).
public enum DisplayWidth {
    /// One drawn cell of a cluster: a spacing code point with the marks attached to it.
    public struct Unit: Equatable, Sendable {
        public var text: String
        public var width: Int
    }

    /// Most scalars one drawn cell carries (ncurses' `CCHARW_MAX`: a base and four marks).
    public static let maxScalarsPerUnit = 5

    /// The cells a grapheme cluster is drawn in, left to right; empty for one that shows
    /// nothing (a lone format character). A lone combining mark is given a space to sit on.
    public static func units(_ character: Character) -> [Unit] {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let first = scalars.first {
            let w = first.value < 0x80 ? (first.value < 0x20 || first.value == 0x7F ? 0 : 1) : scalarWidth(first)
            if w > 0 { return [Unit(text: String(character), width: w)] }
            return isMark(first) ? [Unit(text: " " + String(character), width: 1)] : []
        }
        let emoji = scalars.contains { isEmojiPart($0) }
        var units: [Unit] = [], count = 0
        for scalar in scalars {
            let v = scalar.value
            if v == 0xFE0F || v == 0xFE0E || (0xE0020...0xE007F).contains(v) { continue }
            if emoji && (v == 0x200D || ((0x1F3FB...0x1F3FF).contains(v) && !units.isEmpty)) { continue }
            let w = scalarWidth(scalar)
            if w > 0 {
                units.append(Unit(text: String(scalar), width: w)); count = 1
            } else if units.isEmpty {
                guard isMark(scalar) else { continue }
                units.append(Unit(text: " " + String(scalar), width: 1)); count = 2
            } else if count < maxScalarsPerUnit {
                units[units.count - 1].text.unicodeScalars.append(scalar); count += 1
            }
        }
        return units
    }

    /// Columns a grapheme cluster occupies: the sum of its cells' widths.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if character.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        if scalars.count == 1 {
            let w = scalarWidth(first)
            return w > 0 ? w : isMark(first) ? 1 : 0
        }
        return units(character).reduce(0) { $0 + $1.width }
    }

    /// Text as the cells draw it (the emoji fallbacks applied, marks on their bases): what
    /// the CLI's padded columns print so that they line up as the browser's do.
    public static func drawn(_ string: some StringProtocol) -> String {
        if string.utf8.allSatisfy({ $0 < 0x80 }) { return String(string) }
        var out = ""
        for character in string {
            for unit in units(character) { out += unit.text }
        }
        return out
    }

    /// A zero-width scalar that shows (a combining mark, a Hangul medial vowel), drawn on
    /// the character before it; format characters (joiners, selectors) show nothing alone.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .control, .surrogate, .unassigned: false
        default: true
        }
    }

    /// Part of an emoji sequence (which decides whether a joiner joins emoji or letters).
    static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0xFE0F || v == 0x20E3 || (0x1F1E6...0x1F1FF).contains(v) || (0xE0020...0xE007F).contains(v)
            || scalar.properties.isEmojiPresentation || scalar.properties.isEmojiModifier
    }

    /// Columns a string occupies.
    public static func of(_ string: some StringProtocol) -> Int {
        // Printable ASCII is one column a byte: no grapheme walk needed.
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return string.utf8.count }
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// Width of one scalar on its own.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        // Han, Hangul syllables and full-width forms: wide, and no marks among them (the
        // general-category lookup below is the slow part).
        if (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xFF01 && v <= 0xFF60) { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format: return isPrependedConcatenationMark(v) ? 1 : 0
        default: break
        }
        // Hangul medial vowels and final consonants (they join the syllable before them),
        // and Ahom's medial ra (a mark since Unicode 16): as the C library has them.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) || v == 0x1171E { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Format characters that show (the Arabic number sign and its kin, drawn over the
    /// digits after them): a cell of their own, as the C library gives them.
    static func isPrependedConcatenationMark(_ v: UInt32) -> Bool {
        (0x600...0x605).contains(v) || v == 0x6DD || v == 0x70F || (0x890...0x891).contains(v) || v == 0x8E2
            || v == 0x110BD || v == 0x110CD
    }

    /// East Asian Wide (W) or Fullwidth (F): a binary search of `wideRanges`.
    static func isWide(_ v: UInt32) -> Bool {
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2, range = wideRanges[mid]
            if v < range.lowerBound { high = mid - 1 } else if v > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}
