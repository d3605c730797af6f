import CNCursesw

/// What ncurses can actually draw for one canvas cell. ncurses keeps a base character
/// plus non-spacing marks per cell and trusts the C library's `wcwidth`, which may
/// disagree with `DisplayWidth` on emoji sequences. To keep the screen aligned we send
/// only what `wcwidth` agrees on, and blank the column a narrower glyph leaves free:
/// 👍🏽 → 👍 (skin tone dropped), 👨‍👩‍👧 → 👨, ❤️ → ❤ + blank (VS16 dropped).
enum CellText {
    /// Most wide characters in one ncurses cell (`CCHARW_MAX`).
    static let maxChars = 5

    /// Null-terminated wide characters for a cell of `width` columns (1 or 2), and
    /// whether the column after the glyph must be blanked.
    static func prepare(_ text: String, width: Int) -> (chars: [wchar_t], padNext: Bool) {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return ([0x20, 0], width == 2) }
        if scalars.count == 1, first.value >= 0x20, first.value < 0x7F {   // ASCII fast path
            return ([wchar_t(first.value), 0], width == 2)
        }
        var chars: [wchar_t] = []
        var base = first
        var rest = scalars.dropFirst()
        var baseWidth = Int(cn_wcwidth(first.value))
        if baseWidth == 0 {                   // a cluster led by a mark: give it a base
            base = " "
            rest = scalars[...]
            baseWidth = 1
        }
        if baseWidth < 0 || baseWidth > width { // unprintable here, or wider than its cell
            return ([0xFFFD, 0], width == 2)
        }
        chars.append(wchar_t(base.value))
        for scalar in rest {
            if chars.count == maxChars { break }
            let w = cn_wcwidth(scalar.value)
            if w != 0 { break }               // a second spacing character: ncurses would drop it
            if scalar.value == 0x200D { continue }  // joiner without its partner
            if scalar.value == 0xFE0F && baseWidth == 1 { continue } // would turn wide on some terminals
            chars.append(wchar_t(scalar.value))
        }
        chars.append(0)
        return (chars, baseWidth < width)
    }
}
