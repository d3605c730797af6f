import Foundation
import Glibc
import Testing

/// The hostile-input probe of 2026-12-07 (shared/reviews), end to end: the real binary.
@Suite(.serialized) struct TrustCLITests {
    static var binary: String { CLITests.binary.path }

    /// N1 with two users, as the probe ran it: in a sticky world-writable directory, a link
    /// user 1001 planted to user 1000's file is not written through when user 1000 exports
    /// to it (the kernel's protected_symlinks rule, applied by festival itself); a link of
    /// user 1000's own is.
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root and setpriv (util-linux) to act as two users"))
    func anotherUsersPlantedLinkIsNotWrittenThrough() async throws {
        let sandbox = try Sandbox("festival-two-users")
        let root = sandbox.path
        let sticky = root + "/sticky", victimHome = root + "/victim"
        #expect(chmod(root, 0o755) == 0)
        #expect(mkdir(sticky, 0o777) == 0 && chmod(sticky, 0o1777) == 0)
        #expect(mkdir(victimHome, 0o700) == 0 && chown(victimHome, 1000, 1000) == 0)
        let dotfile = victimHome + "/dotfile"
        try "precious\n".write(toFile: dotfile, atomically: false, encoding: .utf8)
        #expect(chown(dotfile, 1000, 1000) == 0 && chmod(dotfile, 0o600) == 0)
        let link = sticky + "/out.md"
        // The binary must be reachable by user 1000: every directory above it searchable.
        var reachable = true
        var dir = URL(fileURLWithPath: Self.binary).deletingLastPathComponent()
        while dir.path != "/" {
            var info = stat()
            if stat(dir.path, &info) != 0 || info.st_mode & 0o001 == 0 { reachable = false }
            dir = dir.deletingLastPathComponent()
        }
        try #require(reachable, "the binary's directories are not searchable by other users")

        let plant = try await sandbox.run("/usr/bin/setpriv", ["--reuid=1001", "--regid=1001", "--clear-groups", "ln", "-s", dotfile, link])
        #expect(plant.status == 0)
        let asVictim = ["--reuid=1000", "--regid=1000", "--clear-groups", Self.binary, "export", "--quotes", "q01",
                        "--format", "md", "--output", link]
        let refused = try await sandbox.run("/usr/bin/setpriv", asVictim, env: ["HOME": sticky])
        let stderr = String(decoding: refused.stderr, as: UTF8.self)
        #expect(refused.status == 2, "\(stderr)")
        #expect(stderr.contains("not following the symbolic link \(link): another user owns it"), "\(stderr)")
        #expect(try String(contentsOfFile: dotfile, encoding: .utf8) == "precious\n")

        // The same link made by user 1000: followed, the file replaced, the link kept.
        #expect(unlink(link) == 0)
        let own = try await sandbox.run("/usr/bin/setpriv", ["--reuid=1000", "--regid=1000", "--clear-groups", "ln", "-s", dotfile, link])
        #expect(own.status == 0)
        let written = try await sandbox.run("/usr/bin/setpriv", asVictim, env: ["HOME": sticky])
        #expect(written.status == 0, "\(String(decoding: written.stderr, as: UTF8.self))")
        #expect(try String(contentsOfFile: dotfile, encoding: .utf8).hasPrefix("# "))
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
    }

