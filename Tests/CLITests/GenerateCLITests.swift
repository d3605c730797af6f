import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalSynthetic

/// `festival generate`: a synthetic catalog on stdout or in a file; bad arguments exit 2.
@Suite struct GenerateCLITests {
    @Test func generatesALoadableCatalogOnStdout() async throws {
        let r = try await CLITests.run(["generate", "--films", "3", "--quotes", "20", "--seed", "7"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let c = try CLITests.load(r.stdout)
        #expect(c.films.count == 3)
        #expect(c.quotes.count == 20)
        #expect(c.festival.name.en == "Synthetic Festival (generated, seed 7)")
        #expect(r.stdout == CatalogEncoder.json(CatalogGenerator(films: 3, quotes: 20, seed: 7).catalog()))
        let again = try await CLITests.run(["generate", "--seed", "7", "--quotes", "20", "--films", "3"])
        #expect(again.stdout == r.stdout)
    }

    @Test func writesTheFileAtomically() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appending(path: "synthetic.json")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        let r = try await CLITests.run(["generate", "--films", "2", "--quotes", "30", "--seed", "5", "--output", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written == CatalogEncoder.json(CatalogGenerator(films: 2, quotes: 30, seed: 5).catalog()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["synthetic.json"])  // no temp file left
        let validated = try await CLITests.run(["validate", file.path])
        #expect(validated.status == 0)
        #expect(validated.stdout.contains("ok (2 films"))
    }

    @Test func badArgumentsExitTwo() async throws {
        for args in [["--films", "0", "--quotes", "5", "--seed", "1"],
                     ["--films", "3", "--quotes=-1", "--seed", "1"],
                     ["--films", "abc", "--quotes", "5", "--seed", "1"],
                     ["--films", "3", "--quotes", "5"],
                     ["--films", "3", "--quotes", "5", "--seed", "-1"],
                     ["--films", "3", "--quotes", "5", "--seed", "1", "--output", "/nonexistent-dir/x.json"]] {
            let r = try await CLITests.run(["generate"] + args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(!r.stderr.isEmpty, "\(args)")
        }
        let films = try await CLITests.run(["generate", "--films", "0", "--quotes", "5", "--seed", "1"])
        #expect(films.stderr.contains("--films must be between 1 and"))
        let quotes = try await CLITests.run(["generate", "--films", "1", "--quotes=-1", "--seed", "1"])
        #expect(quotes.stderr.contains("--quotes must be between 0 and"))
    }
}
