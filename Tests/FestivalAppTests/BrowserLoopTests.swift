import BuiltinCatalog
import Foundation
import Glibc
import Testing
import TextGrid
@testable import FestivalApp
@testable import FestivalCatalog
@testable import FestivalLibrary
@testable import FestivalStorage
import FestivalSynthetic
import FestivalText
@testable import FestivalUI

/// A terminal in memory: keys from a script, every painted frame kept. The script can also
/// wait for something to be posted into the inbox (as the real terminal waits on the inbox's
/// descriptor beside its input) and run a step of the test's own between keys.
final class MemoryTerminal: BrowserTerminal {
    enum Step {
        case key(Key)
        /// Wait until the inbox's descriptor is readable (10 s at most: then the test fails).
        case awaitPost
        /// Run this, then go on with the script.
        case run(() -> Void)
    }

    var steps: [Step]
    var cellSize: Size
    private(set) var frames: [Canvas] = []
    private(set) var clipboard: [String] = []
    private(set) var invalidations = 0

    init(keys: [Key], size: Size = Size(width: 80, height: 24)) {
        self.steps = keys.map(Step.key)
        cellSize = size
    }

    init(steps: [Step], size: Size = Size(width: 80, height: 24)) {
        self.steps = steps
        cellSize = size
    }

    func paint(_ canvas: Canvas) { frames.append(canvas) }

    func readKey(timeoutMs: Int?) -> Key? {
        guard case .key(let key)? = steps.first else { return nil }
        steps.removeFirst()
        return key
    }

    func nextInput(wake: Int32) -> InputEvent {
        while let step = steps.first {
            steps.removeFirst()
            switch step {
            case .key(let key): return .key(key)
            case .run(let body): body()
            case .awaitPost:
                var fd = pollfd(fd: wake, events: Int16(POLLIN), revents: 0)
                if poll(&fd, 1, 10_000) != 1 { Issue.record("nothing was posted within 10 s") }
                return .woken
            }
        }
        return .closed
    }

    func suspend() {}
    func invalidate() { invalidations += 1 }
    func copyToClipboard(_ text: String) { clipboard.append(text) }
    func runOutside(_ body: () -> Void) { body() }
}

/// Effects recorded instead of run; each answers as `answer` says. The loop runs them on its
/// effect queues, one at a time each, and waits for them before `run` returns.
final class RecordingEffects: EffectRunner, @unchecked Sendable {
    var saved: [(ShelfChange, Date)] = []
    var opened: [String] = []
    var exports: [ExportRequest] = []
    var shelfOnDisk = Shelf()

    func save(_ change: ShelfChange, at now: Date) -> Action {
        saved.append((change, now))
        change.apply(to: &shelfOnDisk, at: now)
        return .shelfSaved(shelfOnDisk)
    }
    func open(_ url: String) -> Action {
        opened.append(url)
        return .notOpened(url, failure: nil)
    }
    func export(_ request: ExportRequest, catalog: Catalog, language: Language, now: Date) -> Action {
        exports.append(request)
        return .exported(paths: ["/x/festival.md"], count: request.quoteIDs.count + request.filmIDs.count)
    }
    func editNote(_ item: ShelfItem, _ text: String, outside: (() -> Void) -> Void) -> Action {
        .noEditor(item, text)
    }
}

