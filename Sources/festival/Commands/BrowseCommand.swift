import ArgumentParser
import Curses
import FestivalModel
import FestivalUI

/// `festival` (default): the interactive browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default when no subcommand is given)."
    )

    @OptionGroup var options: CatalogOptions

    @Flag(name: .long, help: "Do not capture the mouse (keeps the terminal's own text selection).")
    var noMouse = false

    @Flag(name: .long, help: "No colors, only bold, dim, underline and reverse (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: ArgumentHelp("Color theme: dark or light.", valueName: "theme"))
    var theme: String = "dark"

    func validate() throws {
        guard ["dark", "light"].contains(theme) else { throw ValidationError("unknown theme '\(theme)' (use dark or light)") }
    }

    func run() throws {
        let catalog = try options.load()
        let terminalOptions = TerminalOptions(mouse: !noMouse, color: noColor ? .never : .auto,
                                              theme: theme == "light" ? .light : .dark)
        let terminal: Terminal
        do {
            terminal = try Terminal.start(terminalOptions)
        } catch {
            throw CLIFailure.usage("\(error)")
        }
        defer { terminal.stop() }
        var loop = BrowserLoop(terminal: terminal, catalog: catalog, language: options.language)
        loop.run()
    }
}

/// Reads keys, updates the state, runs effects and paints, until quit or end of input.
struct BrowserLoop {
    let terminal: Terminal
    var state: AppState

    init(terminal: Terminal, catalog: Catalog, language: Language) {
        self.terminal = terminal
        state = AppState(catalog: catalog, language: language, size: Self.size(terminal))
    }

    static func size(_ terminal: Terminal) -> Size {
        Size(width: terminal.size.width, height: terminal.size.height)
    }

    mutating func run() {
        terminal.paint(view(state, size: state.size))
        while !state.quitting {
            guard let key = terminal.readKey(timeoutMs: nil) else { return }   // input closed
            var effects: [Effect] = []
            if key == .resize {
                effects = update(&state, .resize(Self.size(terminal)))
            } else {
                effects = update(&state, .key(key))
            }
            for effect in effects {
                switch effect {
                case .quit: return
                case .suspend:
                    terminal.suspend()
                    effects += update(&state, .resize(Self.size(terminal)))
                case .redraw: terminal.invalidate()
                case .openURL(let url): state.message = url
                }
            }
            terminal.paint(view(state, size: state.size))
        }
    }
}