    /// N7: one error is one line, whatever line breaks the catalog or the arguments hold.
    @Test func aForgedLineStaysOnItsErrorsLine() async throws {
        let minimal = try String(contentsOf: CLITests.packageRoot.appending(path: "Tests/Fixtures/minimal.json"), encoding: .utf8)
        let forged = minimal.replacingOccurrences(of: "\"id\": \"first\"",
                                                  with: "\"id\": \"x\\nevil.json: ok (2 films, 2 people, 1 quotes, 1 topics, 1 sources)\\n\"")
        let r = try await CLITests.shell("cat > nl.json <<'EOF'\n\(forged)\nEOF\n\(Self.binary) validate nl.json")
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("festival: evil.json") }, "\(r.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("festival: nl.json:") }, "\(r.stderr)")
        let film = try await CLITests.run(["film", "x\nforged"])
        #expect(film.status == 1)
        #expect(film.stderr.split(separator: "\n").count == 1 && film.stderr.contains("x␤forged"), "\(film.stderr)")
        let command = try await CLITests.run(["nosuch\nfestival: ok"])
        #expect(command.status == 2 && !command.stderr.split(separator: "\n").contains { $0.hasPrefix("festival: ok") }, "\(command.stderr)")
    }

    /// N14: an empty search is bad usage in `quotes --search` as in `search`.
    @Test func anEmptySearchIsBadUsageEverywhere() async throws {
        let quotes = try await CLITests.run(["quotes", "--search", ""])
        let search = try await CLITests.run(["search", ""])
        #expect(quotes.status == 2 && search.status == 2, "\(quotes.stderr) \(search.stderr)")
        #expect(quotes.stderr.contains("the query is empty"))
    }

    /// N16: a closed standard output is held by /dev/null read-only: the catalog file cannot
    /// take its number, and writing still fails with a message (exit 2).
    @Test func aClosedStandardOutputIsNotReusedAndStillFails() async throws {
        let fixture = CLITests.packageRoot.appending(path: "Tests/Fixtures/minimal.json").path
        let r = try await CLITests.shell("\(Self.binary) films --catalog \(fixture) >&-; echo \"rc=$?\" >&2")
        #expect(r.stderr.contains("cannot write standard output") && r.stderr.contains("rc=2"), "\(r.stderr)")
        let validate = try await CLITests.shell("\(Self.binary) validate \(fixture) >&- 2>/dev/null; echo $?")
        #expect(validate.stdout == "2\n", "\(validate.stdout)")
    }

    /// N9: a config of 40,000 unknown keys (under the 1 MB cap) is refused with 50 located
    /// lines and a count, and a 300 KB key is not echoed whole.
    @Test func aHugeConfigIsRefusedInFewLines() async throws {
        let keys = (0..<40_000).map { "\"k\($0)\" = [\"j\"]" }.joined(separator: "\n")   // 650 KB
        let long = String(repeating: "x", count: 300_000)
        let sandbox = try Sandbox("festival-config")
        let path = sandbox.directory.appending(path: "c.toml").path
        try "[keys]\n\(keys)\n\"\(long)\" = [\"j\"]\n".write(toFile: path, atomically: false, encoding: .utf8)
        let r = try await sandbox.run(Self.binary, ["config", "--check", path], timeout: 30)
        let stderr = String(decoding: r.stderr, as: UTF8.self)
        #expect(r.status == 2)
        let lines = stderr.split(separator: "\n")
        #expect(lines.count == 51 && lines.last?.contains("more problems") == true, "\(lines.count) lines")
        #expect(stderr.utf8.count < 20_000)
    }

    /// N11: errors that say what is wrong.
    @Test func unclearErrorsAreClear() async throws {
        let device = try await CLITests.run(["export", "--quotes", "q01", "--format", "md", "--output", "/dev/null"])
        #expect(device.status == 2 && device.stderr.contains("cannot write /dev/null: it is not a regular file"), "\(device.stderr)")
        let stdout = try await CLITests.shell("\(Self.binary) export --quotes q01 --format md --output /dev/stdout | head -c 2")
        #expect(stdout.stdout == "# ", "/dev/stdout is standard output, into a pipe too: \(stdout.stderr)")
        let negative = try await CLITests.run(["generate", "--films", "1", "--quotes", "-1", "--seed", "1"])
        #expect(negative.status == 2 && negative.stderr.contains("--quotes must be between 0 and 20000000 (got -1)"), "\(negative.stderr)")
        // A /proc pseudo-file reports no size: it is read, and named for what it holds.
        let pseudo = try await CLITests.run(["validate", "/proc/self/status"])
        #expect(pseudo.status == 2 && pseudo.stderr.contains("is not a catalog or a feed festival reads: it starts with byte 0x4E"), "\(pseudo.stderr)")
        let size = try await CLITests.run(["render", "--size", "10000x10000"])
        #expect(size.status == 2 && size.stderr.contains("each side from 1 to 1000"), "\(size.stderr)")
    }
}
