import BuiltinCatalog
import Testing
@testable import FestivalCatalog
@testable import FestivalSynthetic

@Suite struct CatalogGeneratorTests {
    static func generate(films: Int = 12, quotes: Int = 600, seed: UInt64 = 42) -> Catalog {
        CatalogGenerator(films: films, quotes: quotes, seed: seed).catalog()
    }

    static func encoded(_ c: Catalog) -> [UInt8] { Array(CatalogEncoder.json(c).utf8) }

    /// FNV-1a, 64 bits: a fixed checksum of the encoded bytes.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    @Test func sameSeedGivesIdenticalBytes() {
        let a = Self.encoded(Self.generate()), b = Self.encoded(Self.generate())
        #expect(a == b)
        #expect(CatalogEncoder.bytes(Self.generate()) == a)
    }

    /// The output is pinned, so it is the same on every machine and run (its own
    /// generator, no system randomness, no hash-order dependence). If the generator or
    /// its word lists change on purpose, update the checksum (benchmarks then change too).
    @Test func outputIsPinned() {
        let c = Self.generate(films: 3, quotes: 20, seed: 7)
        #expect(c.quotes[0].text.zhHant == "在片場，每一格畫面到了深夜需要每一個錯誤。回到咖啡館，那份天真的草稿找到了似曾相識的感覺。")
        #expect(Self.fnv1a(Self.encoded(c)) == Self.pinnedChecksum)
    }

    static let pinnedChecksum: UInt64 = 0x9819_1004_0fb7_b8d1

    @Test func differentSeedsDiffer() {
        let a = Self.generate(seed: 1), b = Self.generate(seed: 2)
        #expect(Self.encoded(a) != Self.encoded(b))
        #expect(a.quotes.map(\.text) != b.quotes.map(\.text))
        #expect(a.festival.name.en == "Synthetic Festival (generated, seed 1)")
        #expect(b.id == "synthetic-2")
    }

    @Test func countsMatchTheArguments() {
        for (films, quotes) in [(1, 0), (3, 20), (40, 1000), (7, 260)] {
            let g = CatalogGenerator(films: films, quotes: quotes, seed: 3)
            let c = g.catalog()
            #expect(c.films.count == films)
            #expect(c.quotes.count == quotes)
            #expect(c.people.count == max(5, films / 2 + quotes / 50))
            #expect(c.people.count == g.peopleCount)
            #expect(c.topics.count == 20)
            #expect(!c.sources.isEmpty)
            #expect(c.festival.finalistCount == films)
        }
    }

    @Test func loadsWithoutErrorsAndRoundTrips() throws {
        for (films, quotes, seed) in [(12, 600, 42 as UInt64), (1, 0, 0), (5, 50, UInt64.max)] {
            let c = Self.generate(films: films, quotes: quotes, seed: seed)
            let bytes = Self.encoded(c)
            let loaded = try CatalogLoader.load(bytes: bytes, file: "synthetic.json")
            #expect(loaded == c)
            #expect(Self.encoded(loaded) == bytes)
        }
    }

    @Test func saysItIsSynthetic() {
        let f = Self.generate().festival
        #expect(f.name.en?.contains("Synthetic") == true && f.name.en?.contains("generated") == true)
        #expect(f.name.zhHant?.contains("合成") == true)
        #expect(f.description.en?.contains("no quote is anything a real person said") == true)
        #expect(f.description.zhHant?.contains("虛構") == true)
    }

    @Test func quotesMixLanguagesScriptsAndAccents() {
        let c = Self.generate(quotes: 2000)
        let texts = c.quotes.map(\.text)
        let both = texts.filter { $0.zhHant != nil && $0.en != nil }.count
        let zhOnly = texts.filter { $0.zhHant != nil && $0.en == nil }.count
        let enOnly = texts.filter { $0.zhHant == nil && $0.en != nil }.count
        #expect(both + zhOnly + enOnly == texts.count)
        // ~40% / ~30% / ~30%
        #expect((700...900).contains(both))
        #expect((500...700).contains(zhOnly))
        #expect((500...700).contains(enOnly))
        // Some Chinese quotes are in Simplified characters (~10%), most in Traditional.
        let chinese = texts.compactMap(\.zhHant)
        let simplified = chinese.filter { t in ["电影", "版权", "创作", "镜头", "剪辑", "们"].contains { t.contains($0) } }.count
        #expect(simplified > chinese.count / 20 && simplified < chinese.count / 5)
        #expect(chinese.contains { $0.contains("電影") || $0.contains("鏡頭") })
        // Accented Latin letters, in English and in Chinese text.
        #expect(texts.compactMap(\.en).contains { $0.contains("café") })
        #expect(texts.compactMap(\.en).contains { $0.contains("naïve") })
        #expect(texts.compactMap(\.en).contains { $0.contains("Cristóbal") })
        #expect(chinese.contains { $0.contains("Cristóbal") })
        // 40–200 characters in every language present.
        for t in texts {
            for s in [t.zhHant, t.en].compactMap({ $0 }) {
                #expect(CatalogGenerator.quoteLength.contains(s.count), "\(s.count): \(s)")
            }
        }
    }

    @Test func quotesAreWellFormed() {
        let c = Self.generate()
        let speakers = Set(c.people.filter { $0.roles.contains(.speaker) }.map(\.id))
        for q in c.quotes {
            #expect(speakers.contains(q.speaker))
            #expect((1...3).contains(q.topics.count) && Set(q.topics).count == q.topics.count)
            #expect((1...2).contains(q.sources.count))
        }
        #expect(c.quotes.contains { $0.film != nil } && c.quotes.contains { $0.film == nil })
        #expect(c.quotes.contains { $0.context.date == nil } && c.quotes.contains { $0.context.date?.day != nil })
    }

    @Test func filmsAndPeopleVary() {
        let c = Self.generate(films: 200, quotes: 0)
        #expect(c.films.contains { $0.runtimeSeconds == nil } && c.films.contains { $0.runtimeSeconds != nil })
        #expect(c.films.contains { $0.award != nil } && c.films.contains { $0.award == nil })
        #expect(c.films.allSatisfy { $0.title.zhHant != nil && $0.title.en != nil })
        #expect(c.films.allSatisfy { $0.synopsis?.zhHant != nil && $0.synopsis?.en != nil })
        let directors = Set(c.people.filter { $0.roles.contains(.director) }.map(\.id))
        #expect(c.films.allSatisfy { !$0.directors.isEmpty && $0.directors.allSatisfy(directors.contains) })
        #expect(c.people.allSatisfy { $0.name.zhHant != nil && $0.name.en != nil })
        #expect(c.people.contains { p in p.name.en!.unicodeScalars.contains { $0.value > 0x7F } })
        #expect(!c.festival.jury.isEmpty)
    }

    /// The streaming encoder writes the same bytes as the tree encoder, in any chunking,
    /// for generated catalogs, the built-in one and edge cases of the quote writer.
    @Test func streamingEncoderMatchesTheTreeEncoder() throws {
        var edge = Self.generate(films: 2, quotes: 6, seed: 9)
        edge.quotes[0].topics = []
        edge.quotes[1].textNote = LocalizedText(en: "note \u{7} \"quoted\"")
        edge.quotes[2].text = LocalizedText(zhHant: "只有中文\u{2028}", en: nil)
        edge.quotes[3].context.date = nil
        edge.quotes[4].film = nil
        let empty = Catalog(id: "e", festival: edge.festival, topics: [], people: [], films: [], quotes: [], sources: [])
        let builtin = try CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8), file: BuiltinCatalog.displayName)
        for c in [Self.generate(), edge, empty, builtin] {
            let expected = Self.encoded(c)
            #expect(CatalogEncoder.bytes(c) == expected)
            for chunkSize in [1, 7, 4096] {
                var chunks: [UInt8] = []
                var calls = 0
                CatalogEncoder.write(c, chunkSize: chunkSize) { chunks.append(contentsOf: $0); calls += 1 }
                #expect(chunks == expected)
                // Chunks are flushed between list items, so a catalog with items comes in pieces.
                if c.quotes.count > 1 && chunkSize < 4096 { #expect(calls > c.quotes.count) }
            }
        }
    }

    /// The writer's fast path (whole-string copy) escapes exactly what the per-character
    /// rule escapes, wherever the character falls in an 8-byte word.
    @Test func writerEscapesLikeThePerCharacterRule() {
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                        || scalar.value == 0x2028 || scalar.value == 0x2029 {
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\"\n"
        }
        let specials = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{7}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
                        "\u{2028}", "\u{2029}", "\u{A0}", "\u{2026}", "“", "é", "中", "👍🏽", " ", "~"]
        for special in specials {
            for offset in 0..<17 {
                let s = String(repeating: "a", count: offset) + special + "bcdefghijklmnopq"
                #expect(JSONWriter.string(.string(s)) == reference(s), "\(special.unicodeScalars.map(\.value)) at \(offset)")
                let t = String(repeating: "電", count: offset % 5) + special
                #expect(JSONWriter.string(.string(t)) == reference(t))
            }
        }
    }
}
