import Foundation
import Testing

/// Signals the user sends end the browser with the terminal restored and no crash report.
@Suite(.serialized) struct SignalE2ETests {
    @Test func sigquitRestoresTheTerminalAndExits131() async throws {
        let tmux = try Tmux()
        try await tmux.start(CLITests.binary.path + " --lang en", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Total Pixel Space")
        kill(try #require(try await tmux.programPID(named: "festival")), SIGQUIT)
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "131")
        let before = await tmux.file("before"), after = await tmux.file("after")
        #expect(before == after)
        #expect(try await tmux.display("#{alternate_on}") == "0")
        let screen = try await tmux.screen()
        #expect(!screen.contains("crashed") && !screen.contains("Backtrace"), "\(screen)")
    }
}