/// The whole browser loop driven with scripted keys, as tig's tests drive tig: keys in,
/// effects out, their results back through `update`, frames painted.
@Suite struct BrowserLoopTests {
    static let catalog = try! CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8), file: BuiltinCatalog.displayName)
    static let library = Library(indexing: catalog)
    static let clock = Date(timeIntervalSince1970: 1_800_000_000)

    static func loop(_ keys: [Key], effects: RecordingEffects = RecordingEffects(), library: Library? = nil)
        -> BrowserLoop<MemoryTerminal, RecordingEffects> {
        loop(MemoryTerminal(keys: keys), effects: effects, library: library)
    }

    static func loop(_ terminal: MemoryTerminal, effects: RecordingEffects = RecordingEffects(), library: Library? = nil,
                     inbox: Inbox = Inbox(), exportDirectory: String = ".") -> BrowserLoop<MemoryTerminal, RecordingEffects> {
        BrowserLoop(terminal: terminal,
                    state: AppState(catalog: catalog, language: .en, size: terminal.cellSize, library: library,
                                    exportDirectory: exportDirectory),
                    effects: effects, inbox: inbox, clock: { clock })
    }

    static func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }

    /// A job that posts `action` from its own thread, as the shell's jobs do.
    static func job(_ inbox: Inbox, _ action: @autoclosure @escaping @Sendable () -> Action) -> MemoryTerminal.Step {
        .run { inbox.start { action() } }
    }

    @Test func keysToAQuoteAndTheLastFrameIsTheStateDrawn() {
        var loop = Self.loop([.char("s")] + Self.typed("pre-visualization") + [.enter], library: Self.library)
        loop.run()
        #expect(loop.state.screen == .quote("q10"))
        let last = loop.terminal.frames.last!
        #expect(last.text == view(loop.state, size: loop.state.size).text)
        #expect(last.text.contains("Bruce Markoe"))
    }

    @Test func aSearchTypedBeforeTheIndexIsReadyRunsWhenItArrives() {
        let inbox = Inbox()
        let library = Self.library
        let keys = ([Key.char("s")] + Self.typed("copyright")).map(MemoryTerminal.Step.key)
        var loop = Self.loop(MemoryTerminal(steps: keys + [Self.job(inbox, .libraryReady(library)), .awaitPost]), inbox: inbox)
        loop.run()
        #expect(loop.state.library != nil && !loop.state.search.hits.isEmpty)
        #expect(loop.terminal.frames.contains { $0.text.contains("Indexing") })
        #expect(!loop.terminal.frames.last!.text.contains("Indexing"))
    }

    /// A start from the cache whose file turned out to have changed: the catalog read again
    /// replaces the one shown and says so; everything of the user's stays (section, place,
    /// language, shelf, search history, export directory).
    @Test func aChangedCatalogFileReplacesTheCatalogShownAndKeepsTheUsersThings() {
        var smaller = Self.catalog
        smaller.quotes = Array(smaller.quotes.prefix(3))
        let reloaded = Library(indexing: smaller)
        let inbox = Inbox()
        let steps: [MemoryTerminal.Step] = [.key(.char("2")), .key(.down), .key(.char("L")), Self.job(inbox, .catalogReloaded(reloaded)),
                                            .awaitPost]
        var loop = Self.loop(MemoryTerminal(steps: steps), library: Self.library, inbox: inbox, exportDirectory: "/home/me/exports")
        loop.send(.searchHistory(["copyright", "電影"]))
        loop.send(.shelfSaved({ var shelf = Shelf(); shelf.toggleFavorite(.quote("q02"), at: Self.clock); return shelf }()))
        loop.run()
        #expect(loop.state.catalog == smaller && loop.state.library?.catalog == smaller)
        #expect(loop.state.section == .quotes && loop.state.viewport.selected == 1)
        #expect(loop.state.language == .zhHant)
        #expect(loop.state.exportDirectory == "/home/me/exports")
        #expect(loop.state.search.history == ["copyright", "電影"])
        #expect(loop.state.shelf.isFavorite(.quote("q02")))
        #expect(loop.terminal.frames.last!.text.contains(UIString.catalogReloaded.text(.zhHant)))
    }

    /// A place the new catalog lacks is dropped from its section's history.
    @Test func aReloadDropsPagesOfItemsThatAreGone() {
        var smaller = Self.catalog
        smaller.quotes = Array(smaller.quotes.prefix(3))
        let gone = Self.catalog.quotes[5].id
        var state = AppState(catalog: Self.catalog, language: .en, size: Size(width: 80, height: 24), library: Self.library)
        _ = update(&state, .show(.quote(gone)), now: Self.clock)
        #expect(state.screen == .quote(gone))
        _ = update(&state, .catalogReloaded(Library(indexing: smaller)), now: Self.clock)
        #expect(state.screen == state.section.root)
    }

    static func startLoop(_ steps: [MemoryTerminal.Step], inbox: Inbox) -> BrowserLoop<MemoryTerminal, RecordingEffects> {
        let terminal = MemoryTerminal(steps: steps)
        let start = CatalogStart.decode(bytes: Array(BuiltinCatalog.json.utf8))!
        return BrowserLoop(terminal: terminal, state: AppState(catalog: start, language: .en, size: terminal.cellSize, start: true),
                           effects: RecordingEffects(), inbox: inbox, clock: { clock })
    }

    /// Shown from its start: keys work at once, the progress is painted as it is posted, the
    /// whole catalog replaces the start where the user is, then the index arrives.
    @Test func aCatalogShownFromItsStartGetsItsQuotesThenItsIndex() {
        let inbox = Inbox()
        let (catalog, library) = (Self.catalog, Self.library)
        var loop = Self.startLoop([.key(.char("2")), Self.job(inbox, .catalogProgress(0.4)), .awaitPost,
                                   Self.job(inbox, .catalogLoaded(catalog)), .awaitPost,
                                   Self.job(inbox, .libraryReady(library)), .awaitPost], inbox: inbox)
        loop.run()
        #expect(loop.state.loading == nil && loop.state.catalog == Self.catalog && loop.state.library != nil)
        #expect(loop.state.screen == .quotes)
        #expect(loop.terminal.frames.contains { $0.text.contains("Loading quotes 40%") })
        #expect(loop.terminal.frames.last!.text.contains("Cristóbal Valenzu"))
        #expect(!loop.terminal.frames.last!.text.contains("Loading"))
    }

    /// The rest turned out not to be valid: the loop ends at once, keeping why for the shell.
    @Test func aCatalogWhoseRestFailsEndsTheLoop() {
        let inbox = Inbox()
        let error = CatalogError([CatalogIssue(file: "big.json", path: "quotes[7].speaker", line: 12, column: 3, message: "unknown person")])
        let terminal = MemoryTerminal(steps: [.key(.char("j")), Self.job(inbox, .catalogFailed(error)), .awaitPost,
                                              .key(.char("j")), .key(.char("j"))])
        var loop = Self.startLoop([], inbox: inbox)
        loop = BrowserLoop(terminal: terminal, state: loop.state, effects: RecordingEffects(), inbox: inbox, clock: { Self.clock })
        loop.run()
        #expect(loop.catalogFailure == error)
        #expect(loop.state.quitting && terminal.steps.count == 2, "the keys after the failure are not read")
    }

    /// A shelf save waits on another festival's lock: meanwhile the keys answer and are
    /// painted; once the lock is let go the save is made and its result applied.
    @Test func keysAnswerWhileAShelfSaveWaitsForALock() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ShelfStore(directory: dir, catalogID: Self.catalog.id)
        // Another festival holds the lock (flock: another open file description conflicts).
        let lock = open(store.lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        let terminal = MemoryTerminal(steps: [])
        var paintedWhileLocked = 0
        var savedWhileLocked = true
        terminal.steps = [.key(.char("f")), .run {}, .key(.char("j")), .run {}, .key(.char("j")),
                          .run {
                              paintedWhileLocked = terminal.frames.count
                              savedWhileLocked = store.load().shelf.isFavorite(.film("total-pixel-space"))
                              close(lock)
                          },
                          .awaitPost]
        var loop = BrowserLoop(terminal: terminal,
                               state: AppState(catalog: Self.catalog, language: .en, size: terminal.cellSize, library: Self.library),
                               effects: SystemEffects(shelfStore: store, environment: [:]), clock: { Self.clock })
        loop.run()
        #expect(paintedWhileLocked >= 4, "the start and each key painted while the save waited: \(paintedWhileLocked)")
        #expect(!savedWhileLocked)
        #expect(loop.state.viewport.selected == 2)
        #expect(loop.notices.isEmpty, "\(loop.notices)")
        #expect(loop.state.shelf.isFavorite(.film("total-pixel-space")))
        #expect(store.load().shelf.isFavorite(.film("total-pixel-space")))
    }

    /// Quitting right after a change still saves it: the loop waits for its effects.
    @Test func aChangeJustBeforeQuittingIsSaved() {
        let effects = RecordingEffects()
        var loop = Self.loop([.char("f"), .char("q")], effects: effects, library: Self.library)
        loop.run()
        #expect(effects.saved.count == 1)
        #expect(loop.state.shelf.isFavorite(.film("total-pixel-space")))
    }

    /// Two changes in a row are saved in order, and the shelf shown never steps back to the
    /// first one's answer.
    @Test func savesAreAppliedInOrder() {
        let effects = RecordingEffects()
        var loop = Self.loop([.char("f"), .char("f"), .char("f")], effects: effects, library: Self.library)
        loop.run()
        #expect(effects.saved.map(\.0) == [.favorite(.film("total-pixel-space"), true), .favorite(.film("total-pixel-space"), false),
                                           .favorite(.film("total-pixel-space"), true)])
        #expect(loop.state.shelf.isFavorite(.film("total-pixel-space")) && effects.shelfOnDisk.isFavorite(.film("total-pixel-space")))
    }

    @Test func aShelfChangeIsSavedAtTheClocksTimeAndTheSavedShelfComesBack() {
        let effects = RecordingEffects()
        // Another instance already favorited a quote: the saved file holds both.
        effects.shelfOnDisk.toggleFavorite(.quote("q04"), at: Self.clock)
        var loop = Self.loop([.down, .char("f")], effects: effects, library: Self.library)
        loop.run()
        #expect(effects.saved.count == 1 && effects.saved[0].0 == .favorite(.film("jailbird"), true))
        #expect(effects.saved[0].1 == Self.clock)
        #expect(loop.state.shelf.isFavorite(.film("jailbird")) && loop.state.shelf.isFavorite(.quote("q04")))
    }

    /// Another instance favorited the film after this one read the shelf: `f` here still
    /// means "add", so the message tells the truth and the favorite stays.
    @Test func aChangeDoesWhatItsMessageSaysWhateverAnotherInstanceDid() {
        let effects = RecordingEffects()
        effects.shelfOnDisk.toggleFavorite(.film("jailbird"), at: Self.clock)
        var loop = Self.loop([.down, .char("f")], effects: effects, library: Self.library)
        loop.run()
        #expect(loop.state.message == "Added to favorites ★")
        #expect(loop.state.shelf.isFavorite(.film("jailbird")) && effects.shelfOnDisk.isFavorite(.film("jailbird")))
    }

    /// A long message the bottom line cuts is kept whole for after the terminal is restored.
    @Test func anUnusableShelfIsToldInFullOnExit() {
        let message = "festival: the shelf file /home/u/.local/share/festival/shelf-aiff-2025.json was corrupt (line 1); moved it to /home/u/.local/share/festival/shelf-aiff-2025.json.corrupt-20270115T080000Z; starting with an empty shelf"
        var loop = Self.loop([.char("j")], library: Self.library)
        loop.send(.shelfLoaded(Shelf(), message: message))
        loop.run()
        #expect(loop.terminal.frames.first { $0.text.contains("festival: the shelf") } != nil)
        #expect(loop.notices == [message])
    }

    @Test func noEditorOpensTheNoteOnTheBottomLine() {
        var loop = Self.loop([.char("m")] + Self.typed("hi") + [.enter], library: Self.library)
        loop.run()
        #expect(loop.state.shelf.note(.film("total-pixel-space")) == "hi")
        #expect(loop.state.mode == .browse)
    }

    @Test func theExportOfAListWithQuotesAndFilmsHoldsBoth() {
        let effects = RecordingEffects()
        var loop = Self.loop([.char("s")] + Self.typed("AI") + [.tab, .char("e"), .char("m"), .enter], effects: effects,
                             library: Self.library)
        loop.run()
        #expect(effects.exports.count == 1)
        let request = effects.exports[0]
        #expect(!request.quoteIDs.isEmpty && !request.filmIDs.isEmpty)
        #expect(loop.state.message?.contains("/x/festival.md") == true)
    }

    @Test func aFailedOpenIsSaidOnTheBottomLine() {
        var loop = Self.loop([.char("o")], library: Self.library)
        loop.run()
        #expect(loop.state.message?.hasPrefix(UIString.noBrowser.text(.en)) == true, "\(loop.state.message ?? "")")
    }
}

