import BuiltinCatalog
import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalSynthetic

/// `CatalogStart`: the festival, topics, people and films of a file in the documented
/// order, read before its quotes — exactly as the whole load reads them, and never from a
/// start that is not valid.
@Suite struct CatalogStartTests {
    static let builtin = Array(BuiltinCatalog.json.utf8)

    /// The root members of a pretty-printed catalog (two-space indent), rebuilt in `order`.
    static func reordered(_ bytes: [UInt8], _ order: [String]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let keys = ["schemaVersion", "id", "festival", "topics", "people", "films", "quotes", "sources"]
        var members: [String: String] = [:]
        let starts = keys.map { text.range(of: "\n  \"\($0)\": ")!.lowerBound }.sorted()
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : text.range(of: "\n}", options: .backwards)!.lowerBound
            var member = String(text[start..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
            if member.hasSuffix(",") { member.removeLast() }
            members[keys.first { member.hasPrefix("\"\($0)\"") }!] = member
        }
        return Array(("{\n  " + order.map { members[$0]! }.joined(separator: ",\n  ") + "\n}\n").utf8)
    }

    static func start(_ bytes: [UInt8]) -> Catalog? {
        if case .start(let catalog) = CatalogStart.decode(bytes, whole: true) { return catalog }
        return nil
    }

    @Test func theStartIsTheWholeCatalogWithoutQuotesAndSources() throws {
        let whole = try CatalogLoader.load(bytes: Self.builtin, file: "aiff")
        let start = try #require(Self.start(Self.builtin))
        #expect(start.films == whole.films && start.people == whole.people && start.topics == whole.topics)
        #expect(start.festival == whole.festival && start.id == whole.id)
        #expect(start.quotes.isEmpty && start.sources.isEmpty)
    }

    @Test func anotherOrderHasNoStartButStillLoads() throws {
        let quotesFirst = Self.reordered(Self.builtin, ["schemaVersion", "id", "quotes", "festival", "topics", "people", "films", "sources"])
        #expect(Self.start(quotesFirst) == nil)
        let sourcesBeforeFilms = Self.reordered(Self.builtin, ["schemaVersion", "id", "festival", "topics", "people", "sources", "films", "quotes"])
        #expect(Self.start(sourcesBeforeFilms) == nil)
        #expect(try CatalogLoader.load(bytes: quotesFirst, file: "q") == CatalogLoader.load(bytes: Self.builtin, file: "b"))
        // The documented order rebuilt by the helper is the same catalog, and has a start.
        let documented = Self.reordered(Self.builtin, ["schemaVersion", "id", "festival", "topics", "people", "films", "quotes", "sources"])
        #expect(Self.start(documented) != nil)
    }

    /// A file cut anywhere inside its start asks for more, never gives a start of its own.
    @Test func aPieceCutInsideTheStartAsksForMore() throws {
        let key = Array("\n  \"quotes\":".utf8)
        let startEnd = try #require((0..<Self.builtin.count).first { Self.builtin[$0...].starts(with: key) }) + key.count
        #expect(startEnd < Self.builtin.count)
        var asked = 0
        for cut in stride(from: 1, to: startEnd, by: 13) {
            switch CatalogStart.decode(Array(Self.builtin[..<cut]), whole: false) {
            case .needMore: asked += 1
            case .start: Issue.record("a start from \(cut) bytes")
            case .none: Issue.record("no start from \(cut) bytes (it must ask for more)")
            }
        }
        #expect(asked > 100)
        #expect(Self.start(Array(Self.builtin[..<startEnd])) != nil)
    }

    /// Skipping values, not decoding them, tells whether a piece holds the whole start:
    /// false for every cut before the key that ends it, true from that key on.
    @Test func holdingTheStartIsToldWithoutDecoding() throws {
        let key = Array("\"quotes\":".utf8)
        let keyAt = try #require((0..<Self.builtin.count).first { Self.builtin[$0...].starts(with: key) })
        for cut in stride(from: 0, to: keyAt, by: 7) {
            #expect(!CatalogStart.holdsStart(Array(Self.builtin[..<cut])), "cut at \(cut)")
        }
        #expect(CatalogStart.holdsStart(Array(Self.builtin[..<(keyAt + key.count)])))
        #expect(CatalogStart.holdsStart(Self.builtin))
        #expect(!CatalogStart.holdsStart(Array("[1, 2]".utf8)) && !CatalogStart.holdsStart([]))
    }

    /// Read from a file through growing prefixes: the first too short, the next enough.
    @Test func readGrowsItsPrefixUntilTheStartIsIn() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "start-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appending(path: "c.json").path
        try Data(Self.builtin).write(to: URL(fileURLWithPath: path))
        let whole = try CatalogLoader.load(bytes: Self.builtin, file: "b")
        #expect(CatalogStart.read(path: path, prefixSizes: [256, 4096, 1 << 20])?.films == whole.films)
        #expect(CatalogStart.read(path: path, prefixSizes: [256, 1 << 20])?.people == whole.people, "doubled from 256 bytes")
        #expect(CatalogStart.read(path: path, prefixSizes: [256, 4096]) == nil)
        #expect(CatalogStart.read(path: dir.path) == nil)                 // a directory
        #expect(CatalogStart.read(path: dir.appending(path: "none").path) == nil)
    }

    /// Anything the loader refuses in the start gives no start.
    @Test func aStartThatIsNotValidIsNotShown() throws {
        let cases: [(String, String)] = [
            ("\"directors\": [", "\"directors\": [\"nobody-known\", "),           // unknown director
            ("\"schemaVersion\": 1", "\"schemaVersion\": 2"),
            ("\"id\": \"aiff-2025\"", "\"id\": \"AIFF\""),
            ("\"films\": [", "\"films\": [{}, "),
        ]
        for (old, new) in cases {
            let text = BuiltinCatalog.json
            let range = try #require(text.range(of: old), "\(old)")
            let damaged = Array(text.replacingCharacters(in: range, with: new).utf8)
            #expect(Self.start(damaged) == nil, "\(new)")
            #expect(throws: CatalogError.self) { try CatalogLoader.load(bytes: damaged, file: "d") }
        }
        // Without quotes and sources at all, it is not a catalog, so there is no start.
        let noRest = Self.reordered(Self.builtin, ["schemaVersion", "id", "festival", "topics", "people", "films", "quotes", "sources"])
        let cut = String(decoding: noRest, as: UTF8.self).components(separatedBy: ",\n  \"quotes\"")[0] + "\n}\n"
        #expect(Self.start(Array(cut.utf8)) == nil)
    }

    /// The start of a file with a bad source reference is shown (sources come later); the
    /// whole load refuses it.
    @Test func sourceReferencesWaitForTheWholeLoad() throws {
        let generated = CatalogGenerator(films: 5, quotes: 50, seed: 3).catalog()
        var text = CatalogEncoder.json(generated)
        let range = try #require(text.range(of: "\"sources\": [\""))
        text.replaceSubrange(range, with: "\"sources\": [\"no-such-source\", \"")
        let bytes = Array(text.utf8)
        #expect(Self.start(bytes) != nil)
        #expect(throws: CatalogError.self) { try CatalogLoader.load(bytes: bytes, file: "g") }
    }
}
