import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalExport
@testable import FestivalLibrary

/// Markdown, CSV and JSON exports of quotes and films, against golden files in
/// Tests/Fixtures/Export (SNAPSHOT_RECORD=1 swift test --filter ExportTests rewrites them).
@Suite struct ExportTests {
    static let golden = TestSupport.fixtures.appending(path: "Export")
    let builtin: Catalog
    let minimal: Catalog

    init() throws {
        builtin = try RoundTripTests.builtin()
        minimal = try CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "minimal.json")
    }

    /// Compares `text` with `Export/NAME` byte for byte. With SNAPSHOT_RECORD=1, or when
    /// the file is missing, writes it instead (and fails when it was missing, so a new
    /// golden file is always looked at once).
    static func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = golden.appending(path: name)
        let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        let existing = try? Data(contentsOf: file)
        if record || existing == nil {
            try? FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: file, options: .atomic)
            if existing == nil && !record {
                Issue.record("recorded new golden file \(name); check it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        guard existing != Data(text.utf8) else { return }
        let old = String(decoding: existing!, as: UTF8.self).components(separatedBy: "\n")
        let new = text.components(separatedBy: "\n")
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }
        let detail = line.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "length differs"
        Issue.record("golden file \(name) differs (\(detail)); SNAPSHOT_RECORD=1 swift test rewrites it", sourceLocation: sourceLocation)
    }

    func quotes(_ catalog: Catalog, _ ids: [String]) -> [Quote] { ids.map { catalog.quote($0)! } }
    func films(_ catalog: Catalog, _ ids: [String]) -> [Film] { ids.map { catalog.film($0)! } }

    // Zh-only with a note and a film, both languages, both with a film, English only.
    static let builtinQuotes = ["q02", "q08", "q14", "n02"]
    // Grand Prix with a watch link, a place within a tier, an unknown award.
    static let builtinFilms = ["total-pixel-space", "fragments-of-nowhere", "more-tears-than-harm"]

    @Test func builtinQuotesMatchTheGoldenFiles() {
        let chosen = quotes(builtin, Self.builtinQuotes)
        for language in Language.allCases {
            Self.assertGolden(exportQuotes(chosen, from: builtin, language: language, format: .md, title: "Quotes"),
                              "builtin-quotes.\(language.rawValue).md")
        }
        Self.assertGolden(exportQuotes(chosen, from: builtin, language: .en, format: .csv, title: "Quotes"), "builtin-quotes.csv")
        Self.assertGolden(exportQuotes(chosen, from: builtin, language: .en, format: .json, title: "Quotes"), "builtin-quotes.json")
    }

    @Test func builtinFilmsMatchTheGoldenFiles() {
        let chosen = films(builtin, Self.builtinFilms)
        for language in Language.allCases {
            Self.assertGolden(exportFilms(chosen, from: builtin, language: language, format: .md, title: "Films"),
                              "builtin-films.\(language.rawValue).md")
        }
        Self.assertGolden(exportFilms(chosen, from: builtin, language: .zhHant, format: .csv, title: "Films"), "builtin-films.csv")
        Self.assertGolden(exportFilms(chosen, from: builtin, language: .en, format: .json, title: "Films"), "builtin-films.json")
    }

    /// The festival page's export: names, organizer, edition, events, prizes and jury.
    @Test func theFestivalMatchesTheGoldenFiles() {
        for language in Language.allCases {
            Self.assertGolden(exportFestival(from: builtin, language: language, format: .md, title: "Festival"),
                              "builtin-festival.\(language.rawValue).md")
        }
        Self.assertGolden(exportFestival(from: builtin, language: .en, format: .csv, title: "Festival"), "builtin-festival.csv")
        let json = exportFestival(from: builtin, language: .en, format: .json, title: "Festival")
        let reloaded = try? CatalogLoader.load(bytes: Array(json.utf8), file: "festival.json")
        #expect(reloaded?.festival == builtin.festival && reloaded?.quotes.isEmpty == true && reloaded?.films.isEmpty == true)
        // In a list, the festival comes first under its own heading; CSV gives it its own file.
        let md = exportList(quotes: quotes(builtin, ["q08"]), films: [], festival: true, from: builtin, language: .en,
                            format: .md, title: "Search")
        #expect(md.count == 1 && md[0].text.hasPrefix("# Search · Festival\n"))
        #expect(md[0].text.contains("# Search · Quotes"))
        let csv = exportList(quotes: quotes(builtin, ["q08"]), films: [], festival: true, from: builtin, language: .en,
                             format: .csv, title: "Search")
        #expect(csv.map(\.part) == ["festival", "quotes"])
        #expect(Self.parseCSV(csv[0].text).count == 2)
    }

    @Test func minimalCatalogMatchesTheGoldenFiles() {
        // iCalendar carries the time it was made (DTSTAMP): ICalendarTests checks it instead.
        for format in ExportFormat.allCases where format != .ics {
            Self.assertGolden(exportQuotes(minimal.quotes, from: minimal, language: .en, format: format, title: "Tiny quotes"),
                              "minimal-quotes.\(format.rawValue)")
            Self.assertGolden(exportFilms(minimal.films, from: minimal, language: .en, format: format, title: "Tiny films"),
                              "minimal-films.\(format.rawValue)")
        }
    }

    @Test func markdownAttributesEachQuoteAndLinksItsSources() {
        let md = exportQuotes(quotes(builtin, ["q08"]), from: builtin, language: .en, format: .md, title: "T")
        let quote = builtin.quote("q08")!
        let speaker = builtin.personName(quote.speaker, .en)
        #expect(md.hasPrefix("# T\n"))
        #expect(md.contains("\n— \(speaker), "))
        #expect(md.contains("**Chinese:** "))
        for id in quote.sources {
            let source = builtin.source(id)!
            if let url = source.url { #expect(md.contains("](\(url))"), "\(id)") }
        }
    }

    @Test func jsonExportLoadsAsACatalog() throws {
        let chosen = quotes(builtin, Self.builtinQuotes)
        let json = exportQuotes(chosen, from: builtin, language: .en, format: .json, title: "ignored")
        let loaded = try CatalogLoader.load(bytes: Array(json.utf8), file: "export.json")
        #expect(Set(loaded.quotes.map(\.id)) == Set(Self.builtinQuotes))
        #expect(loaded.quotes.allSatisfy { builtin.quote($0.id) == $0 })
        let films = try CatalogLoader.load(bytes: Array(exportFilms(films(builtin, Self.builtinFilms), from: builtin, language: .en,
                                                                    format: .json, title: "").utf8), file: "films.json")
        #expect(films.films.map(\.id) == builtin.films.map(\.id).filter(Self.builtinFilms.contains))
    }

    // MARK: CSV

    /// Splits RFC 4180 text into records of fields (a small reader for the tests).
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field += "\"" } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" && chars.first == "\n" {
                chars.removeFirst()
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// The shelf's marks, ratings and notes go with the films and quotes in every format,
    /// and catalog notes (doubts, provenance) reach CSV too.
    @Test func shelfMarksRatingsAndNotesReachEveryFormat() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var shelf = Shelf()
        shelf.setFavorite(.film("jailbird"), true, at: now)
        shelf.setWatched(film: "jailbird", true, at: now)
        _ = shelf.setRating(film: "jailbird", 4, at: now)
        shelf.setNote(.quote("q08"), "=cmd|' /C calc'!A0\nsecond line", at: now)
        shelf.setFavorite(.quote("q14"), true, at: now)            // not exported: stays out
        let films = ["jailbird"].compactMap(builtin.film), quotes = ["q08"].compactMap(builtin.quote)
        func export(_ format: ExportFormat, _ language: Language = .en) -> [(part: String?, text: String)] {
            exportList(quotes: quotes, films: films, from: builtin, language: language, format: format, title: "Shelf", shelf: shelf)
        }
        let md = export(.md)[0].text
        #expect(md.contains("**Shelf:** favorite, watched, rated 4/5"), "\(md)")
        #expect(md.contains("*Your note:* \\=cmd") || md.contains("*Your note:* =cmd"), "\(md)")
        #expect(md.contains("second line"))
        #expect(export(.md, .zhHant)[0].text.contains("**收藏：**最愛、已看、評分 4/5"))
        let csv = export(.csv)
        let filmRows = csv.first { $0.part == "films" }!.text.components(separatedBy: "\r\n")
        #expect(filmRows[0].hasSuffix(",note,links,sources,favorite,watched,rating,my_note"), "\(filmRows[0])")
        #expect(filmRows[1].hasSuffix(",true,true,4,"), "\(filmRows[1])")
        let quoteRows = csv.first { $0.part == "quotes" }!.text
        #expect(quoteRows.contains(",favorite,my_note") && quoteRows.contains("false,\"'=cmd"), "\(quoteRows)")
        let json = export(.json)
        #expect(json.map(\.part) == [nil, "shelf"])
        let part = try ShelfCoding.decode(Array(json[1].text.utf8), catalogID: builtin.id)
        #expect(part.rating(film: "jailbird") == 4 && part.note(.quote("q08"))?.hasPrefix("=cmd") == true)
        #expect(!part.isFavorite(.quote("q14")) && part.quotes.count == 1 && part.films.count == 1)
        #expect(exportList(quotes: quotes, films: films, from: builtin, language: .en, format: .json, title: "x").count == 1)
        let plain = exportQuotes(quotes, from: builtin, language: .en, format: .csv, title: "x")
        #expect(plain.hasPrefix("id,speaker_id,speaker,text_zh_hant,text_en,text_note,") && !plain.contains("my_note"))
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.field("crlf\r\nhere") == "\"crlf\nhere\"")  // one line break, as LF
        #expect(CSVText.field("cr\rhere") == "cr here")            // a lone CR is no line break
        #expect(CSVText.field("") == "")
        #expect(CSVText.record(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }

    @Test func csvNeutralisesFormulas() {
        #expect(CSVText.field("=1+2") == "'=1+2")
        #expect(CSVText.field("+cmd") == "'+cmd")
        #expect(CSVText.field("-2") == "'-2")
        #expect(CSVText.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.field("\t=x") == " =x")                   // tab and CR become spaces: text
        #expect(CSVText.field("\r=x") == " =x")
        #expect(CSVText.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVText.field("a=b") == "a=b")
        #expect(CSVText.field("2025-06") == "2025-06")
    }

    /// CSV cells get no control or bidi character (the output boundary shows them as the
    /// browser does) and no formula.
    @Test func csvNeutralisesControlsAndBidi() {
        #expect(CSVText.field("a\u{1B}[31mb") == "a\u{241B}[31mb")
        #expect(CSVText.field("evil\u{202E}txt.exe") == "evil\u{FFFD}txt.exe")
        #expect(CSVText.field("c1\u{9B}x") == "c1\u{FFFD}x")
    }

    @Test func csvOfHostileTextReadsBackAsShown() throws {
        let hostile = "He said, \"=cmd|' /C calc'!A0\"\r\nthen left"
        var catalog = minimal
        catalog.quotes[0].text = LocalizedText(zhHant: "=1+1", en: hostile)
        catalog.quotes[0].context.place = LocalizedText(en: "@home, \"quoted\"")
        let csv = exportQuotes(catalog.quotes, from: catalog, language: .en, format: .csv, title: "")
        let records = Self.parseCSV(csv)
        #expect(records.count == 2)
        #expect(records[0] == QuoteExport.csvHeader)
        #expect(records.allSatisfy { $0.count == QuoteExport.csvHeader.count })
        let row = Dictionary(uniqueKeysWithValues: zip(records[0], records[1]))
        #expect(row["text_en"] == "He said, \"=cmd|' /C calc'!A0\"\nthen left")
        #expect(row["text_zh_hant"] == "'=1+1")
        #expect(row["context"] == "'@home, \"quoted\"")
        #expect(row["id"] == "q1")
        #expect(row["speaker"] == "Bo Li")
        #expect(row["topics"] == "craft")
        #expect(row["film"] == "First Light")
    }

    // MARK: Markdown escaping

    static let hostile = [
        "# Heading\n- item\n1. first\n> quote\n***\n===",
        "*bold* _em_ `code` [link](javascript:alert(1)) ![img](x) <script>alert(1)</script>",
        "&amp; &#60; | a | b |\n|---|---|\n~~strike~~ $x$ \\",
        "    indented code\n\ttabbed\n\u{1B}[31mred\u{1B}[0m \u{7} bell",
        "2025. A year\n2) also\n+ plus",
    ]

    /// Markdown a reader renders as `text`: each backslash escape undone.
    static func unescape(_ s: String) -> String {
        var out = "", escaped = false
        for c in s {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }

    @Test func markdownEscapingKeepsHostileTextInert() {
        for text in Self.hostile {
            for line in MarkdownText.lines(text) {
                var previous: Character = " "
                for (i, c) in line.enumerated() {
                    defer { previous = c == "\\" && previous == "\\" ? " " : c }
                    // Inline syntax never appears unescaped.
                    if "*_`[]<>&|~$#".contains(c) { #expect(previous == "\\", "\(c) unescaped in \(line)") }
                    // Nor block syntax first on a line.
                    if i == 0 { #expect(!"#-+=>".contains(c), "line starts with \(c): \(line)") }
                }
                #expect(!line.hasPrefix(" ") && !line.contains("\t"), "\(line)")
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 }, "control character in \(line)")
                #expect(!line.hasSuffix("\\") || line.hasSuffix("\\\\"), "hard break in \(line)")
            }
            // Nothing is lost but what cannot be shown: controls, and spaces at line starts.
            let shown = MarkdownText.lines(text).map(Self.unescape).joined(separator: "\n")
            let expected = MarkdownText.clean(text).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.drop { $0 == " " || $0 == "\t" }.replacingOccurrences(of: "\t", with: " ") }
                .map { String($0.reversed().drop { $0 == " " }.reversed()) }
                .joined(separator: "\n")
            #expect(shown == expected)
        }
        #expect(MarkdownText.lines("2025. A year") == ["2025\\. A year"])
    }

    @Test func hostileCatalogTextCannotBreakTheDocument() {
        var catalog = minimal
        catalog.quotes[0].text = LocalizedText(zhHant: Self.hostile[0], en: Self.hostile[1])
        catalog.quotes[0].context.place = LocalizedText(en: "\n## Injected heading\n[x](y)")
        catalog.people[1].name = LocalizedText(en: "Bo\n---\n# Li")
        catalog.sources[0].title = "Evil](http://evil.example) [more"
        catalog.sources[0].url = "https://example.org/a)(c<d>\\`"
        let md = exportQuotes(catalog.quotes, from: catalog, language: .en, format: .md, title: "Title\n# second")
        let lines = md.components(separatedBy: "\n")
        // Only the export's own structure: one heading, one rule, its blockquote, list and paragraphs.
        #expect(lines.filter { $0.hasPrefix("#") } == ["# Title \\# second"])
        #expect(lines.filter { $0 == "---" }.count == 1)
        #expect(lines.contains(#"> \*bold\* \_em\_ \`code\` \[link\](javascript:alert(1)) !\[img\](x) \<script\>alert(1)\</script\>"#))
        #expect(lines.contains(##"— Bo --- \# Li, \#\# Injected heading \[x\](y)"##))
        #expect(lines.contains("- [Evil\\](http://evil.example) \\[more](https://example.org/a%29%28c%3Cd%3E%5C%60) — 2030"))
        // A URL that is not a web link by `URLCheck` (here: a space) is not linked at all.
        var spaced = catalog
        spaced.sources[0].url = "https://example.org/a b"
        #expect(!exportQuotes(spaced.quotes, from: spaced, language: .en, format: .md, title: "T").contains("](https://example.org/a"))
        // Every line of the blockquote stays in it.
        let quoteLines = lines.drop { !$0.hasPrefix(">") }.prefix { !$0.isEmpty }
        #expect(quoteLines.count > 6)
        #expect(quoteLines.allSatisfy { $0 == ">" || $0.hasPrefix("> ") })
    }

    /// The festival's own texts (names, events, prizes, notes, website) are as inert.
    @Test func hostileFestivalTextCannotBreakTheDocument() {
        var catalog = minimal
        catalog.festival.name = LocalizedText(en: "Fest\n# Injected")
        catalog.festival.website = "javascript:alert(1)"
        catalog.festival.description = LocalizedText(en: "para\n\n## Heading [x](y)")
        catalog.festival.events = [Event(id: "e", name: LocalizedText(en: "Gala\n---"), date: nil, dateNote: LocalizedText(en: "n\n# h"),
                                         venue: LocalizedText(en: "*Hall*"), city: nil, sources: [])]
        let md = exportFestival(from: catalog, language: .en, format: .md, title: "T")
        let lines = md.components(separatedBy: "\n")
        #expect(lines.filter { $0.hasPrefix("#") } == ["# T", "## Fest \\# Injected", "### About", "### Dates and venues", "### Prizes", "### Jury"])
        #expect(!lines.contains("---") && !md.contains("](javascript") && md.contains("- Website: javascript:alert(1)"))
        #expect(lines.contains("- Gala --- — unknown — \\*Hall\\*") && lines.contains("  - n \\# h"))
        #expect(lines.contains("para") && lines.contains("\\#\\# Heading \\[x\\](y)"))
        let csv = Self.parseCSV(exportFestival(from: catalog, language: .en, format: .csv, title: "T"))
        #expect(csv.count == 2 && csv[1][1] == "Fest\n# Injected")
    }

    @Test func linksOnlyForWebURLs() {
        #expect(MarkdownText.link("t", "https://a.example/x") == "[t](https://a.example/x)")
        #expect(MarkdownText.link("t", "javascript:alert(1)") == "t")
        #expect(MarkdownText.link("t", nil) == "t")
        #expect(MarkdownText.link("", "https://a.example/(x)") == "[https://a.example/(x)](https://a.example/%28x%29)")
    }
}