/// The real effects in a private directory: the shelf file and export files.
@Suite struct SystemEffectsTests {
    static func sandbox() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aMixedListExportsEveryKindAndNeverOverwrites() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = BrowserLoopTests.catalog
        let effects = SystemEffects(shelfStore: ShelfStore(directory: dir, catalogID: catalog.id), environment: ["HOME": dir.path])
        let base = dir.path + "/festival-search.csv"
        let request = ExportRequest(quoteIDs: ["q08"], filmIDs: ["jailbird"], personIDs: ["bruce-markoe"], title: "AI",
                                    format: .csv, path: base)
        guard case .exported(let paths, let count) = effects.export(request, catalog: catalog, language: .en,
                                                                    now: BrowserLoopTests.clock) else {
            Issue.record("export failed")
            return
        }
        #expect(count == 3 && paths.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["festival-search-films.csv", "festival-search-people.csv", "festival-search-quotes.csv"])
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8).contains("jailbird"))
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8).contains("Bruce Markoe"))
        #expect(try String(contentsOfFile: paths[2], encoding: .utf8).contains("q08"))
        // The same export again: new names, the first files untouched.
        let before = try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
        try "mine".write(toFile: dir.path + "/festival-search-films-2.csv", atomically: false, encoding: .utf8)
        guard case .exported(let again, _) = effects.export(request, catalog: catalog, language: .en, now: BrowserLoopTests.clock) else {
            Issue.record("export failed")
            return
        }
        #expect(again.map { URL(fileURLWithPath: $0).lastPathComponent }
            == ["festival-search-films-3.csv", "festival-search-people-2.csv", "festival-search-quotes-2.csv"])
        #expect(try paths.map { try String(contentsOfFile: $0, encoding: .utf8) } == before)
        #expect(try String(contentsOfFile: dir.path + "/festival-search-films-2.csv", encoding: .utf8) == "mine")
        // Markdown: one file with each kind under its heading; `~/` and a directory as the path.
        let md = ExportRequest(quoteIDs: ["q08"], filmIDs: ["jailbird"], personIDs: ["bruce-markoe"], title: "AI", format: .md,
                               path: "~/")
        guard case .exported(let mdPaths, _) = effects.export(md, catalog: catalog, language: .en, now: BrowserLoopTests.clock) else {
            Issue.record("export failed")
            return
        }
        #expect(mdPaths == [dir.path + "/festival-export.md"])
        let text = try String(contentsOfFile: mdPaths[0], encoding: .utf8)
        #expect(text.contains("# AI · Films") && text.contains("# AI · People") && text.contains("# AI · Quotes"))
        #expect(text.contains("Bruce Markoe") && text.contains("JAILBIRD"))
        // A path that cannot be written says why, with the path.
        let bad = ExportRequest(quoteIDs: ["q08"], filmIDs: [], title: "AI", format: .md, path: dir.path + "/missing/x.md")
        guard case .exportFailed(let reason) = effects.export(bad, catalog: catalog, language: .en, now: BrowserLoopTests.clock) else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.contains(dir.path + "/missing/x.md") && reason.contains("No such file"), "\(reason)")
    }

    /// N13: a device is never an export's target, nor is a file made beside it (`/dev/null-2`).
    @Test func aDeviceIsNotExportedTo() {
        let effects = SystemEffects(shelfStore: ShelfStore(directory: URL(fileURLWithPath: "/nonexistent"), catalogID: "x"),
                                    environment: [:])
        let request = ExportRequest(quoteIDs: ["q08"], filmIDs: [], title: "AI", format: .md, path: "/dev/null")
        guard case .exportFailed(let reason) = effects.export(request, catalog: BrowserLoopTests.catalog, language: .en,
                                                              now: BrowserLoopTests.clock) else {
            Issue.record("exported to /dev/null")
            return
        }
        #expect(reason == "cannot write /dev/null: it is not a regular file")
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-2"))
    }

    @Test func aSavedChangeComesBackAsTheFilesShelf() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ShelfStore(directory: dir, catalogID: "aiff-2025")
        let effects = SystemEffects(shelfStore: store, environment: [:])
        _ = try store.update { $0.toggleFavorite(.quote("q01"), at: BrowserLoopTests.clock) }   // another instance
        guard case .shelfSaved(let shelf) = effects.save(.watched(film: "one", true), at: BrowserLoopTests.clock) else {
            Issue.record("save failed")
            return
        }
        #expect(shelf.isWatched(film: "one") && shelf.isFavorite(.quote("q01")))
    }

    @Test func noEditorMeansInline() {
        let effects = SystemEffects(shelfStore: ShelfStore(directory: URL(fileURLWithPath: "/nonexistent"), catalogID: "x"),
                                    environment: [:])
        guard case .noEditor(let item, let text) = effects.editNote(.film("one"), "x", outside: { $0() }) else {
            Issue.record("expected noEditor")
            return
        }
        #expect(item == .film("one") && text == "x")
    }
}

