import TextGrid

/// How a terminal session starts.
public struct TerminalOptions: Sendable, Equatable {
    /// Whether to use color at all. Color is also off when `NO_COLOR` is set to any
    /// non-empty value (no-color.org) or the terminal has none.
    public enum ColorMode: Sendable, Equatable { case auto, never }
    /// Which palette maps `ColorRole`s to colors: for dark or for light backgrounds.
    public enum Theme: Sendable, Equatable { case dark, light }

    /// Report clicks and the wheel (turn off to let the terminal select text).
    public var mouse: Bool
    public var color: ColorMode
    public var theme: Theme
    /// Colors chosen for some roles over the theme's (from the config file).
    public var customColors: [ColorRole: CustomColor]
    /// How long ncurses waits after ESC for the rest of an escape sequence.
    public var escDelayMs: Int
    /// Whether to wrap links in OSC 8 so the terminal can open them (see `Hyperlinks`).
    public var hyperlinks = false
    /// Bytes already read from the terminal before the session (keys typed while
    /// `TerminalBackground.detect` waited): read as keys first, before anything new.
    public var typeahead: [UInt8] = []

    public init(mouse: Bool = true, color: ColorMode = .auto, theme: Theme = .dark,
                escDelayMs: Int = 25, customColors: [ColorRole: CustomColor] = [:]) {
        self.mouse = mouse
        self.color = color
        self.theme = theme
        self.escDelayMs = escDelayMs
        self.customColors = customColors
    }

    /// A role's text and background as curses color numbers: 0–255, -1 for the
    /// terminal's default; nil keeps the theme's. A color the terminal lacks falls back
    /// (8–15 to 0–7, others to the theme's).
    public struct CustomColor: Sendable, Equatable {
        public var fg: Int16?
        public var bg: Int16?

        public init(fg: Int16? = nil, bg: Int16? = nil) {
            self.fg = fg
            self.bg = bg
        }
    }
}
