import FestivalCatalog
import FestivalLibrary
import FestivalUI
import Foundation
import TextGrid

/// Reads keys, updates the state, runs effects and paints, until quit or end of input.
/// Every effect's result goes back through `update` as an action; this loop never changes
/// the state itself.
public struct BrowserLoop<Terminal: BrowserTerminal, Effects: EffectRunner> {
    public let terminal: Terminal
    public let effects: Effects
    public let keymap: Keymap
    /// The wall clock (a test passes a fixed one).
    public let clock: () -> Date
    public private(set) var state: AppState
    /// Messages worth reading in full once the terminal is restored (the bottom line cuts
    /// them at its width): an unusable shelf file and where it went, a failed save or export.
    public private(set) var notices: [String] = []

    public init(terminal: Terminal, state: AppState, effects: Effects, keymap: Keymap = .standard,
                clock: @escaping () -> Date = Date.init) {
        self.terminal = terminal
        self.effects = effects
        self.keymap = keymap
        self.clock = clock
        self.state = state
    }

    /// Runs until quit, the end of input, or (while only the catalog's start is shown) the
    /// rest of the catalog failing to load. Each is asked without waiting, in turn, until it
    /// has its answer: `catalog` for the rest of a catalog shown from its start; `library`,
    /// for the search index being built in the background; then `check`, for whether the
    /// catalog file turned out to have changed since it was cached.
    public mutating func run(catalog: () -> CatalogArrival = { .failed }, library: () -> Library?,
                             check: () -> CatalogCheck = { .unchanged }) {
        var loadingRest = state.loading != nil
        var pending = state.library == nil
        var checking = true
        paint()
        while !state.quitting {
            if loadingRest {
                switch catalog() {
                case .loading(let fraction):
                    // A repaint for each whole percent, not for each poll.
                    if fraction.map({ Int($0 * 100) }) != state.loading?.fraction.map({ Int($0 * 100) }) {
                        send(.catalogProgress(fraction))
                        paint()
                    }
                case .loaded(let whole):
                    loadingRest = false
                    send(.catalogLoaded(whole))
                    paint()
                case .failed:
                    return
                }
            }
            if !loadingRest, pending, let built = library() {
                pending = false
                send(.libraryReady(built))
                paint()
            }
            if !pending, checking {
                switch check() {
                case .pending: break
                case .unchanged: checking = false
                case .changed(let fresh):
                    checking = false
                    send(.catalogReloaded(fresh))
                    paint()
                }
            }
            let waiting = loadingRest || pending || checking
            let key = terminal.readKey(timeoutMs: waiting ? 100 : nil)
            guard let key else {
                if waiting { continue }   // a timeout: look at the index (or the check) again
                return                    // input closed
            }
            guard handle(key) else { return }
            // Keys and resizes already waiting are handled before one paint: a resize storm
            // or a held-down key costs one frame, not one each.
            var budget = 512
            while budget > 0, let next = terminal.readKey(timeoutMs: 0) {
                guard handle(next) else { return }
                budget -= 1
            }
            paint()
        }
    }

    private mutating func note(_ action: Action) {
        switch action {
        case .shelfLoaded(_, let message?), .shelfSaveFailed(let message), .exportFailed(let message):
            if !notices.contains(message) { notices.append(message) }
        default: break
        }
    }

    func paint() {
        terminal.paint(view(state, size: state.size, keymap: keymap))
    }

    /// One key through `update` and its effects; false means quit.
    mutating func handle(_ key: Key) -> Bool {
        send(key == .resize ? .resize(terminal.cellSize) : .key(key))
    }

    /// Updates the state with `action`, runs the effects and feeds each result back in
    /// (its own effects run too); false means quit.
    @discardableResult
    public mutating func send(_ action: Action) -> Bool {
        note(action)
        var queue = update(&state, action, now: clock(), keymap: keymap)
        var i = 0
        while i < queue.count {
            let result: Action?
            switch queue[i] {
            case .quit: return false
            case .suspend:
                terminal.suspend()
                result = .resize(terminal.cellSize)
            case .redraw:
                terminal.invalidate()
                result = nil
            case .openURL(let url): result = effects.open(url)
            case .copy(let text):
                terminal.copyToClipboard(text)
                result = nil
            case .saveShelf(let change, let at): result = effects.save(change, at: at)
            case .export(let request):
                result = effects.export(request, catalog: state.catalog, language: state.language, now: clock())
            case .editNote(let item, let text):
                result = effects.editNote(item, text) { body in terminal.runOutside(body) }
            case .rememberQuery(let query): result = effects.rememberQuery(query)
            }
            if let result {
                note(result)
                queue += update(&state, result, now: clock(), keymap: keymap)
            }
            i += 1
        }
        return true
    }
}

/// The rest of a catalog whose start is shown (see `CatalogStart`).
public enum CatalogArrival: Sendable {
    /// Still loading, this far (when known).
    case loading(Double?)
    case loaded(Catalog)
    /// The catalog is not valid (the shell reports why once the terminal is restored).
    case failed
}

/// Whether a catalog shown from its cache file still matches the file (see
/// `CatalogCache.confirm`).
public enum CatalogCheck: Sendable {
    case pending, unchanged
    /// The file had changed: its catalog, read again, with its index.
    case changed(Library)
}
