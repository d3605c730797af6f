import Foundation
import Testing

/// Signals the user sends end the browser with the terminal restored and no crash report.
@Suite(.serialized) struct SignalE2ETests {
    @Test func sigquitRestoresTheTerminalAndExits131() throws {
        let tmux = try Tmux()
        try tmux.start(CLITests.binary.path + " --lang en", env: ["TERM": "xterm-256color"])
        _ = try tmux.waitFor("Total Pixel Space")
        kill(try #require(try tmux.programPID(named: "festival")), SIGQUIT)
        #expect(tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "131")
        #expect(tmux.file("before") == tmux.file("after"))
        #expect(try tmux.display("#{alternate_on}") == "0")
        let screen = try tmux.screen()
        #expect(!screen.contains("crashed") && !screen.contains("Backtrace"), "\(screen)")
    }
}
