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
    /// How long ncurses waits after ESC for the rest of an escape sequence.
    public var escDelayMs: Int

    public init(mouse: Bool = true, color: ColorMode = .auto, theme: Theme = .dark,
                escDelayMs: Int = 25) {
        self.mouse = mouse
        self.color = color
        self.theme = theme
        self.escDelayMs = escDelayMs
    }
}
