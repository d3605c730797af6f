import CNCursesw
import TextGrid

/// A role's colors as curses color numbers; -1 is the terminal's default.
struct RoleColors: Equatable, Sendable {
    var fg: Int16
    var bg: Int16
}

/// The theme's colors for each `ColorRole`, given how many colors the terminal has.
enum Palette {
    private static let black: Int16 = 0, red: Int16 = 1, green: Int16 = 2, yellow: Int16 = 3,
        blue: Int16 = 4, magenta: Int16 = 5, cyan: Int16 = 6, white: Int16 = 7

    /// Colors for `role`. With fewer than 16 colors bright variants fall back to the base
    /// eight; `custom` colors replace the theme's where the terminal has them; without
    /// default-color support, -1 becomes the theme's own fg/bg.
    static func colors(for role: ColorRole, theme: TerminalOptions.Theme, colorCount: Int,
                       defaultColors: Bool, custom: TerminalOptions.CustomColor? = nil) -> RoleColors {
        let bright = colorCount >= 16
        func b(_ c: Int16) -> Int16 { bright ? c + 8 : c }
        let gray: Int16 = bright ? 8 : (theme == .dark ? white : black)
        var c: RoleColors
        switch theme {
        case .dark:
            switch role {
            case .normal: c = .init(fg: -1, bg: -1)
            case .muted: c = .init(fg: gray, bg: -1)
            case .accent: c = .init(fg: b(cyan), bg: -1)
            case .title: c = .init(fg: b(yellow), bg: -1)
            // Plain magenta and red are too dark on black (under 4.5:1): green headings,
            // errors white on red with eight colors.
            case .heading: c = .init(fg: bright ? b(magenta) : green, bg: -1)
            case .selection: c = .init(fg: black, bg: cyan)
            case .highlight: c = .init(fg: black, bg: yellow)
            case .status: c = .init(fg: b(white), bg: blue)
            case .error: c = bright ? .init(fg: b(red), bg: -1) : .init(fg: white, bg: red)
            // Bright blue is too dark on black; links are underlined, so cyan is enough.
            case .link: c = .init(fg: cyan, bg: -1)
            // White on bright black is 4:1; black on it is 5.2:1.
            case .tab: c = bright ? .init(fg: black, bg: 8) : .init(fg: white, bg: black)
            case .activeTab: c = .init(fg: black, bg: yellow)
            }
        case .light:
            switch role {
            case .normal: c = .init(fg: -1, bg: -1)
            case .muted: c = .init(fg: gray, bg: -1)
            case .accent: c = .init(fg: blue, bg: -1)
            case .title: c = .init(fg: magenta, bg: -1)
            case .heading: c = .init(fg: blue, bg: -1)
            case .selection: c = .init(fg: b(white), bg: blue)
            case .highlight: c = .init(fg: black, bg: b(yellow))
            case .status: c = .init(fg: b(white), bg: black)
            case .error: c = .init(fg: red, bg: -1)
            case .link: c = .init(fg: blue, bg: -1)
            case .tab: c = .init(fg: black, bg: white)
            // White (7, light gray) on magenta is 3.7:1: blue with eight colors.
            case .activeTab: c = bright ? .init(fg: b(white), bg: magenta) : .init(fg: white, bg: blue)
            }
        }
        if let custom {
            // A custom color the terminal cannot show: bright ones as their base color,
            // others keep the theme's.
            func fit(_ n: Int16) -> Int16? {
                if n < 0 { return -1 }
                if Int(n) < colorCount { return n }
                if n < 16 && colorCount >= 8 { return n - 8 }
                return nil
            }
            if let fg = custom.fg.flatMap(fit) { c.fg = fg }
            if let bg = custom.bg.flatMap(fit) { c.bg = bg }
        }
        if !defaultColors {
            if c.fg < 0 { c.fg = theme == .dark ? white : black }
            if c.bg < 0 { c.bg = theme == .dark ? black : b(white) }
        }
        return c
    }

    /// The color pair number of a role (pair 0 is left to curses).
    static func pair(for role: ColorRole) -> Int16 { Int16(role.rawValue) + 1 }
}

/// Maps a `Style` to curses attribute bits and a color pair.
struct StyleMapper: Sendable {
    let color: Bool
    private let bold = cn_attr_bold(), reverse = cn_attr_reverse(),
        underline = cn_attr_underline(), dim = cn_attr_dim()

    init(color: Bool) { self.color = color }

    /// Attributes and pair for a style. Without color, roles that only color would show
    /// get an attribute instead (selection and bars reverse, titles bold, links underlined…).
    func map(_ style: Style) -> (attrs: UInt32, pair: Int16) {
        var attrs: UInt32 = 0
        if style.bold { attrs |= bold }
        if style.reverse { attrs |= reverse }
        if style.underline { attrs |= underline }
        if style.dim { attrs |= dim }
        if color { return (attrs, Palette.pair(for: style.role)) }
        switch style.role {
        case .normal, .accent: break
        case .muted: attrs |= dim
        case .title, .heading, .error, .activeTab: attrs |= bold
        case .link: attrs |= underline
        case .selection, .highlight, .status: attrs |= reverse
        case .tab: break
        }
        if style.role == .activeTab { attrs |= reverse }
        return (attrs, 0)
    }
}
