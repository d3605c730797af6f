import FestivalCatalog
import FestivalLibrary
import FestivalSchedule
import FestivalUI
import Foundation
import TextGrid

/// Reads keys and what was posted into its inbox, updates the state, runs effects and
/// paints, until quit or end of input. Every effect's result goes back through `update` as
/// an action; this loop never changes the state itself.
///
/// Effects that may be slow (a shelf save waiting on another festival's lock, an export, a
/// browser being started, the history file) run off the loop's thread, one serial queue per
/// file they touch, and post their result into the inbox: keys keep answering meanwhile, and
/// two effects on the same file are applied in order. The editor, the clipboard, suspend and
/// redraw use the terminal, so they run here.
public struct BrowserLoop<Terminal: BrowserTerminal, Effects: EffectRunner> {
    public let terminal: Terminal
    public let effects: Effects
    public let keymap: Keymap
    /// Where background jobs and slow effects post their results.
    public let inbox: Inbox
    /// The wall clock (a test passes a fixed one).
    public let clock: () -> Date
    public private(set) var state: AppState
    /// Messages worth reading in full once the terminal is restored (the bottom line cuts
    /// them at its width): an unusable shelf file and where it went, a failed save or export.
    public private(set) var notices: [String] = []
    /// Why the rest of a catalog shown from its start could not be loaded (the browser ended).
    public private(set) var catalogFailure: CatalogError?

    private let queues = EffectQueues()
    /// Shelf saves sent and not yet answered: the answer of one that is followed by another
    /// is not applied (the later one re-reads the file and carries both), so the shelf shown
    /// never steps back.
    private var shelfSavesPending = 0

    public init(terminal: Terminal, state: AppState, effects: Effects, keymap: Keymap = .standard,
                inbox: Inbox = Inbox(), clock: @escaping () -> Date = Date.init) {
        self.terminal = terminal
        self.effects = effects
        self.keymap = keymap
        self.inbox = inbox
        self.clock = clock
        self.state = state
    }

    /// Runs until quit or the end of input; then waits for the effects still running and
    /// applies their results (a change made just before quitting is saved).
    public mutating func run() {
        defer { finish() }
        paint()
        while !state.quitting {
            switch terminal.nextInput(wake: inbox.wakeFD) {
            case .closed:
                return
            case .woken:
                guard receive() else { return }
            case .key(let key):
                guard handle(key) else { return }
                // Keys and resizes already waiting are handled before one paint: a resize
                // storm or a held-down key costs one frame, not one each.
                var budget = 512
                while budget > 0, let next = terminal.readKey(timeoutMs: 0) {
                    guard handle(next) else { return }
                    budget -= 1
                }
                guard receive() else { return }
            }
            paint()
        }
    }

    /// What was posted, through `update` in order; false means quit.
    private mutating func receive() -> Bool {
        for action in inbox.drain() {
            guard accept(action) else { continue }
            guard send(action) else { return false }
        }
        return true
    }

    /// Whether a posted action is applied (see `shelfSavesPending`).
    private mutating func accept(_ action: Action) -> Bool {
        switch action {
        case .shelfSaved:
            shelfSavesPending = max(0, shelfSavesPending - 1)
            return shelfSavesPending == 0
        case .shelfSaveFailed:
            shelfSavesPending = max(0, shelfSavesPending - 1)
            return true
        default:
            return true
        }
    }

    /// After the loop: the effects still running are waited for and their results applied.
    private mutating func finish() {
        queues.running.wait()
        for action in inbox.drain() where action.isEffectResult && accept(action) {
            note(action)
            _ = update(&state, action, now: clock(), keymap: keymap)
        }
    }

    private mutating func note(_ action: Action) {
        switch action {
        case .shelfLoaded(_, let message?), .shelfSaveFailed(let message), .exportFailed(let message):
            if !notices.contains(message) { notices.append(message) }
        case .catalogFailed(let error):
            catalogFailure = error
        default: break
        }
    }

    public func paint() {
        terminal.paint(view(state, size: state.size, keymap: keymap))
    }

    /// One key through `update` and its effects; false means quit.
    mutating func handle(_ key: Key) -> Bool {
        send(key == .resize ? .resize(terminal.cellSize) : .key(key))
    }

    /// Updates the state with `action` and runs the effects: those on the terminal here, with
    /// their results fed back in at once; the others on their queues, whose results come
    /// back through the inbox. False means quit.
    @discardableResult
    public mutating func send(_ action: Action) -> Bool {
        note(action)
        var queue = update(&state, action, now: clock(), keymap: keymap)
        var i = 0
        while i < queue.count {
            var result: Action?
            switch queue[i] {
            case .quit: return false
            case .suspend:
                terminal.suspend()
                result = .resize(terminal.cellSize)
            case .redraw:
                terminal.invalidate()
            case .copy(let text):
                terminal.copyToClipboard(text)
            case .editNote(let item, let text):
                result = effects.editNote(item, text) { body in terminal.runOutside(body) }
            case .openURL(let url):
                post(on: queues.open) { [effects] in effects.open(url) }
            case .saveShelf(let change, let at):
                shelfSavesPending += 1
                post(on: queues.shelf) { [effects] in effects.save(change, at: at) }
            case .export(let request):
                let (catalog, language, now) = (state.catalog, state.language, clock())
                post(on: queues.export) { [effects] in effects.export(request, catalog: catalog, language: language, now: now) }
            case .rememberQuery(let query):
                post(on: queues.history) { [effects] in effects.rememberQuery(query) }
            case .plan(let shelf, let request):
                let (catalog, timetable) = (state.catalog, state.timetable)
                post(on: queues.plan) {
                    .planned(PlanProblem(catalog: catalog, timetable: timetable, shelf: shelf, request: request)
                        .solve(catalog: catalog, shelf: shelf, timeLimit: request.timeLimit))
                }
            }
            if let result {
                note(result)
                queue += update(&state, result, now: clock(), keymap: keymap)
            }
            i += 1
        }
        return true
    }

    /// Runs an effect on `queue` and posts its result.
    private func post(on queue: DispatchQueue, _ effect: @escaping @Sendable () -> Action?) {
        let inbox = inbox
        queue.async(group: queues.running) {
            if let result = effect() { inbox.post(result) }
        }
    }
}

/// The serial queues slow effects run on: one per file (or program) they touch.
private final class EffectQueues: Sendable {
    let shelf = DispatchQueue(label: "festival.shelf")
    let export = DispatchQueue(label: "festival.export")
    let open = DispatchQueue(label: "festival.open")
    let history = DispatchQueue(label: "festival.history")
    let plan = DispatchQueue(label: "festival.plan")
    /// Every effect running or waiting.
    let running = DispatchGroup()
}

extension Action {
    /// Whether this reports an effect's result (not a key or a background job's finding).
    var isEffectResult: Bool {
        switch self {
        case .shelfSaved, .shelfSaveFailed, .exported, .exportFailed, .opened, .notOpened, .searchHistory,
             .searchHistoryNotSaved, .planned:
            true
        default:
            false
        }
    }
}
