import Foundation
import Testing
@testable import FestivalCatalog

/// Runs the built `festival` binary and checks its output and exit codes.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built beside this test bundle (or in .build/debug).
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appending(path: "festival"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "festival"),
            packageRoot.appending(path: ".build/debug/festival"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// Runs the binary in a sandbox of its own (working directory, HOME, XDG directories,
    /// LANG=C.UTF-8, TZ=UTC, nothing else of the caller's environment but PATH), removed
    /// afterwards; `env` is applied last. A timeout is status -1.
    static func run(_ args: [String], env: [String: String] = [:], timeout: Double = 60) async throws -> Run {
        try await sandboxed(binary.path, args, env: env, timeout: timeout)
    }

    /// Runs `/bin/sh -c line` the same way (for a pipe into the binary).
    static func shell(_ line: String, env: [String: String] = [:], timeout: Double = 60) async throws -> Run {
        try await sandboxed("/bin/sh", ["-c", line], env: env, timeout: timeout)
    }

    private static func sandboxed(_ executable: String, _ args: [String], env: [String: String], timeout: Double) async throws -> Run {
        let sandbox = try Sandbox("festival-cli")
        let r = try await sandbox.run(executable, args, env: env, timeout: timeout)
        return Run(status: r.timedOut ? -1 : r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
                   stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    static func load(_ json: String) throws -> Catalog {
        try CatalogLoader.load(bytes: Array(json.utf8), file: "stdout")
    }

    /// What every test's child starts with, though test threads block signals: no signal
    /// blocked, none of the standard ones ignored (glibc keeps its internal 32 and 33 as
    /// they are), only the sandbox's environment, the sandbox as its directory.
    @Test func childrenStartCleanInTheirSandbox() async throws {
        let r = try await Self.shell("grep -E '^Sig(Blk|Ign):' /proc/self/status; env | sort; pwd")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        func mask(_ name: String) -> UInt64? {
            lines.first { $0.hasPrefix(name + ":\t") }.flatMap { UInt64($0.dropFirst(name.count + 2), radix: 16) }
        }
        #expect(mask("SigBlk") == 0, "\(lines)")
        #expect(mask("SigIgn").map { $0 & 0x7FFF_FFFF } == 0, "\(lines)")   // signals 1...31
        let names = Set(lines.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) }.filter { $0.allSatisfy { $0.isUppercase || $0 == "_" } })
        #expect(names.isSubset(of: ["PATH", "LANG", "TZ", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                                    "XDG_STATE_HOME", "PWD", "SHLVL", "_", "OLDPWD"]), "\(names)")
        let directory = try #require(lines.last)
        #expect(directory.hasPrefix(FileManager.default.temporaryDirectory.path) && lines.contains("HOME=\(directory)/home"))
        #expect(!FileManager.default.fileExists(atPath: directory))   // removed after the run
    }

    @Test func filmsListsTheLineupAligned() async throws {
        let r = try await Self.run(["films", "--lang", "en"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines[0].hasPrefix("ID"))
        #expect(lines[1].hasPrefix("total-pixel-space"))
        #expect(lines[1].contains("Grand Prix") && lines[1].contains("9:28"))
        // Columns line up: the title column starts at the same offset on every line.
        let starts = lines.map { $0.range(of: "  ", options: [])!.lowerBound.utf16Offset(in: $0) }
        #expect(Set(starts).count == 1 || lines.allSatisfy { $0.count > 20 })
    }

    @Test func chineseOutputIsAlignedByDisplayWidth() async throws {
        let r = try await Self.run(["films", "--lang", "zh-Hant"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("全像素空間"))
        #expect(r.stdout.contains("大獎") || r.stdout.contains("Grand"))
    }

    @Test func awardFilter() async throws {
        let r = try await Self.run(["films", "--award", "gold", "--json"])
        #expect(r.status == 0)
        #expect(try Self.load(r.stdout).films.map(\.id) == ["jailbird"])
        let unknown = try await Self.run(["films", "--award", "unknown", "--json"])
        let unknownFilms = try Self.load(unknown.stdout).films
        #expect(unknownFilms.allSatisfy { $0.award?.tier == nil } && unknownFilms.contains { $0.id == "fragments-of-nowhere" },
                "no tier known, a place alone included")
        let bad = try await Self.run(["films", "--award", "platinum"])
        #expect(bad.status == 2, "a bad value is bad usage")
        #expect(bad.stderr.contains("no award tier 'platinum'") && bad.stderr.contains("grand-prix, gold"))
    }

    @Test func filmDetailAndNotFound() async throws {
        let r = try await Self.run(["film", "jailbird", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Andrew Salter"))
        // One director is "Director", two are "Directors" (as on the film's page).
        #expect(r.stdout.contains("\nDirector      Andrew Salter"), "\(r.stdout)")
        #expect(try await Self.run(["film", "one", "--lang", "en"]).stdout.contains("\nDirectors     Ricardo Villavicencio, Edward Saatchi"))
        let missing = try await Self.run(["film", "nope"])
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("no film 'nope' (see `festival films`)"), "\(missing.stderr)")
    }

    @Test func jsonRoundTripsThroughTheLoader() async throws {
        let builtin = try Self.load(try await Self.run(["films", "--json"]).stdout)
        let film = try Self.load(try await Self.run(["film", "total-pixel-space", "--json"]).stdout)
        #expect(film.films.count == 1)
        #expect(film.films[0] == builtin.film("total-pixel-space"))
        let people = try Self.load(try await Self.run(["people", "--json"]).stdout)
        #expect(people.people.count >= 20)
        let quotes = try Self.load(try await Self.run(["quotes", "--speaker", "bruce-markoe", "--json"]).stdout)
        #expect(quotes.quotes.map(\.id) == ["q08", "q09", "q10"])
        // The output is itself a valid catalog for every other command.
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appending(path: "markoe.json")
        try CatalogEncoder.json(quotes).write(to: file, atomically: true, encoding: .utf8)
        let validated = try await Self.run(["validate", file.path])
        #expect(validated.status == 0)
        let again = try await Self.run(["quotes", "--catalog", file.path, "--json"])
        #expect(try Self.load(again.stdout) == quotes)
    }

    @Test func quoteFilters() async throws {
        let topic = try Self.load(try await Self.run(["quotes", "--topic", "copyright", "--json"]).stdout)
        #expect(!topic.quotes.isEmpty)
        #expect(topic.quotes.allSatisfy { $0.topics.contains("copyright") })
        let film = try Self.load(try await Self.run(["quotes", "--film", "total-pixel-space", "--json"]).stdout)
        #expect(film.quotes.allSatisfy { $0.film == "total-pixel-space" })
        #expect(film.quotes.count >= 4)
        let plain = try await Self.run(["quotes", "--speaker", "mike-rianda", "--lang", "en"])
        #expect(plain.stdout.contains("buzzsaw"))
        #expect(try await Self.run(["quotes", "--speaker", "nobody"]).status == 1)
        #expect(try await Self.run(["quotes", "--topic", "nothing"]).status == 1)
    }

    @Test func usageErrorsExitTwo() async throws {
        let r = try await Self.run(["films", "--lang", "fr"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown language 'fr'"))
        #expect(try await Self.run(["frobnicate"]).status == 2)
        #expect(try await Self.run(["films", "--catalog", "/nonexistent/x.json"]).status == 2)
        let help = try await Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("quotes"))
    }

    @Test func validateReportsEveryProblemWithLocations() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let minimal = try String(contentsOf: Self.packageRoot.appending(path: "Tests/Fixtures/minimal.json"), encoding: .utf8)
        let broken = minimal.replacingOccurrences(of: #""speaker": "bo""#, with: #""speaker": "nobody""#)
            .replacingOccurrences(of: #""id": "second""#, with: #""id": "first""#)
        let file = dir.appending(path: "broken.json")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let r = try await Self.run(["validate", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("broken.json:31:"))
        #expect(r.stderr.contains("films[1].id: duplicate film id \"first\""))
        #expect(r.stderr.contains("quotes[0].speaker: unknown person id \"nobody\""))
        let ok = try await Self.run(["validate", Self.packageRoot.appending(path: "Tests/Fixtures/minimal.json").path])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("ok (2 films"))
    }
}
