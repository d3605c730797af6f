import ArgumentParser
import BuiltinCatalog
import Foundation
import Synchronization
import TextGrid
import Curses
import FestivalCatalog
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
        if let theme, ThemeSettings.Base(rawValue: theme) == nil { throw ValidationError("unknown theme '\(theme)' (use auto, dark or light)") }
    }

    func run() throws {
        // Runs last, after the terminal is restored: a cache file being written is finished.
        var indexJob: Background<Library?>?
        defer { indexJob?.waitForThen(milliseconds: 10_000) }
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
        let cache = CatalogCache.standard
        let loading = CatalogLoading(options, cache: cache)
        guard let opened = try loading.open(terminal: terminal, language: language) else { return }
        // From the cache file on a hit; else built, shown, then stored for next time.
        // Lookup tables and the index are built after the first screen is shown (and after
        // the whole catalog has loaded, when only its start is shown).
        let index = Background({ () -> Library? in
            guard case .success(let loaded) = loading.whole.wait() else { return nil }
            let catalog = loaded.catalog
            catalog.prepareLookups()
            let library = cache.cachedIndex(loaded).map { Library(catalog: catalog, index: $0) } ?? Library(indexing: catalog)
            library.index.warmUp()
            return library
        },
                               then: { library in
            guard let library, case .success(let loaded) = loading.whole.wait() else { return }
            cache.storeIfNew(loaded, index: library.index)
        })
        indexJob = index
        // A start that found its cache by the file's identity alone hashes the file now; if
        // it had changed, the catalog is read again and replaces the one shown.
        let catalogPath = options.catalog
        let check = Background { () -> CatalogCheck in
            guard let path = catalogPath, case .success(let loaded) = loading.whole.wait(), !cache.confirm(loaded),
                  let fresh = try? cache.load(path: path) else { return .unchanged }
            let library = Library(indexing: fresh.catalog)
            cache.storeIfNew(fresh, index: library.index)
            return .changed(library)
        }
        let history = SearchHistoryFile(path: SearchHistoryFile.standardPath(environment: environment), limit: SearchState.maxHistory)
        let shelfStore = ShelfStore(directory: ShelfStore.standardDirectory(environment: environment), catalogID: opened.catalog.id)
        let screen = CursesScreen(terminal)
        var loop = BrowserLoop(terminal: screen,
                               state: AppState(catalog: opened.catalog, language: language, size: screen.cellSize,
                                               start: opened.isStart,
                                               exportDirectory: config.exportDirectory(home: environment["HOME"],
                                                                                       current: FileManager.default.currentDirectoryPath)),
                               effects: SystemEffects(shelfStore: shelfStore, environment: environment, history: history),
                               keymap: config.keymap)
        let shelf = shelfStore.load()
        loop.send(.shelfLoaded(shelf.shelf, message: shelf.message))
        loop.send(.searchHistory(history.load()))
        loop.run(catalog: { loading.arrival() }, library: { index.wait(milliseconds: 0) ?? nil },
                 check: { check.wait(milliseconds: 0) ?? .pending })
        terminal.stop()
        for notice in loop.notices { Output.error(notice) }
        // The rest of a catalog shown from its start turned out not to be valid.
        if case .failure(let error)? = loading.whole.wait(milliseconds: 0) { throw CLIFailure.catalog(error) }
    }
}

/// The ncurses terminal as the browser loop sees it.
final class CursesScreen: BrowserTerminal {
    let terminal: Terminal

    init(_ terminal: Terminal) { self.terminal = terminal }

    var cellSize: Size { Size(width: terminal.size.width, height: terminal.size.height) }
    func paint(_ canvas: Canvas) { terminal.paint(canvas) }
    func readKey(timeoutMs: Int?) -> Key? { terminal.readKey(timeoutMs: timeoutMs) }
    func suspend() { terminal.suspend() }
    func invalidate() { terminal.invalidate() }
    func copyToClipboard(_ text: String) { terminal.copyToClipboard(text) }
    func runOutside(_ body: () -> Void) { terminal.runOutside(body) }
}

/// Loads the catalog on another thread while the terminal shows progress and answers `q`;
/// a large catalog is shown from its start while the rest loads: from its cache file
/// without the quotes (`CatalogCache.cachedStart`), else from the JSON's start when the
/// file is in the documented order (`CatalogStart`).
struct CatalogLoading {
    let path: String?
    let progress = LoadProgress()
    /// The whole catalog, from the cache file or the JSON.
    let whole: Background<Result<CatalogCache.Loaded, CatalogError>>
    /// The start of a regular file, read on its own (nil: not looked for).
    let start: Background<Catalog?>?
    /// Opened once the browser has painted the start and polls for the rest.
    let painted = Gate()

    init(_ options: CatalogOptions, cache: CatalogCache) {
        let path = options.catalog
        let progress = progress
        let painted = painted
        // A pipe is read once, by the whole load. A cached file starts from its cache file
        // without the quotes, another from the JSON's start.
        let start = path.flatMap { path in
            path == "-" ? nil : Background { cache.cachedStart(path: path) ?? CatalogStart.read(path: path) }
        }
        self.start = start
        whole = Background {
            // The start first, on its own: with two cores, the whole load's threads would
            // delay it several times over (1M quotes: 0.58 s to the first paint, not 0.15 s).
            // Then, when there is a start, its first paint, which the whole load's threads
            // would otherwise slow (1M quotes from the cache: 0.11-0.14 s to the first paint
            // without this wait, 0.11-0.12 s with it).
            if let shown = start?.wait(milliseconds: 1_000), shown != nil { painted.wait(milliseconds: 500) }
            return Result { () throws(CatalogError) -> CatalogCache.Loaded in
                if let path { return try cache.load(path: path, progress: progress) }
                return CatalogCache.Loaded(catalog: try CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8),
                                                                           file: BuiltinCatalog.displayName))
            }
        }
        self.path = path
    }

    /// What the browser opens on.
    struct Opened {
        var catalog: Catalog
        /// Only the catalog's start: the rest comes through `arrival()`.
        var isStart: Bool
    }

    /// The whole catalog or its start, whichever is there first, or nil when the user quit
    /// while waiting. Catalog errors are thrown (and printed once the terminal is restored).
    func open(terminal: Terminal, language: Language) throws -> Opened? {
        // A quick load shows no loading screen at all.
        var outcome = whole.wait(milliseconds: 80)
        while outcome == nil {
            if let catalog = start?.wait(milliseconds: 0) ?? nil { return Opened(catalog: catalog, isStart: true) }
            let size = CursesScreen(terminal).cellSize
            terminal.paint(loadingView(file: path ?? BuiltinCatalog.displayName, phase: progress.phase,
                                       fraction: progress.fraction, language: language, size: size))
            if let key = terminal.readKey(timeoutMs: 0), [.char("q"), .ctrl("c"), .escape].contains(key) { return nil }
            // Wakes as soon as the catalog is there; keys are looked at every 15 ms.
            outcome = whole.wait(milliseconds: 15)
        }
        switch outcome! {
        case .success(let loaded): return Opened(catalog: loaded.catalog, isStart: false)
        case .failure(let error): throw CLIFailure.catalog(error)
        }
    }

    /// The rest of a catalog shown from its start, as the browser loop polls it.
    func arrival() -> CatalogArrival {
        painted.open()
        switch whole.wait(milliseconds: 0) {
        case nil: return .loading(progress.phase == .parsing ? progress.fraction : nil)
        case .success(let loaded)?: return .loaded(loaded.catalog)
        case .failure?: return .failed
        }
    }
}
