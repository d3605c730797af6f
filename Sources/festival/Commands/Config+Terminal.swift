import Curses
import FestivalUI
import TextGrid

extension TerminalOptions {
    /// These options with the config file's mouse setting and custom colors (its base
    /// palette is chosen by `choose`). Apply command-line flags after this, so they win.
    func applying(_ config: Config) -> TerminalOptions {
        var options = self
        if let mouse = config.mouse { options.mouse = mouse }
        if let theme = config.theme {
            options.customColors = theme.colors.mapValues { color in
                CustomColor(fg: color.fg.map { Int16($0.number) }, bg: color.bg.map { Int16($0.number) })
            }
        }
        return options
    }

    /// Sets the palette: `dark` or `light` as chosen (`--theme` over the config file), or
    /// for `auto` the one for the background the terminal reports (`TerminalBackground`;
    /// keys typed meanwhile are kept), else dark. Without colors nothing is asked.
    mutating func choose(_ base: ThemeSettings.Base, environment: [String: String], inputFD: Int32) {
        switch base {
        case .dark: theme = .dark
        case .light: theme = .light
        case .auto:
            let noColor = color == .never || !(environment["NO_COLOR"] ?? "").isEmpty
            guard !noColor else { theme = .dark; return }
            let detection = TerminalBackground.detect(environment: environment, inputFD: inputFD)
            theme = detection.theme ?? .dark
            typeahead = detection.typeahead
        }
    }
}
