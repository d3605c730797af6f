import Foundation
import Testing

/// The palette follows the terminal's background unless chosen: tmux answers OSC 11 with
/// its panes' background (`window-style`), so the real binary is asked as in a real terminal.
/// Precedence: `--theme` over the config file over what the terminal says over dark.
@Suite(.serialized) struct ThemeE2ETests {
    static var binary: String { CLITests.binary.path }

    /// The first screen, with its colors, of the browser started with `arguments` in a tmux
    /// whose panes have `background` (none: tmux then does not answer OSC 11).
    static func firstScreen(_ arguments: String, background: String?, config: String? = nil,
                            env: [String: String] = [:]) async throws -> String {
        let tmux = try Tmux()
        if let config {
            let dir = tmux.dir.appending(path: "config/festival")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try config.write(to: dir.appending(path: "config.toml"), atomically: true, encoding: .utf8)
        }
        // The program waits for `go`, so the background is set before it asks.
        let go = tmux.dir.appending(path: "go").path
        try await tmux.start("while [ ! -e \(go) ]; do sleep 0.05; done; \(binary) --lang en \(arguments)",
                             env: ["TERM": "xterm-256color"].merging(env) { $1 })
        if let background { _ = try await tmux.run(["set", "-g", "window-style", "bg=\(background)"]) }
        FileManager.default.createFile(atPath: go, contents: nil)
        _ = try await tmux.waitFor("Total Pixel Space")
        let screen = try await tmux.styledScreen()
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(await tmux.file("before") == tmux.file("after"), "the terminal's modes are restored after the query")
        return screen
    }

    @Test func aLightBackgroundGetsTheLightPaletteUnlessOneIsChosen() async throws {
        let light = try await Self.firstScreen("--theme light", background: "#ffffff")
        let dark = try await Self.firstScreen("--theme dark", background: "#ffffff")
        #expect(light != dark, "the palettes differ on screen")
        #expect(try await Self.firstScreen("", background: "#ffffff") == light, "white: light")
        #expect(try await Self.firstScreen("--theme auto", background: "#f0f0e0") == light)
        #expect(try await Self.firstScreen("", background: "#1e1e1e") == dark, "near black: dark")
        #expect(try await Self.firstScreen("", background: "#ffffff", config: "theme = \"dark\"\n") == dark, "the config file wins")
        #expect(try await Self.firstScreen("--theme light", background: "#000000", config: "theme = \"dark\"\n") == light,
                "--theme wins over the config file")
    }

    @Test func withoutAnAnswerCOLORFGBGDecidesElseDark() async throws {
        let light = try await Self.firstScreen("--theme light", background: nil)
        let dark = try await Self.firstScreen("--theme dark", background: nil)
        #expect(try await Self.firstScreen("", background: nil, env: ["COLORFGBG": "0;15"]) == light)
        #expect(try await Self.firstScreen("", background: nil, env: ["COLORFGBG": "15;0"]) == dark)
        #expect(try await Self.firstScreen("", background: nil) == dark)
    }
}
