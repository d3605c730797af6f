import Foundation
import Testing

/// `festival render --keys`: the browser's update driven by a key script, the screen printed.
@Suite struct RenderKeysCLITests {
    @Test func aKeyScriptOpensTheResultItMovesTo() async throws {
        let r = try await CLITests.run(["render", "--keys", "sAI<tab>j<enter>", "--size", "80x20", "--lang", "en"])
        #expect(r.status == 0)
        // The same as opening the second search result directly.
        let search = try await CLITests.run(["search", "AI", "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        try #require(results.count >= 2)
        let kind = try #require(results[1]["kind"] as? String), id = try #require(results[1]["id"] as? String)
        let direct = try await CLITests.run(["render", "--screen", "\(kind):\(id)", "--size", "80x20", "--lang", "en"])
        // All but the status line, whose history count differs (the search is one step back).
        let lines = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false).dropLast(3) }
        #expect(direct.status == 0 && lines(direct.stdout) == lines(r.stdout))
        #expect(r.stdout.contains("◂2") && direct.stdout.contains("◂1"))
    }

    @Test func helpAndQuitInAScript() async throws {
        let help = try await CLITests.run(["render", "--keys", "?", "--size", "80x24", "--lang", "en"])
        #expect(help.stdout.contains("Keys on this screen"))
        let quit = try await CLITests.run(["render", "--keys", "2q3", "--size", "80x24", "--lang", "en"])
        #expect(quit.status == 0)
        #expect(quit.stdout.contains("Speaker"))        // the quote list: 3 came after q and was not pressed
    }

    @Test func aBadKeyNameIsAUsageError() async throws {
        let r = try await CLITests.run(["render", "--keys", "<bogus>"])
        #expect(r.status == 2 && r.stderr.contains("--keys: unknown key name \"bogus\""))
        let open = try await CLITests.run(["render", "--keys", "a<b"])
        #expect(open.status == 2 && open.stderr.contains("<lt>"))
    }
}
