import BuiltinCatalog
import Foundation
import Testing
import TextGrid
@testable import FestivalApp
@testable import FestivalCatalog
@testable import FestivalLibrary
@testable import FestivalStorage
import FestivalText
@testable import FestivalUI

/// A terminal in memory: keys from a script, every painted frame kept.
final class MemoryTerminal: BrowserTerminal {
    var keys: [Key]
    var cellSize: Size
    private(set) var frames: [Canvas] = []
    private(set) var clipboard: [String] = []
    private(set) var invalidations = 0

    init(keys: [Key], size: Size = Size(width: 80, height: 24)) {
        self.keys = keys
        cellSize = size
    }

    func paint(_ canvas: Canvas) { frames.append(canvas) }
    func readKey(timeoutMs: Int?) -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
    func suspend() {}
    func invalidate() { invalidations += 1 }
    func copyToClipboard(_ text: String) { clipboard.append(text) }
    func runOutside(_ body: () -> Void) { body() }
}

/// Effects recorded instead of run; each answers as `answer` says.
final class RecordingEffects: EffectRunner {
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
        let terminal = MemoryTerminal(keys: keys)
        return BrowserLoop(terminal: terminal,
                           state: AppState(catalog: catalog, language: .en, size: terminal.cellSize, library: library),
                           effects: effects, clock: { clock })
    }

    static func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }

    @Test func keysToAQuoteAndTheLastFrameIsTheStateDrawn() {
        var loop = Self.loop([.char("s")] + Self.typed("pre-visualization") + [.enter])
        loop.run { Self.library }
        #expect(loop.state.screen == .quote("q10"))
        let last = loop.terminal.frames.last!
        #expect(last.text == view(loop.state, size: loop.state.size).text)
        #expect(last.text.contains("Bruce Markoe"))
    }

    @Test func aSearchTypedBeforeTheIndexIsReadyRunsWhenItArrives() {
        var polls = 0
        var loop = Self.loop([.char("s")] + Self.typed("copyright"))
        loop.run {
            polls += 1
            return polls < 30 ? nil : Self.library    // the keys are all read before it is ready
        }
        #expect(loop.state.library != nil && !loop.state.search.hits.isEmpty)
        #expect(loop.terminal.frames.contains { $0.text.contains("Indexing") })
        #expect(!loop.terminal.frames.last!.text.contains("Indexing"))
    }

    /// A start from the cache whose file turned out to have changed: once the check knows,
    /// the catalog read again replaces the one shown, on the same section, and says so.
    @Test func aChangedCatalogFileReplacesTheCatalogShown() {
        var smaller = Self.catalog
        smaller.quotes = Array(smaller.quotes.prefix(3))
        var checks = 0
        var loop = Self.loop([.char("2"), .down] + Array(repeating: Key.resize, count: 5))
        loop.run(library: { Self.library }, check: {
            checks += 1
            return checks < 3 ? .pending : .changed(Library(indexing: smaller))
        })
        #expect(checks == 3, "asked until it knew, then no more")
        #expect(loop.state.catalog == smaller && loop.state.library?.catalog == smaller)
        #expect(loop.state.section == .quotes)
        #expect(loop.terminal.frames.last!.text.contains("The catalog file had changed"))
    }

    static func startLoop(_ keys: [Key]) -> BrowserLoop<MemoryTerminal, RecordingEffects> {
        let terminal = MemoryTerminal(keys: keys)
        let start = CatalogStart.decode(bytes: Array(BuiltinCatalog.json.utf8))!
        return BrowserLoop(terminal: terminal, state: AppState(catalog: start, language: .en, size: terminal.cellSize, start: true),
                           effects: RecordingEffects(), clock: { clock })
    }

    /// Shown from its start: keys work at once, the progress is painted, the whole catalog
    /// replaces the start where the user is, and only then is the index asked for.
    @Test func aCatalogShownFromItsStartGetsItsQuotesThenItsIndex() {
        var polls = 0, libraryPolls = 0
        var loop = Self.startLoop([.char("2")])
        loop.run(catalog: {
            polls += 1
            return polls < 5 ? .loading(Double(polls) / 10) : .loaded(Self.catalog)
        }, library: {
            libraryPolls += 1
            return Self.library
        })
        #expect(polls == 5 && libraryPolls == 1)
        #expect(loop.state.loading == nil && loop.state.catalog == Self.catalog && loop.state.library != nil)
        #expect(loop.state.screen == .quotes)
        #expect(loop.terminal.frames.contains { $0.text.contains("Loading quotes 40%") })
        #expect(loop.terminal.frames.last!.text.contains("Cristóbal Valenzu"))
        #expect(!loop.terminal.frames.last!.text.contains("Loading"))
    }

    /// The rest turned out not to be valid: the loop ends (the shell prints the error).
    @Test func aCatalogWhoseRestFailsEndsTheLoop() {
        var libraryPolls = 0
        var loop = Self.startLoop(Array(repeating: Key.char("j"), count: 3))
        loop.run(catalog: { .failed }, library: {
            libraryPolls += 1
            return Self.library
        })
        #expect(libraryPolls == 0 && loop.state.loading != nil && !loop.state.quitting)
    }

    @Test func aShelfChangeIsSavedAtTheClocksTimeAndTheSavedShelfComesBack() {
        let effects = RecordingEffects()
        // Another instance already favorited a quote: the saved file holds both.
        effects.shelfOnDisk.toggleFavorite(.quote("q04"), at: Self.clock)
        var loop = Self.loop([.down, .char("f")], effects: effects, library: Self.library)
        loop.run { Self.library }
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
        loop.run { Self.library }
        #expect(loop.state.message == "Added to favorites ★")
        #expect(loop.state.shelf.isFavorite(.film("jailbird")) && effects.shelfOnDisk.isFavorite(.film("jailbird")))
    }

    /// A long message the bottom line cuts is kept whole for after the terminal is restored.
    @Test func anUnusableShelfIsToldInFullOnExit() {
        let message = "festival: the shelf file /home/u/.local/share/festival/shelf-aiff-2025.json was corrupt (line 1); moved it to /home/u/.local/share/festival/shelf-aiff-2025.json.corrupt-20270115T080000Z; starting with an empty shelf"
        var loop = Self.loop([.char("j")], library: Self.library)
        loop.send(.shelfLoaded(Shelf(), message: message))
        loop.run { Self.library }
        #expect(loop.terminal.frames.first { $0.text.contains("festival: the shelf") } != nil)
        #expect(loop.notices == [message])
    }

    @Test func noEditorOpensTheNoteOnTheBottomLine() {
        var loop = Self.loop([.char("m")] + Self.typed("hi") + [.enter], library: Self.library)
        loop.run { Self.library }
        #expect(loop.state.shelf.note(.film("total-pixel-space")) == "hi")
        #expect(loop.state.mode == .browse)
    }

    @Test func theExportOfAListWithQuotesAndFilmsHoldsBoth() {
        let effects = RecordingEffects()
        var loop = Self.loop([.char("s")] + Self.typed("AI") + [.tab, .char("e"), .char("m"), .enter], effects: effects,
                             library: Self.library)
        loop.run { Self.library }
        #expect(effects.exports.count == 1)
        let request = effects.exports[0]
        #expect(!request.quoteIDs.isEmpty && !request.filmIDs.isEmpty)
        #expect(loop.state.message?.contains("/x/festival.md") == true)
    }

    @Test func aFailedOpenIsSaidOnTheBottomLine() {
        var loop = Self.loop([.char("o")], library: Self.library)
        loop.run { Self.library }
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
