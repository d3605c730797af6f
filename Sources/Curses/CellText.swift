import CNCursesw

/// What ncurses is handed for one canvas cell: its spacing character and the marks drawn
/// on it (`DisplayWidth.units` has already split clusters and applied the emoji
/// fallbacks). ncurses trusts the C library's `wcwidth`; where that disagrees with the
/// cell's width the screen would shift, so: a character `wcwidth` does not know (newer
/// than the C library's data) or finds wider than its cell is drawn as `�`, one it finds
/// narrower gets the column after it blanked, and a mark it counts as spacing is left out.
enum CellText {
    /// Null-terminated wide characters for a cell of `width` columns (1 or 2), and
    /// whether the column after the glyph must be blanked.
    static func prepare(_ text: String, width: Int) -> (chars: [wchar_t], padNext: Bool) {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return ([0x20, 0], width == 2) }
        if scalars.count == 1, first.value >= 0x20, first.value < 0x7F {   // ASCII fast path
            return ([wchar_t(first.value), 0], width == 2)
        }
        let baseWidth = Int(cn_wcwidth(first.value))
        if baseWidth <= 0 || baseWidth > width { return ([0xFFFD, 0], width == 2) }
        var chars: [wchar_t] = [wchar_t(first.value)]
        for scalar in scalars.dropFirst() where cn_wcwidth(scalar.value) == 0 {
            chars.append(wchar_t(scalar.value))
        }
        chars.append(0)
        return (chars, baseWidth < width)
    }
}
