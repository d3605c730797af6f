import ArgumentParser
import BuiltinCatalog
import Foundation
import TextGrid
import Curses
import FestivalCatalog
import FestivalSchedule
import FestivalSearch
import FestivalStorage
import FestivalUI
import FestivalApp
import FestivalLibrary

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

    @Option(help: ArgumentHelp("Color theme: dark, light or auto (default: the config file's, else auto: the one for the background the terminal reports, else dark).", valueName: "theme"),
            completion: .list(["auto", "dark", "light"]))
    var theme: String?

    func validate() throws {
        if let theme, ThemeSettings.Base(rawValue: theme) == nil { throw ValidationError("unknown theme '\(Sanitize.oneLine(theme))' (use auto, dark or light)") }
    }

    func run() throws {
        // The config file first (a bad one stops here, before the terminal changes), then
        // the command line, which wins.
        let config: Config
        do {
            config = try Config.load(environment: ProcessInfo.processInfo.environment) ?? Config()
        } catch {
            throw CLIFailure.usage("\(error)")
        }
        var terminalOptions = TerminalOptions().applying(config)
        if noMouse { terminalOptions.mouse = false }
        if noColor { terminalOptions.color = .never }
        let environment = ProcessInfo.processInfo.environment
        terminalOptions.hyperlinks = Hyperlinks.supported(environment: environment)
        // With the catalog on standard input (`--catalog -`), keys come from the terminal itself.
        let tty = options.catalog == "-" ? open("/dev/tty", O_RDWR | O_CLOEXEC) : -1
        defer { if tty >= 0 { close(tty) } }
        if options.catalog == "-" && (tty < 0 || isatty(STDOUT_FILENO) != 1) {
            throw CLIFailure.usage("--catalog -: the browser needs a terminal (/dev/tty) for its keys")
        }
        terminalOptions.choose(theme.flatMap(ThemeSettings.Base.init(rawValue:)) ?? config.theme?.base ?? .auto,
                               environment: environment, inputFD: tty >= 0 ? tty : STDIN_FILENO)
        let terminal: Terminal
        do {
            if tty >= 0 {
                terminal = try Terminal.start(terminalOptions, inputFD: tty, outputFD: STDOUT_FILENO)
            } else {
                terminal = try Terminal.start(terminalOptions)
            }
        } catch {
            throw CLIFailure.usage("\(error)")
        }
        defer { terminal.stop() }
        let language = options.lang == nil ? config.language ?? options.language : options.language
        let inbox = Inbox()
        let startup = BrowserStartup(path: options.catalog, cache: .standard, inbox: inbox)
        // Runs last, after the terminal is restored: a cache file being written is finished.
        defer { startup.finishWriting(seconds: 10) }
        guard let opened = try startup.open(terminal: terminal, language: language) else { return }
        let history = SearchHistoryFile(path: SearchHistoryFile.standardPath(environment: environment), limit: SearchState.maxHistory)
        let shelfStore = ShelfStore(directory: ShelfStore.standardDirectory(environment: environment), catalogID: opened.catalog.id)
        let screen = CursesScreen(terminal)
        var loop = BrowserLoop(terminal: screen,
                               state: AppState(catalog: opened.catalog, language: language, size: screen.cellSize,
                                               start: opened.isStart,
                                               exportDirectory: config.exportDirectory(home: environment["HOME"],
                                                                                       current: FileManager.default.currentDirectoryPath),
                                               planRequest: config.plan ?? PlanRequest()),
                               effects: SystemEffects(shelfStore: shelfStore, environment: environment, history: history),
                               keymap: config.keymap, inbox: inbox)
        let shelf = shelfStore.load()
        loop.send(.shelfLoaded(shelf.shelf, message: shelf.message))
        loop.send(.searchHistory(history.load()))
        for action in opened.posted { loop.send(action) }
        // A start is painted before the whole catalog begins loading: with two cores, the
        // load's threads would delay that first paint several times over.
        loop.paint()
        if opened.isStart { startup.loadWhole() }
        loop.run()
        terminal.stop()
        for notice in loop.notices { Output.error(notice) }
        // The rest of a catalog shown from its start turned out not to be valid.
        if let failure = loop.catalogFailure { throw CLIFailure.catalog(failure) }
    }
}

/// The ncurses terminal as the browser loop sees it.
final class CursesScreen: BrowserTerminal {
    let terminal: Terminal

    init(_ terminal: Terminal) { self.terminal = terminal }

    var cellSize: Size { Size(width: terminal.size.width, height: terminal.size.height) }
    func paint(_ canvas: Canvas) { terminal.paint(canvas) }
    func readKey(timeoutMs: Int?) -> Key? { terminal.readKey(timeoutMs: timeoutMs) }
    func nextInput(wake: Int32) -> InputEvent { terminal.nextInput(wakeFD: wake) }
    func suspend() { terminal.suspend() }
    func invalidate() { terminal.invalidate() }
    func copyToClipboard(_ text: String) { terminal.copyToClipboard(text) }
    func runOutside(_ body: () -> Void) { terminal.runOutside(body) }
}

