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

    @Option(help: ArgumentHelp("Color theme: dark or light (default: the config file's, else dark).", valueName: "theme"))
    var theme: String?

    func validate() throws {
        if let theme, !["dark", "light"].contains(theme) { throw ValidationError("unknown theme '\(theme)' (use dark or light)") }
    }

    func run() throws {
        // Runs last, after the terminal is restored: a cache file being written is finished.
        var indexJob: Background<SearchIndex>?
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
        if let theme { terminalOptions.theme = theme == "light" ? .light : .dark }
        terminalOptions.hyperlinks = Hyperlinks.supported(environment: ProcessInfo.processInfo.environment)
        let terminal: Terminal
        do {
            terminal = try Terminal.start(terminalOptions)
        } catch {
            throw CLIFailure.usage("\(error)")
        }
        defer { terminal.stop() }
        let language = options.lang == nil ? config.language ?? options.language : options.language
        let cache = CatalogCache.standard
        guard let loaded = try CatalogLoading.load(options, cache: cache, terminal: terminal, language: language) else { return }
        let catalog = loaded.catalog
        // From the cache file on a hit; else built, shown, then stored for next time.
        // Lookup tables and the index are built after the first screen is shown.
        let index = Background({
            catalog.prepareLookups()
            let index = cache.cachedIndex(loaded) ?? SearchIndex(catalog: catalog)
            index.warmUp()
            return index
        },
                               then: { cache.storeIfNew(loaded, index: $0) })
        indexJob = index
        var loop = BrowserLoop(terminal: terminal, catalog: catalog, language: language, keymap: config.keymap)
        loop.run(index: index)
    }
}

/// Loads the catalog on another thread while the terminal shows progress and answers `q`.
enum CatalogLoading {
    /// The catalog (from `cache` when it has it), or nil when the user quit while waiting.
    /// Catalog errors are thrown (and printed once the terminal is restored).
    static func load(_ options: CatalogOptions, cache: CatalogCache, terminal: Terminal,
                     language: Language) throws -> CatalogCache.Loaded? {
        let progress = LoadProgress()
        let path = options.catalog
        let job = Background { () -> Result<CatalogCache.Loaded, CatalogError> in
            Result { () throws(CatalogError) -> CatalogCache.Loaded in
                let loaded = if let path {
                    try cache.load(path: path, progress: progress)
                } else {
                    CatalogCache.Loaded(catalog: try CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8),
                                                                        file: BuiltinCatalog.displayName))
                }
                return loaded
            }
        }
        // A quick load shows no loading screen at all.
        var outcome = job.wait(milliseconds: 80)
        while outcome == nil {
            let size = BrowserLoop.size(terminal)
            terminal.paint(loadingView(file: path ?? BuiltinCatalog.displayName, phase: progress.phase,
                                       fraction: progress.fraction, language: language, size: size))
            if let key = terminal.readKey(timeoutMs: 0), [.char("q"), .ctrl("c"), .escape].contains(key) { return nil }
            // Wakes as soon as the catalog is there; keys are looked at every 15 ms.
            outcome = job.wait(milliseconds: 15)
        }
        switch outcome! {
        case .success(let loaded): return loaded
        case .failure(let error): throw CLIFailure.catalog(error)
        }
    }
}

/// Work on its own thread; `wait` polls for the result. `then` runs on that thread after
/// the result is out (e.g. storing it in the cache).
final class Background<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let finished = DispatchSemaphore(value: 0)
    private let thenFinished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value, then: (@Sendable (Value) -> Void)? = nil) {
        let thread = Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
            then?(value)
            thenFinished.signal()
        }
        thread.stackSize = 16 << 20   // deep JSON recursion stays far from the limit
        thread.start()
    }

    /// The value, waiting at most `milliseconds` for it.
    func wait(milliseconds: Int) -> Value? {
        if let value = result.withLock({ $0 }) { return value }
        guard finished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success else { return nil }
        finished.signal()   // later waits return at once
        return result.withLock { $0 }
    }

    /// When the result is out, waits at most `milliseconds` for `then` to finish; when it is
    /// not (the work is abandoned), returns at once.
    func waitForThen(milliseconds: Int) {
        guard result.withLock({ $0 != nil }) else { return }
        if thenFinished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success { thenFinished.signal() }
    }
}

/// Reads keys, updates the state, runs effects and paints, until quit or end of input.
struct BrowserLoop {
    let terminal: Terminal
    var state: AppState
    let shelfStore: ShelfStore
    let keymap: Keymap
    let environment = ProcessInfo.processInfo.environment

    init(terminal: Terminal, catalog: Catalog, language: Language, keymap: Keymap = .standard) {
        self.terminal = terminal
        self.keymap = keymap
        state = AppState(catalog: catalog, language: language, size: Self.size(terminal))
        shelfStore = ShelfStore(directory: ShelfStore.standardDirectory(environment: environment), catalogID: catalog.id)
        let loaded = shelfStore.load()
        state.shelf = loaded.shelf
        state.message = loaded.message
    }

    static func size(_ terminal: Terminal) -> Size {
        Size(width: terminal.size.width, height: terminal.size.height)
    }

    /// Runs until quit; `index` is the search index being built in the background.
    mutating func run(index: Background<SearchIndex>) {
        state.indexPending = true
        terminal.paint(view(state, size: state.size, keymap: keymap))
        while !state.quitting {
            if state.indexPending, let built = index.wait(milliseconds: 0) {
                state.indexReady(built)
                terminal.paint(view(state, size: state.size, keymap: keymap))
            }
            let key = terminal.readKey(timeoutMs: state.indexPending ? 100 : nil)
            guard let key else {
                if state.indexPending { continue }   // a timeout: look at the index again
                return                               // input closed
            }
            guard handle(key) else { return }
            // Keys and resizes already waiting are handled before one paint: a resize storm
            // or a held-down key costs one frame, not one each.
            var budget = 512
            while budget > 0, let next = terminal.readKey(timeoutMs: 0) {
                guard handle(next) else { return }
                budget -= 1
            }
            terminal.paint(view(state, size: state.size, keymap: keymap))
        }
    }

    /// Writes a shelf change (the store re-reads the file under its lock, so changes
    /// another instance made meanwhile are kept and shown).
    mutating func save(_ change: ShelfChange) {
        do {
            state.shelf = try shelfStore.update { change.apply(to: &$0) }
        } catch {
            state.message = "\(error)"
        }
    }

    /// Updates the state with one key and runs the effects; false means quit.
    mutating func handle(_ key: Key) -> Bool {
        var effects = key == .resize ? update(&state, .resize(Self.size(terminal)), keymap: keymap) : update(&state, .key(key), keymap: keymap)
        var i = 0
        while i < effects.count {
            switch effects[i] {
            case .quit: return false
            case .suspend:
                terminal.suspend()
                effects += update(&state, .resize(Self.size(terminal)))
            case .redraw: terminal.invalidate()
            case .openURL(let url): state.message = URLOpener.open(url, language: state.language)
            case .copy(let text): terminal.copyToClipboard(text)
            case .saveShelf(let change): save(change)
            case .export(let request): state.message = ListExporter.write(request, catalog: state.catalog, language: state.language)
            case .editNote(let item, let text):
                guard let editor = ExternalEditor.command(environment) else {
                    state.editNoteInline(item, text: text)
                    break
                }
                var edited: String?
                terminal.runOutside { edited = ExternalEditor.edit(text, argv: editor) }
                if let edited { save(state.noteEdited(item, text: edited)) }
            }
            i += 1
        }
        return true
    }
}