/// `A` plans on the loop's plan queue while the keys keep answering; the plan comes back
/// through the inbox and is shown before it is applied.
@Suite struct PlanLoopTests {
    @Test func thePlanRunsInTheBackgroundAndComesBackToBeShown() {
        let catalog = CatalogGenerator(films: 40, quotes: 0, seed: 9, schedule: SyntheticSchedule(venues: 4, days: 2, screeningsPerFilm: 2)).catalog()
        var shelf = Shelf()
        for film in catalog.films.prefix(10) { shelf.setPriority(film: film.id, 3, at: BrowserLoopTests.clock) }
        let terminal = MemoryTerminal(steps: [.key(.char("6")), .key(.char("A")), .key(.char("j")), .awaitPost, .key(.enter)])
        let effects = RecordingEffects()
        var state = AppState(catalog: catalog, language: .en, size: terminal.cellSize)
        _ = update(&state, .shelfLoaded(shelf, message: nil), now: BrowserLoopTests.clock)
        var loop = BrowserLoop(terminal: terminal, state: state, effects: effects, inbox: Inbox(), clock: { BrowserLoopTests.clock })
        loop.run()
        // The j after A moved the selection before the plan came.
        #expect(loop.state.viewport.selected == 1)
        #expect(!loop.state.planning.running)
        #expect(loop.state.shelf.pickedScreenings.count >= 5, "the plan was applied: \(loop.state.shelf.pickedScreenings)")
        #expect(effects.saved.contains { if case .picks = $0.0 { true } else { false } })
        #expect(loop.terminal.frames.contains { $0.text.contains("Enter: apply") }, "shown before it was applied")
    }
}
