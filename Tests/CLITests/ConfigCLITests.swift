import Foundation
import Testing

/// `festival config --print-default` and `--check [PATH]`.
@Suite struct ConfigCLITests {
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-config-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func printedDefaultChecksOK() async throws {
        let r = try await CLITests.run(["config", "--print-default"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("\n[keys]\n"))
        #expect(r.stdout.contains("\ndown = [\"down\", \"j\"]"))
        #expect(r.stdout.contains("\nquit = [\"q\", \"ctrl-c\"]"))
        #expect(r.stdout.contains("\n[theme]\n"))
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appending(path: "config.toml")
        try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        let check = try await CLITests.run(["config", "--check", file.path])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix(file.path + ": ok ("))
    }

    @Test func checkReportsLocatedErrorsAndExitsTwo() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appending(path: "bad.toml")
        try "mouse = true\n[keys]\ndown = [\"j\", \"ctrl+q\"]\nquit = [\"j\"]\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try await CLITests.run(["config", "--check", file.path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(file.path):3:14: keys.down[1]: unknown key name \"ctrl+q\""))
        #expect(r.stderr.contains("\(file.path):4:9: keys.quit[0]: \"j\" is also bound to down"))
        try "[keys\n".write(to: file, atomically: true, encoding: .utf8)
        let syntax = try await CLITests.run(["config", "--check", file.path])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("\(file.path):1:"))
        #expect(syntax.stderr.contains("TOML syntax"))
        let missing = try await CLITests.run(["config", "--check", dir.appending(path: "none.toml").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
    }

    /// Files that crashed toml++, were cut short at a NUL, or are not UTF-8: each a located
    /// syntax error and exit 2; a FIFO or a directory refused at once.
    @Test func hostileConfigFilesAreLocatedErrors() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, [UInt8], String)] = [
            ("nul-key.toml", Array("\"a\u{0}\" = 1\n".utf8), ":1:3: TOML syntax: U+0000 is not allowed in a string"),
            ("nul-truncates.toml", Array("mouse = true\u{0}\nkeys = 5\n".utf8), ":1:13: TOML syntax: expected the end of the line, found U+0000"),
            ("utf16.toml", [0xFF, 0xFE] + Array("mouse = true\n".utf8).flatMap { [$0, 0] }, ":1:1: TOML syntax: the file is UTF-16"),
            ("latin1.toml", Array("language = \"caf".utf8) + [0xE9, 0x22, 0x0A], ":1:16: TOML syntax: not UTF-8"),
            ("table-name.toml", Array("[é]\n".utf8), ":1:2: TOML syntax: expected a key, found 'é'"),
            ("bad-date.toml", Array("mouse = 1979-05-27T-07:32\n".utf8), ":1:9: TOML syntax: 1979-05-27T-07:32 is not a date or time"),
        ]
        for (name, bytes, message) in cases {
            let file = dir.appending(path: name)
            try Data(bytes).write(to: file)
            let r = try await CLITests.run(["config", "--check", file.path])
            #expect(r.status == 2, "\(name)")
            #expect(r.stderr.hasPrefix("festival: " + file.path + message), "\(name): \(r.stderr)")
            #expect(!r.stderr.contains("\u{1B}"), "\(name)")
        }
        let fifo = dir.appending(path: "fifo.toml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let r = try await CLITests.run(["config", "--check", fifo])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is not a regular file"))
    }

    @Test func checkDefaultsToTheXDGPath() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let none = try await CLITests.run(["config", "--check"], env: ["XDG_CONFIG_HOME": dir.path])
        #expect(none.status == 0)
        #expect(none.stdout.contains("no config file; the defaults apply"))
        try FileManager.default.createDirectory(at: dir.appending(path: "festival"), withIntermediateDirectories: true)
        let file = dir.appending(path: "festival/config.toml")
        try "language = \"en\"\ntheme = \"light\"\n".write(to: file, atomically: true, encoding: .utf8)
        let ok = try await CLITests.run(["config", "--check"], env: ["XDG_CONFIG_HOME": dir.path])
        #expect(ok.status == 0)
        #expect(ok.stdout == "\(file.path): ok (language en, theme light)\n")
        try "language = \"fr\"\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try await CLITests.run(["config", "--check"], env: ["XDG_CONFIG_HOME": dir.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(file.path):1:12: language: unknown language \"fr\""))
    }

    @Test func badUsageExitsTwo() async throws {
        for args in [["config"], ["config", "--print-default", "--check"], ["config", "--print-default", "x.toml"]] {
            let r = try await CLITests.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(!r.stderr.isEmpty, "\(args)")
        }
    }
}
