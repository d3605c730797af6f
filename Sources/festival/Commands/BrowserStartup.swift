import BuiltinCatalog
import Curses
import FestivalApp
import FestivalCatalog
import FestivalLibrary
import FestivalStorage
import FestivalUI
import Foundation
import TextGrid

/// The browser's start: background work that posts what it finds into the browser's inbox.
///
/// 1. For a regular file, the catalog's start (festival, people, films): from its cache file
///    without the quotes (`CatalogCache.cachedStart`), else from the JSON's start when the
///    file is in the documented order (`CatalogStart`) — `.catalogStart`.
/// 2. The whole catalog, from the cache file or the JSON: `.catalogProgress` as it loads,
///    then `.catalogLoaded`, or `.catalogFailed` with the located error.
/// 3. Its index, from the cache file or built: `.libraryReady`; then the cache file written.
/// 4. For a start whose cache file was found by the file's identity alone: the file hashed,
///    and when it had changed, read again: `.catalogReloaded`.
///
/// Steps 2–4 run one after the other on one thread: at once when there is no start, else
/// from `loadWhole()`, once the start has been painted.
final class BrowserStartup: Sendable {
    let path: String?
    let cache: CatalogCache
    let inbox: Inbox
    let progress: LoadProgress
    /// Entered while a cache file is written; the process waits for it before it exits.
    private let writing = DispatchGroup()

    init(path: String?, cache: CatalogCache, inbox: Inbox) {
        self.path = path
        self.cache = cache
        self.inbox = inbox
        progress = LoadProgress { progress in
            inbox.post(.catalogProgress(progress.phase == .parsing ? progress.fraction : nil))
        }
        if let path, path != "-" {
            // The start first, on its own: with two cores, the whole load's threads would
            // delay it several times over (1M quotes: 0.58 s to the first paint, not 0.15 s).
            inbox.start { [self] in
                if let start = cache.cachedStart(path: path) ?? CatalogStart.read(path: path) { return .catalogStart(start) }
                loadWholeNow()
                return nil
            }
        } else {
            loadWhole()
        }
    }

    /// Steps 2–4, on a thread of their own.
    func loadWhole() {
        inbox.start { [self] in
            loadWholeNow()
            return nil
        }
    }

    private func loadWholeNow() {
        let loaded: CatalogCache.Loaded
        do {
            if let path {
                loaded = try cache.load(path: path, progress: progress)
            } else {
                loaded = CatalogCache.Loaded(catalog: try CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8),
                                                                             file: BuiltinCatalog.displayName))
            }
        } catch {
            inbox.post(.catalogFailed(error))
            return
        }
        inbox.post(.catalogLoaded(loaded.catalog))
        let catalog = loaded.catalog
        catalog.prepareLookups()
        let library = cache.cachedIndex(loaded).map { Library(catalog: catalog, index: $0) } ?? Library(indexing: catalog)
        library.index.warmUp()
        inbox.post(.libraryReady(library))
        write { _ = cache.storeIfNew(loaded, index: library.index) }
        guard let path, !cache.confirm(loaded), let fresh = try? cache.load(path: path) else { return }
        let reloaded = Library(indexing: fresh.catalog)
        inbox.post(.catalogReloaded(reloaded))
        write { _ = cache.storeIfNew(fresh, index: reloaded.index) }
    }

    private func write(_ body: () -> Void) {
        writing.enter()
        defer { writing.leave() }
        body()
    }

    /// Waits at most `seconds` for a cache file being written (none: returns at once).
    func finishWriting(seconds: Int) {
        _ = writing.wait(timeout: .now() + .seconds(seconds))
    }

    /// What the browser opens on.
    struct Opened {
        var catalog: Catalog
        /// Only the catalog's start: the rest comes through the inbox (after `loadWhole()`).
        var isStart: Bool
        /// What else was posted meanwhile, for the browser loop.
        var posted: [Action]
    }

    /// The whole catalog or its start, whichever is posted first, or nil when the user quit
    /// while waiting (or input ended). Meanwhile the terminal shows the load's progress,
    /// repainted as it is posted, and answers `q`, Ctrl-c and Esc. Catalog errors are thrown
    /// (and printed once the terminal is restored).
    func open(terminal: Terminal, language: Language) throws -> Opened? {
        var posted: [Action] = []
        // A quick load shows no loading screen at all.
        _ = inbox.wait(milliseconds: 80)
        while true {
            var start: Catalog?, whole: Catalog?
            for action in inbox.drain() {
                switch action {
                case .catalogFailed(let error): throw CLIFailure.catalog(error)
                case .catalogLoaded(let catalog): whole = catalog
                case .catalogStart(let catalog): start = catalog
                case .catalogProgress: break
                default: posted.append(action)
                }
            }
            if let whole { return Opened(catalog: whole, isStart: false, posted: posted) }
            if let start { return Opened(catalog: start, isStart: true, posted: posted) }
            let size = CursesScreen(terminal).cellSize
            terminal.paint(loadingView(file: path ?? BuiltinCatalog.displayName, phase: progress.phase,
                                       fraction: progress.fraction, language: language, size: size))
            switch terminal.nextInput(wakeFD: inbox.wakeFD) {
            case .closed: return nil
            case .key(let key) where [.char("q"), .ctrl("c"), .escape].contains(key): return nil
            case .key, .woken: continue
            }
        }
    }
}
