import Foundation
import Glibc
import Testing

/// A hostile catalog (ESC, OSC 52/8, BEL, NUL, C1, bidi overrides, 10 000 combining marks,
/// a 100 kB line) browsed in a real terminal: the bytes the program writes are captured
/// with tmux's pipe-pane and none of the data's control sequences may be among them.
@Suite(.serialized) struct HostileE2ETests {
    static let fixture = CLITests.packageRoot.appending(path: "Tests/Fixtures/hostile.json").path

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test func nothingFromTheDataReachesTheTerminalRaw() async throws {
        let tmux = try Tmux()
        let capture = tmux.dir.appending(path: "output.bin").path
        try await tmux.start("\(BrowserE2ETests.binary) --lang en --catalog \(Self.fixture)", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("First Light")
        try await tmux.run(["pipe-pane", "-o", "-t", tmux.session, "cat >> \(capture)"])
        try await tmux.send("C-l")                    // repaint everything into the capture
        _ = try await tmux.waitFor("First Light")
        try await tmux.send("Enter")                  // the film: title, synopsis with the marks and the long line
        var screen = try await tmux.waitFor("Synopsis")
        #expect(screen.contains("␛"))                // ESC shown as a visible symbol
        try await tmux.send("G", "g", "Escape", "2", "Enter")
        screen = try await tmux.waitFor("Film is light")
        try await tmux.send("Escape", "s")
        try await tmux.type("evil")
        screen = try await tmux.waitFor("results")
        try await tmux.send("Escape", "3", "j", "Enter")   // the second person: Bo Li
        _ = try await tmux.waitFor("critic")
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        try await tmux.run(["pipe-pane", "-t", tmux.session])
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: capture)))
        #expect(bytes.count > 1000)
        let forbidden: [(String, [UInt8])] = [
            ("OSC 52 from the data", Array("\u{1B}]52;".utf8)),
            ("OSC 8 from the data", Array("\u{1B}]8;;".utf8)),
            ("BEL", [0x07]),
            ("NUL", [0x00]),
            ("C1 CSI", [0xC2, 0x9B]), ("C1 DCS", [0xC2, 0x90]), ("C1 ST", [0xC2, 0x9C]),
            ("right-to-left override", Array("\u{202E}".utf8)),
            ("the data's red", Array("\u{1B}[31mEVIL".utf8)),
        ]
        for (name, needle) in forbidden {
            #expect(!Self.contains(bytes, needle), "\(name) reached the terminal")
        }
        #expect(Self.contains(bytes, Array("EVIL".utf8)))   // the text itself was drawn
    }

    @Test func badPathsAreOneLineErrors() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-bad-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let unreadable = dir.appending(path: "secret.json").path
        FileManager.default.createFile(atPath: unreadable, contents: Data("{}".utf8))
        chmod(unreadable, 0)
        var cases: [(String, String)] = [(dir.appending(path: "missing.json").path, "no such file"), (dir.path, "directory")]
        if geteuid() != 0 { cases.append((unreadable, "permission")) }   // root reads anything
        for (path, words) in cases {
            let r = try await CLITests.run(["films", "--catalog", path])
            #expect(r.status == 2)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr.lowercased().contains(words), "\(r.stderr)")
        }
        let bad = try await CLITests.run(["films", "--lang", "xx"])
        #expect(bad.status == 2 && bad.stderr.contains("unknown language"))
        #expect(try await CLITests.run(["--no-such-flag"]).status == 2)
    }

    @Test func hugeWhitespaceDeepNestingAndBadUTF8AreLocatedErrors() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-huge-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, Data, String)] = [
            ("spaces.json", Data(repeating: 0x20, count: 50_000_000), "spaces.json:1:50000001: invalid JSON: the file is empty"),
            ("deep.json", Data(String(repeating: "[", count: 100_000).utf8), "deep.json:1:257: invalid JSON: nesting deeper than 256"),
            ("latin1.json", Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D]), "latin1.json:1:7: not valid UTF-8"),
        ]
        for (name, bytes, message) in cases {
            let path = dir.appending(path: name).path
            try bytes.write(to: URL(fileURLWithPath: path))
            let r = try await CLITests.run(["validate", path])
            #expect(r.status == 2)
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
    }

    @Test func brokenPipeIsQuiet() async throws {
        let r = try await CLITests.shell("\(BrowserE2ETests.binary) quotes | head -1; echo \"${PIPESTATUS:-}\"", timeout: 20)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("ID"))
    }
}
