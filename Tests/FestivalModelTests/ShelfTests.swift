import Foundation
import Testing
@testable import FestivalLibrary
@testable import FestivalStorage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory for one test, removed afterwards. Tests never touch HOME or the
/// process environment.
private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("festival-shelf-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try body(url)
}

private func bytes(at path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { Array($0) }
}

private func names(in directory: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
}

private func mode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
}

private let t0 = Date(timeIntervalSince1970: 1_795_000_000)

/// Errors and counts collected from several threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

// MARK: - The shelf value

@Suite struct ShelfValueTests {
    @Test func favoritesToggleAndEmptyEntriesAreRemoved() {
        var shelf = Shelf()
        #expect(shelf.isEmpty)
        shelf.toggleFavorite(.film("a"), at: t0)
        shelf.toggleFavorite(.quote("q1"), at: t0)
        #expect(shelf.isFavorite(.film("a")))
        #expect(shelf.isFavorite(.quote("q1")))
        #expect(!shelf.isFavorite(.film("q1")))
        #expect(!shelf.isFavorite(.quote("a")))
        shelf.toggleFavorite(.film("a"), at: t0)
        shelf.toggleFavorite(.quote("q1"), at: t0)
        #expect(shelf.isEmpty)
        #expect(shelf == Shelf())
    }

    @Test func watchedRatingAndNote() {
        var shelf = Shelf()
        shelf.toggleWatched(film: "a", at: t0)
        #expect(shelf.isWatched(film: "a"))
        let rated = shelf.setRating(film: "a", 4, at: t0)
        #expect(rated)
        #expect(shelf.rating(film: "a") == 4)
        for bad in [0, 6, -1, 100] {
            let before = shelf
            let ratedA = shelf.setRating(film: "a", bad, at: t0)
            let ratedB = shelf.setRating(film: "b", bad, at: t0)
            #expect(!ratedA && !ratedB)
            #expect(shelf == before)
        }
        shelf.setNote(.film("a"), "  loved the ending\n", at: t0)
        #expect(shelf.note(.film("a")) == "  loved the ending\n")
        shelf.setNote(.quote("q"), "電影", at: t0)
        #expect(shelf.note(.quote("q")) == "電影")
        for blank in ["", "   ", "\n\t", nil] as [String?] {
            var copy = shelf
            copy.setNote(.quote("q"), blank, at: t0)
            #expect(copy.note(.quote("q")) == nil)
            #expect(copy.quotes["q"] == nil, "a quote entry with nothing set is removed")
        }
        shelf.toggleWatched(film: "a", at: t0)
        shelf.setRating(film: "a", nil, at: t0)
        #expect(shelf.films["a"] != nil, "the note keeps the entry")
        shelf.setNote(.film("a"), nil, at: t0)
        shelf.setNote(.quote("q"), " ", at: t0)
        #expect(shelf.isEmpty)
    }

    @Test func listsShowTheMostRecentFirst() {
        var shelf = Shelf()
        shelf.toggleFavorite(.film("b"), at: t0)
        shelf.toggleFavorite(.film("c"), at: t0.addingTimeInterval(5))
        shelf.toggleFavorite(.film("a"), at: t0.addingTimeInterval(10))
        #expect(shelf.favoriteFilms == ["a", "c", "b"])
        #expect(shelf.updated(.film("c")) == t0.addingTimeInterval(5))
        // Changing an entry moves it to the top.
        shelf.setRating(film: "b", 3, at: t0.addingTimeInterval(20))
        #expect(shelf.favoriteFilms == ["b", "a", "c"])
        #expect(shelf.rated == ["b"])

        shelf.toggleWatched(film: "w1", at: t0.addingTimeInterval(30))
        shelf.toggleWatched(film: "w2", at: t0.addingTimeInterval(31))
        #expect(shelf.watchedFilms == ["w2", "w1"])

        shelf.toggleFavorite(.quote("q2"), at: t0.addingTimeInterval(40))
        shelf.toggleFavorite(.quote("q1"), at: t0.addingTimeInterval(41))
        #expect(shelf.favoriteQuotes == ["q1", "q2"])

        shelf.setNote(.quote("q2"), "x", at: t0.addingTimeInterval(50))
        shelf.setNote(.film("w1"), "y", at: t0.addingTimeInterval(51))
        #expect(shelf.noted == [.film("w1"), .quote("q2")])
    }

