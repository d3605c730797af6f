import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalExport

/// `festival export`: quotes or films as Markdown, CSV or JSON, on stdout or atomically
/// into a file; unknown ids exit 1, bad usage 2.
@Suite struct ExportCLITests {
    static let minimalPath = CLITests.packageRoot.appending(path: "Tests/Fixtures/minimal.json").path
    static var minimal: Catalog { try! CatalogLoader.load(path: minimalPath) }

    /// The ids of a quote or film CSV, in row order.
    static func csvIDs(_ csv: String) -> [String] {
        csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { String($0.prefix { $0 != "," }) }
    }

    @Test func markdownOfChosenQuotesIsTheLibraryExport() async throws {
        let r = try await CLITests.run(["export", "--catalog", Self.minimalPath, "--quotes", "q1", "--format", "md", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let catalog = Self.minimal
        #expect(r.stdout == exportQuotes(catalog.quotes, from: catalog, language: .en, format: .md, title: "Quotes — TF"))
        let titled = try await CLITests.run(["export", "--catalog", Self.minimalPath, "--quotes", "all", "--format", "md",
                                       "--lang", "zh-Hant", "--title", "我的摘錄"])
        #expect(titled.stdout == exportQuotes(catalog.quotes, from: catalog, language: .zhHant, format: .md, title: "我的摘錄"))
    }

    @Test func quotesOfASpeakerWithAttributionAndLinks() async throws {
        let r = try await CLITests.run(["export", "--speaker", "bruce-markoe", "--format", "md", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("# Quotes by Bruce Markoe — AIFF 2025\n"))
        #expect(r.stdout.components(separatedBy: "\n— Bruce Markoe, ").count - 1 == 3)
        #expect(r.stdout.contains("](https://arstechnica.com/"))
    }

    @Test func csvEndsWithOneCRLFAndKeepsTheGivenOrder() async throws {
        let r = try await CLITests.run(["export", "--quotes", "q08,q02,q08", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("id,speaker_id,speaker,text_zh_hant,text_en,text_note,context,date,topics,film,sources\r\n"))
        #expect(r.stdout.hasSuffix("\r\n") && !r.stdout.hasSuffix("\n\r\n") && !r.stdout.hasSuffix("\r\n\n"))
        #expect(Self.csvIDs(r.stdout) == ["q08", "q02"])
    }

    @Test func searchExportsInRankedOrder() async throws {
        let ranked = try await CLITests.run(["quotes", "--search", "film", "--json"])
        let listed = try await CLITests.run(["quotes", "--search", "film"])
        #expect(ranked.status == 0 && listed.status == 0)
        let order = listed.stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
        let r = try await CLITests.run(["export", "--search", "film", "--format", "csv"])
        #expect(r.status == 0)
        #expect(!order.isEmpty)
        #expect(Self.csvIDs(r.stdout) == order)
        let speaker = try await CLITests.run(["export", "--search", "film", "--speaker", "cristobal-valenzuela", "--format", "csv"])
        #expect(Self.csvIDs(speaker.stdout) == order.filter { try! CLITests.load(ranked.stdout).quote($0)?.speaker == "cristobal-valenzuela" })
    }

    @Test func jsonLoadsAsACatalog() async throws {
        let r = try await CLITests.run(["export", "--topic", "copyright", "--format", "json"])
        #expect(r.status == 0)
        let catalog = try CLITests.load(r.stdout)
        #expect(!catalog.quotes.isEmpty)
        #expect(catalog.quotes.allSatisfy { $0.topics.contains("copyright") })
        let films = try await CLITests.run(["export", "--films", "jailbird,one", "--format", "json"])
        #expect(try CLITests.load(films.stdout).films.map(\.id) == ["jailbird", "one"])
    }

    @Test func filmsAsCSVAndMarkdown() async throws {
        let csv = try await CLITests.run(["export", "--films", "all", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(Self.csvIDs(csv.stdout).count == 7)
        let md = try await CLITests.run(["export", "--films", "total-pixel-space", "--format", "md", "--lang", "en"])
        #expect(md.stdout.hasPrefix("# Films — AIFF 2025\n"))
        #expect(md.stdout.contains("## Total Pixel Space\n"))
        #expect(md.stdout.contains("- Award: Grand Prix\n"))
        #expect(md.stdout.contains("- [YouTube](https://youtu.be/zpAeygE4d1A)\n"))
    }

    @Test func writesTheFileAtomically() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appending(path: "quotes.md")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        let stdout = try await CLITests.run(["export", "--quotes", "q01,n01", "--format", "md"])
        let r = try await CLITests.run(["export", "--quotes", "q01,n01", "--format", "md", "--output", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == stdout.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["quotes.md"])
        let json = dir.appending(path: "q.json")
        #expect(try await CLITests.run(["export", "--quotes", "all", "--format", "json", "--output", json.path]).status == 0)
        let validated = try await CLITests.run(["validate", json.path])
        #expect(validated.status == 0)
        #expect(validated.stdout.contains(": ok ("))
    }

    @Test func unknownIdsExitOne() async throws {
        let quotes = try await CLITests.run(["export", "--quotes", "q01,nope,nada", "--format", "md"])
        #expect(quotes.status == 1)
        #expect(quotes.stdout.isEmpty)
        #expect(quotes.stderr.contains("no quote with id 'nope', 'nada'"))
        let films = try await CLITests.run(["export", "--films", "nope", "--format", "csv"])
        #expect(films.status == 1)
        #expect(films.stderr.contains("no film with id 'nope'"))
        let speaker = try await CLITests.run(["export", "--speaker", "nobody", "--format", "md"])
        #expect(speaker.status == 1)
        #expect(speaker.stderr.contains("no person 'nobody' (see `festival people`)"), "\(speaker.stderr)")
        let topic = try await CLITests.run(["export", "--topic", "nothing", "--format", "md"])
        #expect(topic.status == 1)
        let nothing = try await CLITests.run(["export", "--search", "zzzzqqqq", "--format", "md"])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("no quotes match"))
    }

    @Test func badUsageExitsTwo() async throws {
        for args in [["--quotes", "all"],
                     ["--quotes", "all", "--format", "xml"],
                     ["--quotes", "all", "--films", "all", "--format", "md"],
                     ["--films", "all", "--speaker", "cristobal-valenzuela", "--format", "md"],
                     ["--format", "md"],
                     ["--quotes", ",", "--format", "md"],
                     ["--quotes", "all", "--format", "md", "--output", "/nonexistent-dir/x.md"],
                     ["--quotes", "all", "--format", "md", "--lang", "fr"]] {
            let r = try await CLITests.run(["export"] + args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(!r.stderr.isEmpty, "\(args)")
        }
        let both = try await CLITests.run(["export", "--quotes", "all", "--films", "all", "--format", "md"])
        #expect(both.stderr.contains("export quotes or films, not both"))
        let none = try await CLITests.run(["export", "--format", "md"])
        #expect(none.stderr.contains("say what to export"))
    }

    /// --film is one of the quote filters `festival quotes` and `festival export` share.
    @Test func filmFilterIsSharedWithQuotes() async throws {
        let r = try await CLITests.run(["export", "--film", "total-pixel-space", "--format", "json"])
        #expect(r.status == 0)
        let exported = try CLITests.load(r.stdout)
        #expect(!exported.quotes.isEmpty && exported.quotes.allSatisfy { $0.film == "total-pixel-space" })
        let listed = try CLITests.load(try await CLITests.run(["quotes", "--film", "total-pixel-space", "--json"]).stdout)
        #expect(exported.quotes.map(\.id) == listed.quotes.map(\.id))
        #expect(try await CLITests.run(["export", "--film", "nope", "--format", "md"]).status == 1)
        #expect(try await CLITests.run(["export", "--films", "all", "--film", "one", "--format", "md"]).status == 2)
    }
}
