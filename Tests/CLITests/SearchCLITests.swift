import Foundation
import Testing
@testable import FestivalCatalog

/// `festival search` and `festival quotes --search` through the real binary.
@Suite struct SearchCLITests {
    @Test func simplifiedQueryFindsTraditionalQuote() async throws {
        let r = try await CLITests.run(["search", "版权", "--in", "quotes", "--lang", "en"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("KIND") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("quote") })
        #expect(r.stdout.contains("q04") && r.stdout.contains("Cristóbal Valenzuela"))
    }

    @Test func jsonHasRankedResultsWithHighlights() async throws {
        let r = try await CLITests.run(["search", "Valenzuela", "--json", "--limit", "2"])
        #expect(r.status == 0)
        let root = try JSONParser.parse(Array(r.stdout.utf8))
        guard case .object(let members) = root.value else { Issue.record("not an object"); return }
        let fields = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(fields["total"]?.value == .int(12))  // his person page and his 11 quotes
        guard case .array(let results) = fields["results"]?.value else { Issue.record("no results"); return }
        #expect(results.count == 2)
        let first = try #require(results.first)
        guard case .object(let r0) = first.value else { return }
        let f0 = Dictionary(r0.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(f0["kind"]?.value == .string("person"))
        #expect(f0["id"]?.value == .string("cristobal-valenzuela"))
        #expect(f0["match"]?.value == .string("phrase"))
    }

    @Test func filtersAndNoMatches() async throws {
        let r = try await CLITests.run(["search", "speaker:markoe", "--in", "quotes", "--lang", "en"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 3 && rows.allSatisfy { $0.contains("Bruce Markoe") })
        #expect(try await CLITests.run(["search", "speaker:markoe topic:jobs"]).status == 1)   // jobs: only Rianda
        let none = try await CLITests.run(["search", "zzzqqq"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no matches"))
        #expect(try await CLITests.run(["search", "   "]).status == 2)
        #expect(try await CLITests.run(["search", "x", "--in", "nowhere"]).status == 2)
        #expect(try await CLITests.run(["search", "x", "--limit", "0"]).status == 2)
    }

    @Test func quotesSearchKeepsOtherFiltersAndRoundTrips() async throws {
        let r = try await CLITests.run(["quotes", "--search", "电影", "--speaker", "cristobal-valenzuela", "--json"])
        #expect(r.status == 0)
        let catalog = try CLITests.load(r.stdout)
        #expect(!catalog.quotes.isEmpty)
        #expect(catalog.quotes.allSatisfy { $0.speaker == "cristobal-valenzuela" })
        #expect(catalog.quotes.allSatisfy { ($0.text.zhHant ?? "").contains("電影") || ($0.text.zhHant ?? "").contains("电影") })
    }
}

/// The festival and its events are searched from the command line too.
@Suite struct FestivalSearchCLITests {
    @Test func anEventsVenueFindsTheFestival() async throws {
        let r = try await CLITests.run(["search", "Broad Stage", "--lang", "en"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[1].hasPrefix("festival  festival  Runway AI Film Festival 2025"))
        #expect(lines[1].contains("The Broad Stage, Santa Monica"))
        let only = try await CLITests.run(["search", "Runway", "--in", "festival", "--json"])
        #expect(only.status == 0 && only.stdout.contains("\"total\": 1") && only.stdout.contains("\"kind\": \"festival\""))
    }
}