    @Test func changesAtTheSameInstantOrWithTheClockGoingBackStayInOrder() {
        var shelf = Shelf()
        for id in ["m", "z", "a", "k"] { shelf.toggleFavorite(.film(id), at: t0) }
        #expect(shelf.favoriteFilms == ["k", "a", "z", "m"])
        #expect(shelf.updated(.film("k")) == t0.addingTimeInterval(0.003), "a millisecond apart")
        shelf.toggleFavorite(.quote("q"), at: t0.addingTimeInterval(-3600))
        shelf.setNote(.film("z"), "n", at: t0.addingTimeInterval(-7200))
        #expect(shelf.updated(.film("z"))! > shelf.updated(.quote("q"))!)
        #expect(shelf.favoriteFilms.first == "z")
    }

    @Test func aChangeThatChangesNothingKeepsTheStamp() {
        var shelf = Shelf()
        shelf.setRating(film: "a", 2, at: t0)
        let before = shelf
        shelf.setRating(film: "a", 2, at: t0.addingTimeInterval(99))
        shelf.setNote(.film("a"), "  ", at: t0.addingTimeInterval(99))
        shelf.setNote(.quote("nothing"), nil, at: t0.addingTimeInterval(99))
        #expect(shelf == before)
    }

    @Test func timestampsFormatAndParse() {
        #expect(ShelfTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        let date = ShelfTime.parse("2026-11-27T05:40:00Z")!
        #expect(ShelfTime.format(date) == "2026-11-27T05:40:00Z")
        #expect(ShelfTime.compact(date) == "20261127T054000Z")
        #expect(ShelfTime.format(ShelfTime.parse("2024-02-29T23:59:59.25Z")!) == "2024-02-29T23:59:59.250Z")
        #expect(ShelfTime.format(ShelfTime.parse("2024-02-29T23:59:59.123456789Z")!) == "2024-02-29T23:59:59.123Z")
        for ms: Int64 in [0, 1, 999, 1_795_000_000_001, 4_102_444_799_999] {
            let d = ShelfTime.date(milliseconds: ms)
            #expect(ShelfTime.milliseconds(ShelfTime.parse(ShelfTime.format(d))!) == ms)
        }
        for bad in ["", "2026-11-27", "2026-11-27T05:40:00", "2026-11-27T05:40:00+01:00", "2026-13-01T00:00:00Z",
                    "2025-02-29T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T05:40:00.Z", "2026-11-27 05:40:00Z",
                    "２026-11-27T05:40:00Z"] {
            #expect(ShelfTime.parse(bad) == nil, "\(bad)")
        }
    }
}

// MARK: - The file

