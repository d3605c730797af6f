import Foundation
import Glibc
import Testing

/// Resize storms and stop/continue in a real terminal.
@Suite(.serialized) struct TerminalLifeE2ETests {
    static func trimmed(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var l = String(line)
            while l.last == " " { l.removeLast() }
            return l
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    @Test func resizeStormEndsOnAFreshRender() async throws {
        let tmux = try Tmux()
        try await tmux.start(BrowserE2ETests.binary + " --lang en", width: 100, height: 30, env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Total Pixel Space")
        var random = FuzzRandom(state: 7)
        let keys = ["j", "k", "G", "g", "Enter", "Escape", "Tab", "s", "e", "v", "Escape", "2", "1", "PageDown"]
        let started = Date()
        for i in 0..<200 {
            let w = 10 + random.below(291), h = 4 + random.below(77)
            try await tmux.run(["resize-window", "-t", tmux.session, "-x", String(w), "-y", String(h)])
            if i % 2 == 0 { try await tmux.send(keys[random.below(keys.count)]) }
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(try await tmux.programPID(named: "festival") != nil)      // still alive
        try await tmux.run(["resize-window", "-t", tmux.session, "-x", "90", "-y", "25"])
        // Leave whatever the storm opened (a search being typed takes "1" as text), then the
        // films section's list, at its top. One Esc at a time: two within the ESC delay are one key.
        func escapes() async throws {
            for _ in 0..<5 {
                try await tmux.send("Escape")
                try await Task.sleep(for: .milliseconds(80))
            }
        }
        try await escapes()
        try await tmux.send("1")
        try await escapes()
        try await tmux.send("g")
        let fresh = try await CLITests.run(["render", "--screen", "films", "--size", "90x25", "--lang", "en"])
        let expected = Self.trimmed(fresh.stdout)
        let screen = try await tmux.wait(seconds: 10) { Self.trimmed($0) == expected }
        #expect(Self.trimmed(screen) == expected, "after \(elapsed) s of storm:\n\(screen)")
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(await tmux.file("before") == tmux.file("after"))
    }

    /// Ctrl-Z and `fg` in an interactive shell with job control (as a user does).
    @Test func suspendAndForegroundRedraws() async throws {
        let tmux = try Tmux()
        try await tmux.newSession(["env", "TERM=xterm-256color", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"])
        _ = try await tmux.waitFor("$")
        let d = tmux.dir.path
        try await tmux.type("stty -g > \(d)/before; \(BrowserE2ETests.binary) --lang en")
        try await tmux.send("Enter")
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.send("j")
        _ = try await tmux.waitFor("2/7")
        try await tmux.send("C-z")
        _ = try await tmux.waitFor("Stopped")
        #expect(try await tmux.display("#{alternate_on}") == "0")  // the shell's screen is back
        try await tmux.type("fg")
        try await tmux.send("Enter")
        let screen = try await tmux.waitFor("2/7")                 // redrawn where it was
        #expect(screen.contains("Total Pixel Space"))
        #expect(try await tmux.display("#{alternate_on}") == "1")
        try await tmux.send("j")
        _ = try await tmux.waitFor("3/7")
        try await tmux.send("q")
        _ = try await tmux.waitFor("$ ")
        try await tmux.type("echo $? > \(d)/status; stty -g > \(d)/after")
        try await tmux.send("Enter")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(await tmux.file("before") == tmux.file("after"))
    }
}

/// SplitMix64 for the storm's sizes and keys.
struct FuzzRandom {
    var state: UInt64
    mutating func below(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}
