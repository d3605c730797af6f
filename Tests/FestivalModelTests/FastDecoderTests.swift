import BuiltinCatalog
import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalSynthetic

/// The fast path (`FastCatalogDecoder`) against the JSON tree's: it may give up on
/// anything, but what it reads must be exactly what the slow path reads, and it must
/// never accept what the slow path refuses.
@Suite struct FastDecoderTests {
    static func fast(_ bytes: [UInt8]) -> Catalog? { bytes.withUnsafeBufferPointer { FastCatalogDecoder.decode($0) } }

    static func slow(_ bytes: [UInt8]) -> Catalog? { try? CatalogLoader.loadSlowly(bytes: bytes, file: "t.json") }

    /// Both paths agree on `bytes`; returns whether the fast one read them.
    @discardableResult
    static func agree(_ bytes: [UInt8], _ note: String) -> Bool {
        let f = fast(bytes), s = slow(bytes)
        if let f { #expect(f == s, "\(note): the fast path read another catalog") }
        if s == nil { #expect(f == nil, "\(note): the fast path accepted what the loader refuses") }
        return f != nil
    }

    @Test func validCatalogsTakeTheFastPathAndReadTheSame() throws {
        let generated = CatalogGenerator(films: 20, quotes: 2_000, seed: 7).catalog()
        let cases: [(String, [UInt8])] = [
            ("built-in", Array(BuiltinCatalog.json.utf8)),
            ("minimal", Array(TestSupport.minimalText.utf8)),
            ("search fixture", try [UInt8](Data(contentsOf: TestSupport.fixtures.appending(path: "search.json")))),
            ("hostile fixture", try [UInt8](Data(contentsOf: TestSupport.fixtures.appending(path: "hostile.json")))),
            ("generated", Array(CatalogEncoder.json(generated).utf8)),
            ("with a BOM", [0xEF, 0xBB, 0xBF] + Array(TestSupport.minimalText.utf8)),
            ("a place without its tier", Array(TestSupport.minimalText.replacingOccurrences(of: #""tier": "top""#, with: #""tier": null"#).utf8)),
        ]
        for (name, bytes) in cases {
            let tookFastPath = Self.agree(bytes, name)
            #expect(tookFastPath, "\(name) takes the fast path")
        }
    }

    /// Values that repeat from quote to quote (places, notes, source lists) are read once and
    /// shared, and sharing never mixes up values that differ.
    @Test func repeatedValuesAreSharedNotCopied() throws {
        let catalog = try #require(Self.fast(Array(CatalogEncoder.json(CatalogGenerator(films: 5, quotes: 500, seed: 3).catalog()).utf8)))
        func storage(_ s: String?) -> UnsafeRawPointer? {
            s?.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        }
        let byPlace = Dictionary(grouping: catalog.quotes.filter { ($0.context.place.en?.utf8.count ?? 0) > 15 }) { $0.context.place.en! }
        let (place, quotes) = try #require(byPlace.first { $0.value.count > 1 })
        #expect(quotes.allSatisfy { storage($0.context.place.en) != nil })
        #expect(Set(quotes.map { storage($0.context.place.en) }).count == 1, "\(place): one copy for \(quotes.count) quotes")

        let shared = SharedValues()
        let long = ["a place that is long enough", "a place that is long enough!", "short"]
        for text in long + long {
            let read = Array(text.utf8).withUnsafeBufferPointer { shared.string($0) }
            #expect(read == text)
        }
        #expect([0xFF, 0xFE].withUnsafeBufferPointer { shared.string($0) } == nil, "invalid UTF-8")
        #expect(Array(repeating: UInt8(0xFF), count: 20).withUnsafeBufferPointer { shared.string($0) } == nil)
        #expect(shared.list(["a", "b"]) == ["a", "b"] && shared.list(["a", "b"]) == ["a", "b"] && shared.list(["b"]) == ["b"])
    }

    /// Enough quotes to be decoded in parallel runs: the same catalog, in order; damage in
    /// any run falls back to the slow path.
    @Test func quotesDecodedInParallelKeepTheirOrder() throws {
        let catalog = CatalogGenerator(films: 30, quotes: FastJSON.parallelElements + 1_000, seed: 5).catalog()
        let bytes = Array(CatalogEncoder.json(catalog).utf8)
        let fast = try #require(Self.fast(bytes))
        #expect(fast == catalog)
        let quotesAt = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("\"quotes\"".utf8)) })
        var random = SyntheticRandom(seed: 9, stream: 2)
        for round in 0..<16 {
            var damaged = bytes
            let at = quotesAt + random.below(bytes.count - quotesAt)
            damaged[at] = [0x22, 0x2C, 0x7B, 0x7D, 0x5B, 0x5D, 0x00, 0x5C][round % 8]
            Self.agree(damaged, "round \(round), byte \(at)")
        }
    }

    /// A festival with enough films and people for those arrays to be decoded in parallel
    /// too: the same catalog, and its start (read before the quotes) the same films and people.
    @Test func filmsAndPeopleDecodedInParallelKeepTheirOrder() throws {
        let catalog = CatalogGenerator(films: 2 * FastJSON.parallelElements + 200, quotes: 2_000, seed: 6).catalog()
        #expect(catalog.people.count >= FastJSON.parallelElements)
        let bytes = Array(CatalogEncoder.json(catalog).utf8)
        #expect(try #require(Self.fast(bytes)) == catalog)
        let start = try #require(CatalogStart.decode(bytes: bytes))
        #expect(start.films == catalog.films && start.people == catalog.people)
        let filmsAt = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("\"films\"".utf8)) })
        var random = SyntheticRandom(seed: 10, stream: 3)
        for round in 0..<4 {
            var damaged = bytes
            let at = filmsAt / 2 + random.below(filmsAt)
            damaged[at] = [0x22, 0x2C, 0x7B, 0x7D][round % 4]
            Self.agree(damaged, "round \(round), byte \(at)")
        }
    }

    @Test func escapesDecodeAsTheParserDecodesThem() {
        for escaped in [#"a\"b\\c\/d\b\f\n\r\t"#, #"\u00e9\u4E2D\u0041"#, #"caf\u00E9 \uD83C\uDFAC"#, #"\ud800x"#, #"x\udc00"#] {
            let text = TestSupport.minimal(replacing: "\"Tiny Fest\"", with: "\"\(escaped)\"")
            Self.agree(Array(text.utf8), escaped)
        }
    }

    /// Every rule the loader enforces, broken once: the fast path must give the file to the
    /// slow path, which reports it.
    @Test func everyBrokenRuleFallsBackToTheSlowPath() {
        let edits: [(String, String)] = [
            ("\"schemaVersion\": 1", "\"schemaVersion\": 2"), ("\"schemaVersion\": 1", "\"schemaVersion\": 1.0"),
            ("\"schemaVersion\": 1", "\"schemaVersion\": 1, \"schemaVersion\": 1"),
            ("\"schemaVersion\": 1", "\"schemaVersion\": 1, \"extra\": 0"),
            ("\"Tiny Fest\"", "\"  \""), ("\"Tiny Fest\"", "\"\""), ("\"Tiny Fest\"", "5"), ("\"Tiny Fest\"", "\"caf\\u00\""), ("\"finalistCount\": 2", "\"finalistCount\": 0"),
            ("\"finalistCount\": 2", "\"finalistCount\": 2.0"), ("\"edition\": null,", ""), ("\"2030-01-02\"", "\"2030-02-30\""),
            ("\"shortName\": \"TF\"", "\"shortName\": \"TF\", \"shortName\": \"TF\""), ("\"id\": \"tiny-fest\"", "\"id\": \"Tiny\""),
            ("{\"tier\": \"top\", \"place\": 1}", "{\"tier\": null, \"place\": null}"),
        ]
        for (old, new) in edits {
            #expect(TestSupport.minimalText.contains(old), "\(old)")
            let bytes = Array(TestSupport.minimalText.replacingOccurrences(of: old, with: new).utf8)
            #expect(Self.slow(bytes) == nil, "\(new) is refused")
            #expect(Self.fast(bytes) == nil, "\(new)")
        }
    }

    /// Random damage to real catalogs: every outcome agrees.
    @Test func damagedCatalogsAgree() {
        let sources = [Array(TestSupport.minimalText.utf8), Array(BuiltinCatalog.json.utf8)]
        var random = SyntheticRandom(seed: 3, stream: 1)
        let pieces: [[UInt8]] = ["null", "\"\"", "\" \"", "0", "-1", "1.5", "{}", "[]", "\"x\"", "\"a-b\"", ",", "\\u0000",
                                 "\"2023-02-30\"", "\"javascript:x\"", "true"].map { Array($0.utf8) }
        var fastRead = 0
        for round in 0..<1_500 {
            var bytes = sources[round % 2]
            for _ in 0...(round % 3) {
                let at = random.below(bytes.count)
                switch random.below(3) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.below(256))
                case 1: bytes.remove(at: at)
                default:
                    // A value replaced by another: find the next ':' and swap what follows up to ',' or '}'.
                    if let colon = bytes[at...].firstIndex(of: 0x3A),
                       let end = bytes[(colon + 1)...].firstIndex(where: { $0 == 0x2C || $0 == 0x7D }) {
                        bytes.replaceSubrange((colon + 1)..<end, with: [0x20] + pieces[random.below(pieces.count)])
                    }
                }
            }
            if Self.agree(bytes, "round \(round)") { fastRead += 1 }
        }
        #expect(fastRead > 0, "some damage leaves a valid catalog")
    }
}