@Suite struct ShelfFileTests {
    @Test func fileNamesAreSanitizedAndNeverShared() {
        #expect(ShelfStore.fileName(catalogID: "aiff-2025") == "shelf-aiff-2025.json")
        #expect(ShelfStore.fileName(catalogID: "A.b_C-9") == "shelf-A.b_C-9.json")
        let spaced = ShelfStore.fileName(catalogID: "my festival")
        #expect(spaced.hasPrefix("shelf-my_festival-") && spaced.hasSuffix(".json"))
        #expect(spaced != ShelfStore.fileName(catalogID: "my_festival"))
        #expect(spaced != ShelfStore.fileName(catalogID: "my/festival"))
        for id in ["../../etc/passwd", "", "電影節", "a\0b", String(repeating: "x", count: 500)] {
            let name = ShelfStore.fileName(catalogID: id)
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }, "\(name)")
            #expect(name.count < 130)
        }
        #expect(ShelfStore.fileName(catalogID: "電影節") == ShelfStore.fileName(catalogID: "電影節"))
    }

    @Test func standardDirectoryFollowsXDG() {
        let xdg = ShelfStore.standardDirectory(environment: ["XDG_DATA_HOME": "/data/me", "HOME": "/home/me"])
        #expect(xdg.path == "/data/me/festival")
        let home = ShelfStore.standardDirectory(environment: ["HOME": "/home/me"])
        #expect(home.path == "/home/me/.local/share/festival")
        // XDG: a relative or empty path is ignored.
        #expect(ShelfStore.standardDirectory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/me"]).path
            == "/home/me/.local/share/festival")
        #expect(ShelfStore.standardDirectory(environment: ["XDG_DATA_HOME": "", "HOME": "/home/me"]).path
            == "/home/me/.local/share/festival")
        let store = ShelfStore(directory: xdg, catalogID: "aiff-2025")
        #expect(store.path == "/data/me/festival/shelf-aiff-2025.json")
    }

    @Test func roundTripThroughTheFile() throws {
        try withTemporaryDirectory { dir in
            let store = ShelfStore(directory: dir, catalogID: "aiff-2025")
            #expect(store.load() == ShelfLoad(shelf: Shelf()))
            try store.update { s in s.toggleFavorite(.film("total-pixel-space")) }
            try store.update { s in s.setRating(film: "total-pixel-space", 5) }
            try store.update { s in s.toggleWatched(film: "jailbird") }
            try store.update { s in s.setNote(.film("jailbird"), "line 1\nline 2 \"quoted\" \\ 電影 \u{1}") }
            try store.update { s in s.toggleFavorite(.quote("q01")) }
            let saved = try store.update { s in s.setNote(.quote("q02"), "a note on a quote") }

            let loaded = ShelfStore(directory: dir, catalogID: "aiff-2025").load()
            #expect(loaded.message == nil)
            #expect(loaded.shelf == saved)
            #expect(loaded.shelf.favoriteFilms == ["total-pixel-space"])
            #expect(loaded.shelf.rating(film: "total-pixel-space") == 5)
            #expect(loaded.shelf.noted == [.quote("q02"), .film("jailbird")])
            #expect(bytes(at: store.path) == ShelfCoding.encode(saved, catalogID: "aiff-2025"))
            #expect(mode(store.path) == 0o600)
            #expect(names(in: dir) == ["shelf-aiff-2025.json", "shelf-aiff-2025.json.lock"])
        }
    }

    @Test func theDocumentedExampleParsesAndIsWrittenTheSame() throws {
        let doc = try String(contentsOf: TestSupport.packageRoot.appending(path: "docs/SHELF-FORMAT.md"), encoding: .utf8)
        let parts = doc.components(separatedBy: "```json\n")
        try #require(parts.count == 2)
        let example = try #require(parts[1].components(separatedBy: "```").first)
        let shelf = try ShelfCoding.decode(Array(example.utf8), catalogID: "aiff-2025")
        #expect(shelf.favoriteFilms == ["total-pixel-space"])
        #expect(shelf.watchedFilms == ["jailbird", "total-pixel-space"])
        #expect(shelf.rating(film: "total-pixel-space") == 5)
        #expect(shelf.note(.film("total-pixel-space")) == "Watch again with sound on.")
        #expect(shelf.favoriteQuotes == ["q01"])
        #expect(ShelfTime.format(shelf.updated(.film("jailbird"))!) == "2026-11-27T05:41:10.250Z")
        #expect(String(decoding: ShelfCoding.encode(shelf, catalogID: "aiff-2025"), as: UTF8.self) == example)
    }

    @Test func theDirectoryIsCreatedWithMode0700() throws {
        try withTemporaryDirectory { dir in
            let nested = dir.appendingPathComponent("data/festival", isDirectory: true)
            let store = ShelfStore(directory: nested, catalogID: "c")
            #expect(store.load() == ShelfLoad(shelf: Shelf()), "loading creates nothing")
            #expect(!FileManager.default.fileExists(atPath: nested.path))
            try store.update { s in s.toggleFavorite(.film("f")) }
            #expect(mode(nested.path) == 0o700)
            #expect(mode(dir.appendingPathComponent("data").path) == 0o700)
            #expect(store.load().shelf.isFavorite(.film("f")))
        }
    }

    @Test func aDirectoryThatCannotBeCreatedIsAClearError() throws {
        try withTemporaryDirectory { dir in
            let blocker = dir.appendingPathComponent("file")
            try Data("x".utf8).write(to: blocker)
            let store = ShelfStore(directory: blocker.appendingPathComponent("festival"), catalogID: "c")
            #expect {
                try store.update { s in s.toggleFavorite(.film("f")) }
            } throws: { error in
                guard let error = error as? ShelfError else { return false }
                return error.kind == .io && error.message.contains(blocker.path) && error.message.contains("create the directory")
            }
        }
    }

    @Test func noChangeWritesNothingAndAThrowingChangeWritesNothing() throws {
        struct Refused: Error {}
        try withTemporaryDirectory { dir in
            let store = ShelfStore(directory: dir, catalogID: "c")
            try store.update { s in s.setRating(film: "f", 9) }
            #expect(!FileManager.default.fileExists(atPath: store.path))
            try store.update { s in s.toggleFavorite(.film("f")) }
            let before = bytes(at: store.path)
            #expect(throws: Refused.self) {
                try store.update { shelf in shelf.toggleFavorite(.film("g")); throw Refused() }
            }
            #expect(bytes(at: store.path) == before)
        }
    }

    @Test func staleTemporaryFilesAreRemovedByTheNextSave() throws {
        try withTemporaryDirectory { dir in
            let store = ShelfStore(directory: dir, catalogID: "c")
            let stale = dir.appendingPathComponent(".shelf-c.json.tmp-99999-1234").path
            let other = dir.appendingPathComponent(".shelf-d.json.tmp-99999-1234").path
            try Data("{half".utf8).write(to: URL(fileURLWithPath: stale))
            try Data("{half".utf8).write(to: URL(fileURLWithPath: other))
            try store.update { s in s.toggleFavorite(.film("f")) }
            #expect(!FileManager.default.fileExists(atPath: stale))
            #expect(FileManager.default.fileExists(atPath: other), "another catalog's file is not touched")
        }
    }
}

