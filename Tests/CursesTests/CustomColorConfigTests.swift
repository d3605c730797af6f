@testable import Curses
import Testing
import TextGrid

/// Custom role colors (from config.toml's [theme.colors]) over the theme's palette.
@Suite struct CustomColorConfigTests {
    func colors(_ role: ColorRole, _ custom: TerminalOptions.CustomColor?, colorCount: Int = 256,
                defaults: Bool = true, theme: TerminalOptions.Theme = .dark) -> RoleColors {
        Palette.colors(for: role, theme: theme, colorCount: colorCount, defaultColors: defaults, custom: custom)
    }

    @Test func customColorsReplaceTheThemes() {
        #expect(colors(.title, .init(fg: 214)) == RoleColors(fg: 214, bg: -1))
        #expect(colors(.selection, .init(bg: 4)) == RoleColors(fg: 0, bg: 4))
        #expect(colors(.status, .init(fg: -1, bg: -1)) == RoleColors(fg: -1, bg: -1))
        #expect(colors(.title, nil) == colors(.title, .init()))
        #expect(colors(.title, .init(fg: 2), theme: .light) == RoleColors(fg: 2, bg: -1))
    }

    @Test func colorsTheTerminalLacksFallBack() {
        // Bright colors become their base color on an 8-color terminal; 16–255 keep the theme's.
        #expect(colors(.title, .init(fg: 12), colorCount: 8) == RoleColors(fg: 4, bg: -1))
        #expect(colors(.title, .init(fg: 214), colorCount: 8) == colors(.title, nil, colorCount: 8))
        #expect(colors(.title, .init(fg: 214), colorCount: 16) == colors(.title, nil, colorCount: 16))
        // Without default colors, -1 still becomes the theme's own.
        #expect(colors(.normal, .init(fg: -1, bg: -1), defaults: false) == RoleColors(fg: 7, bg: 0))
    }
}
