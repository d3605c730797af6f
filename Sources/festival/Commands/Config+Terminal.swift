import Curses
import FestivalUI
import TextGrid

extension TerminalOptions {
    /// These options with the config file's mouse setting and theme (its base palette and
    /// custom colors). Apply command-line flags after this, so they win.
    func applying(_ config: Config) -> TerminalOptions {
        var options = self
        if let mouse = config.mouse { options.mouse = mouse }
        if let theme = config.theme {
            options.theme = theme.base == .light ? .light : .dark
            options.customColors = theme.colors.mapValues { color in
                CustomColor(fg: color.fg.map { Int16($0.number) }, bg: color.bg.map { Int16($0.number) })
            }
        }
        return options
    }
}