// MARK: - Failures

@Suite struct ShelfFailureTests {
    static func faulty(_ dir: URL, failing step: ShelfFaults.Step, errno code: Int32 = ENOSPC) -> ShelfStore {
        ShelfStore(directory: dir, catalogID: "c", lockTimeout: .seconds(2),
                   faults: ShelfFaults { $0 == step ? code : nil })
    }

    @Test(arguments: [ShelfFaults.Step.createTemporary, .write, .sync, .rename])
    func aFailedWriteLeavesTheOldFileWhole(step: ShelfFaults.Step) throws {
        try withTemporaryDirectory { dir in
            let good = ShelfStore(directory: dir, catalogID: "c")
            try good.update { s in s.toggleFavorite(.film("kept")); s.setNote(.film("kept"), String(repeating: "long note ", count: 500)) }
            let before = try #require(bytes(at: good.path))
            let filesBefore = names(in: dir)

            #expect {
                try Self.faulty(dir, failing: step).update { s in s.toggleFavorite(.film("lost")) }
            } throws: { error in
                guard let error = error as? ShelfError else { return false }
                return error.kind == .io && error.path == good.path && error.message.contains(good.path)
                    && error.message.contains("No space left on device") && error.message.contains("left as it was")
            }
            #expect(bytes(at: good.path) == before, "byte-identical")
            #expect(names(in: dir) == filesBefore, "no temporary file left behind")
            let loaded = good.load()
            #expect(loaded.message == nil)
            #expect(loaded.shelf.favoriteFilms == ["kept"])
        }
    }

    @Test func aFailedFirstWriteLeavesNoFile() throws {
        try withTemporaryDirectory { dir in
            #expect(throws: ShelfError.self) {
                try Self.faulty(dir, failing: .write).update { s in s.toggleFavorite(.film("f")) }
            }
            #expect(names(in: dir) == ["shelf-c.json.lock"])
        }
    }

    static let corruptFiles: [(String, [UInt8], String)] = [
        ("garbage", [0x00, 0x13, 0x37, 0x42, 0x7F, 0x01], "line 1"),
        ("empty", [], "empty"),
        ("truncated", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {"f": {"favorite": tr"#.utf8), "line 1"),
        ("not UTF-8", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {}, "quotes": {"q": {"note": ""#.utf8)
            + [0xFF, 0xFE] + Array(#"", "updated": "2026-11-27T05:40:00Z"}}}"#.utf8), "not UTF-8"),
        ("wrong type", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {"f": {"favorite": "yes", "updated": "2026-11-27T05:40:00Z"}}, "quotes": {}}"#.utf8),
         "films.\"f\".favorite: expected true or false"),
        ("films not an object", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": [], "quotes": {}}"#.utf8), "films: expected an object"),
        ("bad rating", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {"f": {"rating": 6, "updated": "2026-11-27T05:40:00Z"}}, "quotes": {}}"#.utf8),
         "rating from 1 to 5, found 6"),
        ("fractional rating", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {"f": {"rating": 4.5, "updated": "2026-11-27T05:40:00Z"}}, "quotes": {}}"#.utf8),
         "found 4.5"),
        ("wrong catalog", Array(#"{"shelfVersion": 1, "catalogId": "other", "films": {}, "quotes": {}}"#.utf8), "catalog \"other\""),
        ("wrong version", Array(#"{"shelfVersion": 3, "catalogId": "c", "films": {}, "quotes": {}}"#.utf8), "unsupported version 3"),
        ("unknown key", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {}, "quotes": {"q": {"watched": true, "updated": "2026-11-27T05:40:00Z"}}}"#.utf8),
         "unknown member \"watched\""),
        ("duplicate id", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {"f": {"watched": true, "updated": "2026-11-27T05:40:00Z"}, "f": {"updated": "2026-11-27T05:40:00Z"}}, "quotes": {}}"#.utf8),
         "duplicate id \"f\""),
        ("bad time", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {"f": {"watched": true, "updated": "yesterday"}}, "quotes": {}}"#.utf8),
         "expected a UTC time"),
        ("missing key", Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {}}"#.utf8), "missing member \"quotes\""),
    ]

    @Test(arguments: corruptFiles)
    func aCorruptFileIsMovedAsideAndNeverOverwritten(name: String, content: [UInt8], reason: String) throws {
        try withTemporaryDirectory { dir in
            let store = ShelfStore(directory: dir, catalogID: "c")
            try Data(content).write(to: store.fileURL)

            let loaded = store.load()
            #expect(loaded.shelf.isEmpty)
            let moved = try #require(loaded.movedTo, "\(name)")
            let message = try #require(loaded.message)
            #expect(message.hasPrefix("festival: the shelf file \(store.path) was corrupt ("), "\(message)")
            #expect(message.contains(reason), "\(name): \(message)")
            #expect(message.contains("moved it to \(moved); starting with an empty shelf"), "\(message)")
            #expect(moved.hasPrefix(store.path + ".corrupt-"))
            #expect(!FileManager.default.fileExists(atPath: store.path))
            #expect(bytes(at: moved) == content, "moved, not rewritten")

            // The next change starts a new shelf and leaves the moved file alone.
            try store.update { s in s.toggleFavorite(.film("new")) }
            #expect(bytes(at: moved) == content)
            #expect(store.load() == ShelfLoad(shelf: try store.update { _ in }))
            #expect(store.load().shelf.favoriteFilms == ["new"])
        }
    }

    @Test func aSecondCorruptFileGetsItsOwnName() throws {
        try withTemporaryDirectory { dir in
            let store = ShelfStore(directory: dir, catalogID: "c")
            try Data("first".utf8).write(to: store.fileURL)
            let first = try #require(store.load().movedTo)
            try Data("second".utf8).write(to: store.fileURL)
            let second = try #require(store.load().movedTo)
            #expect(first != second)
            #expect(bytes(at: first) == Array("first".utf8))
            #expect(bytes(at: second) == Array("second".utf8))
        }
    }

    @Test func anUnreadableFileIsMovedAside() throws {
        try withTemporaryDirectory { dir in
            // A directory where the file should be: cannot be read as a file.
            let store = ShelfStore(directory: dir, catalogID: "c")
            try FileManager.default.createDirectory(at: store.fileURL, withIntermediateDirectories: false)
            let loaded = store.load()
            #expect(loaded.shelf.isEmpty)
            #expect(loaded.message?.contains("could not be read (not a regular file); moved it to ") == true, "\(loaded.message ?? "")")
            #expect(ShelfFiles.isDirectory(try #require(loaded.movedTo)))

            // A read error (as for a file without read permission; tests may run as root).
            try store.update { s in s.toggleFavorite(.film("f")) }
            let before = bytes(at: store.path)
            let denied = ShelfStore(directory: dir, catalogID: "c", lockTimeout: .seconds(2),
                                    faults: ShelfFaults { $0 == .read ? EACCES : nil })
            let again = denied.load()
            #expect(again.message?.contains("could not be read (Permission denied); moved it to ") == true)
            #expect(bytes(at: try #require(again.movedTo)) == before)
        }
    }

    @Test func aFileThatCannotBeReadForWantOfDescriptorsIsLeftAlone() throws {
        try withTemporaryDirectory { dir in
            let good = ShelfStore(directory: dir, catalogID: "c")
            try good.update { s in s.toggleFavorite(.film("f")) }
            let before = bytes(at: good.path)
            let starved = Self.faulty(dir, failing: .read, errno: EMFILE)
            let loaded = starved.load()
            #expect(loaded.shelf.isEmpty)
            #expect(loaded.movedTo == nil)
            #expect(loaded.message?.contains("could not read the shelf file \(good.path) (Too many open files); left it as it is") == true,
                    "\(loaded.message ?? "")")
            #expect {
                try starved.update { s in s.toggleFavorite(.film("g")) }
            } throws: { error in
                (error as? ShelfError)?.kind == .io && (error as? ShelfError)?.message.contains("nothing was changed") == true
            }
            #expect(bytes(at: good.path) == before)
            #expect(names(in: dir) == ["shelf-c.json", "shelf-c.json.lock"])
        }
    }

    @Test func aCorruptFileThatCannotBeMovedIsNeverWrittenOver() throws {
        try withTemporaryDirectory { dir in
            let store = Self.faulty(dir, failing: .moveAside, errno: EACCES)
            let content = Array(#"{"shelfVersion": 1, "catalogId": "c", "films": {"f": {"rating": 0"#.utf8)
            try Data(content).write(to: store.fileURL)

            let loaded = store.load()
            #expect(loaded.shelf.isEmpty)
            #expect(loaded.movedTo == nil)
            let message = try #require(loaded.message)
            #expect(message.contains("\(store.path) was corrupt ("), "\(message)")
            #expect(message.contains("could not be moved aside (renaming it to \(store.path).corrupt-"), "\(message)")
            #expect(message.contains("Permission denied"))
            #expect(message.contains("changes will not be saved"))

            #expect {
                try store.update { s in s.toggleFavorite(.film("f")) }
            } throws: { error in
                guard let error = error as? ShelfError else { return false }
                return error.kind == .corrupt && error.message.contains("not saving over it")
            }
            #expect(bytes(at: store.path) == content)
            #expect(names(in: dir) == ["shelf-c.json", "shelf-c.json.lock"])
        }
    }

    @Test func aFileCorruptedWhileRunningIsMovedAsideByTheNextUpdate() throws {
        try withTemporaryDirectory { dir in
            let store = ShelfStore(directory: dir, catalogID: "c")
            try store.update { s in s.toggleFavorite(.film("f")) }
            try Data("{oops".utf8).write(to: store.fileURL)
            var moved = ""
            #expect {
                try store.update { s in s.toggleFavorite(.film("g")) }
            } throws: { error in
                guard let error = error as? ShelfError, error.kind == .corrupt else { return false }
                moved = error.movedTo ?? ""
                return error.message.contains("moved it to \(moved); this change was not saved")
            }
            #expect(bytes(at: moved) == Array("{oops".utf8))
            let shelf = try store.update { s in s.toggleFavorite(.film("g")) }
            #expect(shelf.favoriteFilms == ["g"])
            #expect(bytes(at: moved) == Array("{oops".utf8))
        }
    }
}

// MARK: - Several writers

@Suite struct ShelfConcurrencyTests {
    @Test func twoStoresOnTwoThreadsLoseNoChange() throws {
        try withTemporaryDirectory { dir in
            let errors = Collected()
            DispatchQueue.concurrentPerform(iterations: 2) { worker in
                // Each thread its own store, as two running festivals would have.
                let store = ShelfStore(directory: dir, catalogID: "c", lockTimeout: .seconds(60), faults: .none)
                for i in 0..<100 {
                    do {
                        if worker == 0 {
                            try store.update { s in s.toggleFavorite(.film("film-\(i)")) }
                        } else {
                            try store.update { s in s.toggleFavorite(.quote("quote-\(i)")); s.setNote(.quote("quote-\(i)"), "n\(i)") }
                        }
                    } catch {
                        errors.add("\(error)")
                    }
                }
            }
            #expect(errors.all.isEmpty)
            let loaded = ShelfStore(directory: dir, catalogID: "c").load()
            #expect(loaded.message == nil)
            #expect(Set(loaded.shelf.favoriteFilms) == Set((0..<100).map { "film-\($0)" }))
            #expect(Set(loaded.shelf.favoriteQuotes) == Set((0..<100).map { "quote-\($0)" }))
            #expect(loaded.shelf.films.count + loaded.shelf.quotes.count == 200)
            #expect(loaded.shelf.note(.quote("quote-42")) == "n42")
            #expect(names(in: dir) == ["shelf-c.json", "shelf-c.json.lock"])
        }
    }

    @Test func togglesOfTheSameItemFromTwoThreadsAllCount() throws {
        try withTemporaryDirectory { dir in
            let errors = Collected()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                let store = ShelfStore(directory: dir, catalogID: "c", lockTimeout: .seconds(60), faults: .none)
                for _ in 0..<51 {
                    do { try store.update { s in s.toggleWatched(film: "same") } } catch { errors.add("\(error)") }
                }
            }
            #expect(errors.all.isEmpty)
            // 102 toggles: an even number, so each one was applied to the other's result.
            #expect(ShelfStore(directory: dir, catalogID: "c").load().shelf.isEmpty)
        }
    }

    static let flockTool = ["/usr/bin/flock", "/bin/flock"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Another process (flock(1)) holds the shelf's lock: an update waits for it, or gives
    /// up after its timeout with a clear error and the file untouched.
    @Test(.enabled(if: flockTool != nil)) func anotherProcessHoldingTheLockIsWaitedFor() throws {
        try withTemporaryDirectory { dir in
            let store = ShelfStore(directory: dir, catalogID: "c")
            try store.update { s in s.toggleFavorite(.film("first")) }
            let before = bytes(at: store.path)

            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: Self.flockTool!)
            holder.arguments = [store.lockPath, "-c", "echo held; sleep 1"]
            let out = Pipe()
            holder.standardOutput = out
            try holder.run()
            defer { holder.waitUntilExit() }
            let line = out.fileHandleForReading.availableData
            #expect(String(decoding: line, as: UTF8.self).hasPrefix("held"))

            let impatient = ShelfStore(directory: dir, catalogID: "c", lockTimeout: .milliseconds(100), faults: .none)
            #expect {
                try impatient.update { s in s.toggleFavorite(.film("second")) }
            } throws: { error in
                guard let error = error as? ShelfError else { return false }
                return error.kind == .locked && error.message.contains(store.lockPath) && error.message.contains("nothing was changed")
            }
            #expect(bytes(at: store.path) == before)

            let patient = ShelfStore(directory: dir, catalogID: "c", lockTimeout: .seconds(30), faults: .none)
            let start = ContinuousClock.now
            let shelf = try patient.update { s in s.toggleFavorite(.film("second")) }
            #expect(ContinuousClock.now - start > .milliseconds(300), "waited for the other process")
            #expect(Set(shelf.favoriteFilms) == ["first", "second"])
        }
    }
}
