import Foundation
import Testing

/// Nothing a catalog or an argument holds reaches a terminal raw: every command's output
/// and every error passes one boundary (`Sanitize.text`), JSON escapes per JSON.
@Suite struct OutputBoundaryCLITests {
    static let hostile = CLITests.packageRoot.appending(path: "Tests/Fixtures/hostile.json").path

    /// ESC, C1 controls (as UTF-8, C2 80–9F), BEL, and the bidi override U+202E.
    static func raw(_ text: String) -> [String] {
        var found: [String] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x1B: found.append("ESC")
            case 0x07: found.append("BEL")
            case 0x80..<0xA0: found.append("C1")
            case 0x202A...0x202E, 0x2066...0x2069: found.append("bidi")
            default: continue
            }
        }
        return found
    }

    @Test(arguments: [
        ["film", "first", "--lang", "en"], ["films", "--lang", "en"], ["quotes", "--lang", "en"],
        ["search", "light", "--lang", "en"], ["export", "--quotes", "all", "--format", "md"],
        ["export", "--quotes", "all", "--format", "csv"], ["export", "--films", "all", "--format", "md"],
        ["export", "--films", "all", "--format", "csv"], ["films", "--json"], ["search", "light", "--json"],
    ])
    func outputHoldsNoControlOrBidiCharacter(args: [String]) async throws {
        let r = try await CLITests.run(args + ["--catalog", Self.hostile])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.raw(r.stdout).isEmpty, "\(args): \(Self.raw(r.stdout))")
    }

    @Test func theHostileTitleIsShownAsTheBrowserShowsIt() async throws {
        let r = try await CLITests.run(["film", "first", "--lang", "en", "--catalog", Self.hostile])
        #expect(r.stdout.contains("First Light ␛[2J␛]52;c;SGVsbG8=␇EVIL"))
    }

    @Test func errorsThatQuoteCatalogValuesOrArgumentsAreSafe() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-boundary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A dangling reference whose id carries a terminal title sequence and a bidi override.
        var text = try String(contentsOfFile: CLITests.packageRoot.appending(path: "Tests/Fixtures/minimal.json").path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"speaker\": \"bo\"", with: "\"speaker\": \"x\\u001b]0;pwned\\u0007\\u202e\"")
        let file = dir.appending(path: "bad.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try await CLITests.run(["validate", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("␛]0;pwned␇"), "\(r.stderr)")
        #expect(Self.raw(r.stderr).isEmpty)
        let arg = try await CLITests.run(["film", "nope\u{1B}[2J\u{202E}"])
        #expect(arg.status == 1 && Self.raw(arg.stderr).isEmpty && arg.stderr.contains("␛[2J"))
        let usage = try await CLITests.run(["films", "--award", "\u{1B}]52;c;SGk=\u{07}"])
        #expect(usage.status == 2 && Self.raw(usage.stderr).isEmpty && usage.stderr.contains("␛]52"))
    }
}

/// `festival validate`: warnings located on stderr (exit 0), errors with `--strict`.
@Suite struct ValidateWarningsCLITests {
    @Test func hostileTextIsWarnedAboutAndStrictRefusesIt() async throws {
        let r = try await CLITests.run(["validate", OutputBoundaryCLITests.hostile])
        #expect(r.status == 0)
        #expect(r.stdout.contains("4 warnings"))
        #expect(r.stderr.contains("films[0].title.en: warning: control character U+001B in text"))
        #expect(r.stderr.split(separator: "\n").allSatisfy { $0.contains("hostile.json:") })
        let strict = try await CLITests.run(["validate", "--strict", OutputBoundaryCLITests.hostile])
        #expect(strict.status == 2 && strict.stderr.contains("films[0].title.en: control character U+001B"))
        let builtin = try await CLITests.run(["validate", CLITests.packageRoot.appending(path: "Resources/aiff2025.json").path, "--strict"])
        #expect(builtin.status == 0 && builtin.stderr.isEmpty)
    }
}

/// A failed write ends with a message and an exit code, never a crash; a closed pipe ends
/// quietly.
@Suite struct WriteFailureCLITests {
    static let festival = CLITests.binary.path

    @Test(arguments: [
        "quotes", "films", "film total-pixel-space", "people", "search copyright", "quotes --json",
        "export --quotes all --format md", "export --films all --format csv", "render --screen films",
        "generate --films 2 --quotes 5 --seed 1", "validate /dev/null", "config --print-default",
    ])
    func aFullStandardOutputIsExit2WithAMessage(command: String) async throws {
        let r = try await CLITests.shell("\"\(Self.festival)\" \(command) > /dev/full")
        if command.hasPrefix("validate") {
            #expect(r.status == 2)    // /dev/null is refused before anything is written
            return
        }
        #expect(r.status == 2, "\(command): \(r.stderr)")
        #expect(r.stderr == "festival: cannot write standard output: No space left on device\n", "\(command): \(r.stderr)")
    }

    @Test func aFullStandardErrorKeepsTheExitCode() async throws {
        let r = try await CLITests.shell("\"\(Self.festival)\" film nope 2> /dev/full; echo \"status=$?\"")
        #expect(r.stdout.contains("status=1"))
        let usage = try await CLITests.shell("\"\(Self.festival)\" films --award nothing 2> /dev/full; echo \"status=$?\"")
        #expect(usage.stdout.contains("status=1") || usage.stdout.contains("status=2"))
        #expect(!usage.stdout.contains("status=132") && !usage.stdout.contains("status=134"))
    }

    @Test func aClosedPipeIsQuiet() async throws {
        let r = try await CLITests.shell("\"\(Self.festival)\" generate --films 20 --quotes 20000 --seed 1 | head -c 10 > /dev/null; echo \"status=${PIPESTATUS:-x}\"")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}

extension OutputBoundaryCLITests {
    @Test func invisibleCharactersInAnArgumentAreNamedInItsError() async throws {
        let r = try await CLITests.run(["film", "no\u{200B}pe\u{2060}"])
        #expect(r.status == 1 && r.stderr.contains("no<U+200B>pe<U+2060>"), "\(r.stderr)")
    }
}
