import Foundation
import Testing

/// A large catalog file in the documented order opens on its films while its quotes load,
/// in the browser and in `festival films`; any other order still loads; a catalog whose
/// rest is not valid never passes for valid.
@Suite(.serialized) struct CatalogStartE2ETests {
    static var binary: String { CLITests.binary.path }

    /// Writes a generated catalog into `dir`; `damage` changes its text (the last quote is
    /// near the end of the file).
    static func generate(_ dir: URL, quotes: Int, name: String = "big.json",
                         damage: ((inout String) -> Void)? = nil) async throws -> String {
        let path = dir.appending(path: name).path
        let r = try await CLITests.run(["generate", "--films", "200", "--quotes", "\(quotes)", "--seed", "3", "--output", path])
        #expect(r.status == 0)
        if let damage {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            damage(&text)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return path
    }

    /// The last quote's speaker replaced by one nobody defines.
    static func unknownLastSpeaker(_ text: inout String) {
        let key = text.range(of: "\"speaker\": \"", options: .backwards)!
        let end = text[key.upperBound...].firstIndex(of: "\"")!
        text.replaceSubrange(key.upperBound..<end, with: "nobody-at-all")
    }

    /// The `quotes` member moved before `festival`.
    static func quotesFirst(_ text: inout String) {
        let quotes = text.range(of: ",\n  \"quotes\": ")!.lowerBound
        let sources = text.range(of: ",\n  \"sources\": ")!.lowerBound
        let member = String(text[text.index(quotes, offsetBy: 4)..<sources])
        text.removeSubrange(quotes..<sources)
        let festival = text.range(of: "\n  \"festival\": ")!.lowerBound
        text.insert(contentsOf: "\n  " + member + ",", at: festival)
    }

    @Test func theFilmsShowWhileTheQuotesLoadAndQQuitsAtOnce() async throws {
        let tmux = try Tmux()
        // Enough quotes that they are still loading when the films are painted, however
        // busy the machine (the two slow down together).
        let catalog = try await Self.generate(tmux.dir, quotes: 200_000)
        try await tmux.start("\(Self.binary) --lang en --catalog \(catalog)",
                             env: ["TERM": "xterm-256color", "XDG_CACHE_HOME": tmux.dir.path, "FESTIVAL_NO_CACHE": "1"])
        let screen = try await tmux.waitFor("Loading quotes", seconds: 30)
        #expect(screen.contains("Title") && screen.contains("Director") && screen.contains("1/200"))
        try await tmux.send("2")
        _ = try await tmux.waitFor("Quote ", seconds: 45)
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(await tmux.file("before") == tmux.file("after"))
        #expect(try await tmux.display("#{alternate_on}") == "0")
    }

    @Test func theQuotesArriveAndTheLoadingNoticeGoes() async throws {
        let tmux = try Tmux()
        let catalog = try await Self.generate(tmux.dir, quotes: 30_000)
        try await tmux.start("\(Self.binary) --lang en --catalog \(catalog)", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("1/200")
        try await tmux.send("2")
        let screen = try await tmux.waitFor("1/30000", seconds: 60)
        #expect(!screen.contains("Loading quotes"))
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func anotherOrderShowsTheLoadingScreenAndStillOpens() async throws {
        let tmux = try Tmux()
        // Large enough that the load outlasts a busy machine starting tmux (60,000 once opened
        // before the first capture).
        let catalog = try await Self.generate(tmux.dir, quotes: 200_000, damage: Self.quotesFirst)
        try await tmux.start("\(Self.binary) --lang en --catalog \(catalog)",
                             env: ["TERM": "xterm-256color", "FESTIVAL_NO_CACHE": "1"])
        let loading = try await tmux.waitFor("Loading")
        #expect(loading.contains("big.json") && loading.contains("q quit"))
        let screen = try await tmux.waitFor("1/200", seconds: 60)
        #expect(!screen.contains("Loading quotes"))
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// Films first, then the error (located), exit 2, and nothing cached.
    @Test func aCatalogWhoseQuotesAreNotValidEndsWithItsError() async throws {
        let tmux = try Tmux()
        let catalog = try await Self.generate(tmux.dir, quotes: 20_000, name: "bad.json", damage: Self.unknownLastSpeaker)
        try await tmux.start("\(Self.binary) --lang en --catalog \(catalog) 2>\(tmux.dir.path)/stderr",
                             env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Loading quotes")
        let status = await tmux.file("status", seconds: 90)
        #expect(status?.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        let stderr = await tmux.file("stderr") ?? ""
        #expect(stderr.contains("bad.json:") && stderr.contains("quotes[19999].speaker: unknown person id \"nobody-at-all\""))
        #expect(await tmux.file("before") == tmux.file("after"))
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: tmux.dir.appending(path: "cache/festival").path)) ?? []
        #expect(!cached.contains { $0.hasSuffix(".bin") })
    }

    /// `films` on a large file prints the same table from the start; a rest that is not
    /// valid still fails the command after the table.
    @Test func filmsPrintsFromTheStartAndStillFailsOnABadRest() async throws {
        let sandbox = try Sandbox("festival-start")
        let good = try await Self.generate(sandbox.directory, quotes: 8_000)
        let bad = try await Self.generate(sandbox.directory, quotes: 8_000, name: "bad.json", damage: Self.unknownLastSpeaker)
        #expect(try FileManager.default.attributesOfItem(atPath: good)[.size] as! Int >= 4 << 20, "large enough to print from its start")
        let ok = try await CLITests.run(["films", "--catalog", good, "--lang", "en"])
        #expect(ok.status == 0 && ok.stdout.contains("ID") && ok.stdout.split(separator: "\n").count == 201)
        let json = try await CLITests.run(["films", "--catalog", good, "--json"])
        #expect(json.status == 0 && json.stdout.contains("\"sources\""))
        let failed = try await CLITests.run(["films", "--catalog", bad, "--lang", "en"])
        #expect(failed.status == 2)
        #expect(failed.stdout == ok.stdout)
        #expect(failed.stderr.contains("quotes[7999].speaker: unknown person id"))
        let people = try await CLITests.run(["people", "--catalog", bad])
        #expect(people.status == 2 && people.stdout.contains("ID"))
    }
}
