@testable import Curses
import Testing
import TextGrid

/// Every role is legible on both palettes: the WCAG contrast of its text against its
/// background, with xterm's colors, on 8- and 256-color terminals.
@Suite struct PaletteContrastTests {
    typealias RGB = TerminalBackground.RGB

    /// xterm's default RGB values of the 16 ANSI colors.
    static let xterm16 = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
                          "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]

    /// A curses color number as xterm shows it (16–231 the color cube, 232–255 the grays);
    /// -1 is the theme's assumed default: light gray text on black for dark, black on
    /// white for light.
    static func rgb(_ n: Int16, foreground: Bool, theme: TerminalOptions.Theme) -> RGB {
        switch n {
        case ..<0:
            switch (theme, foreground) {
            case (.dark, true): return RGB(hex: "#e5e5e5")!
            case (.dark, false), (.light, true): return RGB(hex: "#000000")!
            case (.light, false): return RGB(hex: "#ffffff")!
            }
        case 0..<16: return RGB(hex: xterm16[Int(n)])!
        case 16..<232:
            let steps = [0, 95, 135, 175, 215, 255].map { Double($0) / 255 }
            let i = Int(n) - 16
            return RGB(red: steps[i / 36], green: steps[i / 6 % 6], blue: steps[i % 6])
        default:
            let level = Double(8 + 10 * (Int(n) - 232)) / 255
            return RGB(red: level, green: level, blue: level)
        }
    }

    static func contrast(_ role: ColorRole, theme: TerminalOptions.Theme, colorCount: Int, defaultColors: Bool = true) -> Double {
        let c = Palette.colors(for: role, theme: theme, colorCount: colorCount, defaultColors: defaultColors)
        return RGB.contrast(rgb(c.fg, foreground: true, theme: theme), rgb(c.bg, foreground: false, theme: theme))
    }

    /// 3:1 for secondary text, 4.5:1 for everything else (WCAG AA).
    static func required(_ role: ColorRole) -> Double { role == .muted ? 3 : 4.5 }

    @Test(arguments: [TerminalOptions.Theme.dark, .light], [8, 256])
    func everyRoleIsLegible(theme: TerminalOptions.Theme, colorCount: Int) {
        for role in ColorRole.allCases {
            let ratio = Self.contrast(role, theme: theme, colorCount: colorCount)
            #expect(ratio >= Self.required(role), "\(theme) \(colorCount) colors: \(role) is \(ratio):1")
        }
    }

    /// Terminals without default colors get the theme's own (light: bright white behind
    /// text when there are 16 colors).
    @Test(arguments: [TerminalOptions.Theme.dark, .light])
    func legibleWithoutDefaultColors(theme: TerminalOptions.Theme) {
        for role in ColorRole.allCases {
            let ratio = Self.contrast(role, theme: theme, colorCount: 256, defaultColors: false)
            #expect(ratio >= Self.required(role), "\(theme): \(role) is \(ratio):1")
        }
    }

    /// The issue this came from: the dark palette's titles on a white background.
    @Test func theDarkPaletteIsIllegibleOnWhiteWhichIsWhyTheBackgroundIsDetected() {
        let title = Palette.colors(for: .title, theme: .dark, colorCount: 256, defaultColors: true)
        #expect(RGB.contrast(Self.rgb(title.fg, foreground: true, theme: .dark), RGB(hex: "#ffffff")!) < 1.5)
    }

    @Test func xtermColorsAsExpected() {
        #expect(Self.rgb(16, foreground: true, theme: .dark) == RGB(red: 0, green: 0, blue: 0))
        #expect(Self.rgb(231, foreground: true, theme: .dark) == RGB(red: 1, green: 1, blue: 1))
        #expect(Self.rgb(-1, foreground: true, theme: .light) == RGB(red: 0, green: 0, blue: 0))
        #expect(Self.rgb(-1, foreground: false, theme: .light) == RGB(red: 1, green: 1, blue: 1))
        #expect(Self.rgb(-1, foreground: false, theme: .dark) == RGB(red: 0, green: 0, blue: 0))
    }
}
