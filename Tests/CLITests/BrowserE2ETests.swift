import Foundation
import Glibc
import Testing

/// The real binary in a real terminal (tmux): keys in, screen out, terminal restored.
@Suite(.serialized) struct BrowserE2ETests {
    static var binary: String { CLITests.binary.path }

    @Test func browseAFilmThenQuotesThenQuit() async throws {
        let tmux = try Tmux()
        try await tmux.start("\(Self.binary) --lang en", env: ["TERM": "xterm-256color"])
        var screen = try await tmux.waitFor("Total Pixel Space")
        #expect(screen.contains("1/7"))
        try await tmux.send("j", "j")                    // to ONE
        screen = try await tmux.waitFor("3/7")
        try await tmux.send("Enter")
        screen = try await tmux.waitFor("Synopsis")
        #expect(screen.contains("Ricardo Villavicencio"))
        #expect(screen.contains("transhuman") || screen.contains("planet"))
        try await tmux.send("Escape")
        screen = try await tmux.waitFor("3/7")
        try await tmux.send("Tab")
        screen = try await tmux.waitFor("1/24")
        #expect(screen.contains("Speaker"))
        #expect(screen.contains("Cristóbal Valenzu"))
        try await tmux.send("?")
        screen = try await tmux.waitFor("Keys on this screen")
        #expect(screen.contains("filter by speaker"))
        try await tmux.send("Escape", "L")
        screen = try await tmux.waitFor("發言者")
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(await tmux.file("before") == tmux.file("after"))
        #expect(try await tmux.display("#{alternate_on}") == "0")
        #expect(try await tmux.display("#{cursor_flag}") == "1")
    }

    /// The search field edits like readline in a real terminal: Ctrl-a, ←, Alt-b, Ctrl-k; the
    /// terminal's cursor sits at the insertion point while typing.
    @Test func theSearchFieldEditsInTheMiddle() async throws {
        let tmux = try Tmux()
        try await tmux.start("\(Self.binary) --lang en", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.send("s")
        try await tmux.type("pixel")
        _ = try await tmux.waitFor("Search: pixel")
        try await tmux.send("Left", "Left", "Left")
        try await tmux.type("X")
        _ = try await tmux.waitFor("Search: piXxel")
        try await tmux.send("BSpace", "C-a")
        try await tmux.type("total ")
        var screen = try await tmux.waitFor("Search: total pixel")
        #expect(try await tmux.display("#{cursor_x}") == String("Search: total ".count))
        #expect(try await tmux.display("#{cursor_flag}") == "1", "the cursor is shown while typing")
        try await tmux.send("C-e", "M-b", "C-k")
        screen = try await tmux.waitFor("Search: total  ")
        #expect(!screen.contains("Search: total pixel"))
        try await tmux.send("Escape")
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let tmux = try Tmux()
        try await tmux.start(Self.binary + " --lang en", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Total Pixel Space")
        #expect(try await tmux.display("#{alternate_on}") == "1")
        let pid = try #require(try await tmux.programPID(named: "festival"))
        kill(pid, SIGTERM)
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "143")
        #expect(await tmux.file("before") == tmux.file("after"))
        #expect(try await tmux.display("#{alternate_on}") == "0")
    }

    @Test(arguments: ["C-c", "SIGHUP", "SIGINT"]) func interruptAndHangupRestoreTheTerminal(how: String) async throws {
        let tmux = try Tmux()
        try await tmux.start(Self.binary + " --lang en", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Total Pixel Space")
        let signals = ["SIGHUP": SIGHUP, "SIGINT": SIGINT]
        if let signal = signals[how] {
            kill(try #require(try await tmux.programPID(named: "festival")), signal)
        } else {
            try await tmux.send("C-c")
        }
        // Ctrl-C is the quit key in raw mode; a signal ends the program with 128 + its number.
        let expected = signals[how].map { String(128 + $0) } ?? "0"
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
        #expect(await tmux.file("before") == tmux.file("after"))
        #expect(try await tmux.display("#{alternate_on}") == "0")
    }

    /// SGR parameters used on the screen, e.g. ["1", "7", "38;5;110"].
    static func sgrParameters(_ styled: String) -> Set<String> {
        let pattern = /\x1b\[([0-9;]*)m/
        return Set(styled.matches(of: pattern).map { String($0.output.1) })
    }

    @Test func noColorMeansAttributesOnly() async throws {
        let colored = try Tmux()
        try await colored.start(Self.binary + " --lang en", env: ["TERM": "xterm-256color"])
        _ = try await colored.waitFor("Total Pixel Space")
        let withColor = Self.sgrParameters(try await colored.styledScreen())
        #expect(withColor.contains { $0.split(separator: ";").contains { ["30", "100", "38"].contains($0) } }, "\(withColor)")

        let plain = try Tmux()
        try await plain.start(Self.binary + " --lang en", env: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        _ = try await plain.waitFor("Total Pixel Space")
        let parameters = Self.sgrParameters(try await plain.styledScreen()).flatMap { $0.split(separator: ";") }
        // Only reset, bold, dim, underline, reverse and "default colour" remain.
        #expect(!parameters.isEmpty)
        #expect(parameters.allSatisfy { ["0", "1", "2", "4", "7", "39", "49"].contains($0) }, "\(Set(parameters))")
    }

    @Test func resizeReLaysOutAndTinyTerminalsSaySo() async throws {
        let tmux = try Tmux()
        try await tmux.start(Self.binary + " --lang zh-Hant", width: 100, height: 30, env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("全像素空間")
        try await tmux.run(["resize-window", "-t", tmux.session, "-x", "15", "-y", "5"])
        _ = try await tmux.waitFor("終端機太小")
        try await tmux.run(["resize-window", "-t", tmux.session, "-x", "60", "-y", "15"])
        let screen = try await tmux.waitFor("1/7")
        #expect(screen.contains("全像素空間"))
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func searchInChineseOpensValenzuelasQuote() async throws {
        let tmux = try Tmux()
        try await tmux.start(Self.binary + " --lang zh-Hant", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("全像素空間")
        try await tmux.send("s")
        _ = try await tmux.waitFor("搜尋:")
        try await tmux.type("版权")                            // Simplified; the quote is Traditional
        var screen = try await tmux.waitFor("筆結果")
        #expect(screen.contains("克里斯托") && screen.contains("版權"))
        try await tmux.send("Enter")
        screen = try await tmux.waitFor("發言者")
        #expect(screen.contains("克里斯托瓦爾·巴倫蘇埃拉"))
        #expect(screen.contains("大多數關于版權的擔憂"))
        try await tmux.send("Escape")
        screen = try await tmux.waitFor("搜尋 · 版权")
        try await tmux.send("Escape")
        screen = try await tmux.waitFor("1/7")
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func badCatalogErrorAppearsAfterTheTerminalIsRestored() async throws {
        let tmux = try Tmux()
        let path = tmux.dir.appending(path: "bad.json").path
        try Data("{\"schemaVersion\": 1,\n  \"festival\": }".utf8).write(to: URL(fileURLWithPath: path))
        try await tmux.start("\(Self.binary) --catalog \(path) 2>\(tmux.dir.path)/stderr", env: ["TERM": "xterm-256color"])
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        #expect(await tmux.file("stderr")?.contains("bad.json:2:") == true)
        #expect(await tmux.file("before") == tmux.file("after"))
    }

    @Test func copyReachesTheTerminalAsOSC52() async throws {
        let tmux = try Tmux()
        try await tmux.start(Self.binary + " --lang en", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.run(["set-option", "-g", "set-clipboard", "on"])
        try await tmux.send("2")
        _ = try await tmux.waitFor("1/24")
        try await tmux.send("y")
        _ = try await tmux.waitFor("Copied to the clipboard")
        // tmux turns an application's OSC 52 into a paste buffer.
        var buffer = ""
        for _ in 0..<40 where !buffer.contains("Cristóbal") {
            buffer = try await tmux.run(["show-buffer"])
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(buffer.contains("— Cristóbal Valenzuela"))
        #expect(buffer.contains("“"))
        try await tmux.send("q")
    }

    @Test func openUsesBrowserWithoutAShell() async throws {
        let tmux = try Tmux()
        let log = tmux.dir.appending(path: "opened").path
        let script = tmux.dir.appending(path: "browser.sh").path
        try Data("#!/bin/sh\nprintf '%s\\n' \"$@\" > \(log)\n".utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        try await tmux.start(Self.binary + " --lang en", env: ["TERM": "xterm-256color", "BROWSER": script])
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.send("o")
        _ = try await tmux.waitFor("Opened https://")
        #expect(await tmux.file("opened")?.hasPrefix("https://youtu.be/") == true)
        try await tmux.send("q")
    }

    @Test func aFailingBrowserAndAFailingEditorAreReportedInFull() async throws {
        let tmux = try Tmux()
        try await tmux.start(Self.binary + " --lang en", width: 60, height: 16,
                             env: ["TERM": "xterm-256color", "BROWSER": "/bin/false", "EDITOR": "false", "XDG_DATA_HOME": tmux.dir.path])
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.send("o")
        // Wrapped over the lines it needs: the whole link is on the screen.
        let screen = try await tmux.waitFor("The browser failed")
        #expect(screen.filter { !$0.isWhitespace }.contains("/bin/false:exitstatus1).Thelink:https://youtu.be/zpAeygE4d1A"), "\(screen)")
        try await tmux.send("m")
        let edited = try await tmux.waitFor("The editor failed (false: exit status 1)")
        #expect(edited.filter { !$0.isWhitespace }.contains("thenoteisasitwas"), "\(edited)")
        try await tmux.send("q")
    }

    @Test func favoriteSurvivesARestartAndTheEditorWritesNotes() async throws {
        let tmux = try Tmux()
        let editor = tmux.dir.appending(path: "editor.sh").path
        try Data("#!/bin/sh\nprintf 'seen at the gala, 電影 ✓' > \"$1\"\n".utf8).write(to: URL(fileURLWithPath: editor))
        chmod(editor, 0o755)
        let env = ["TERM": "xterm-256color", "XDG_DATA_HOME": tmux.dir.path, "EDITOR": editor]
        try await tmux.start(Self.binary + " --lang en; " + Self.binary + " --lang en", env: env)
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.send("j", "f")
        _ = try await tmux.waitFor("Added to favorites")
        try await tmux.send("m")                                // the editor runs and writes the note
        _ = try await tmux.waitFor("Note saved")
        try await tmux.send("q")                                // quit; the second run starts
        _ = try await tmux.wait { $0.contains("★ ✎ JAILBIRD") && !$0.contains("Note saved") }
        try await tmux.send("5")
        let screen = try await tmux.waitFor("Favorite films (1)")
        #expect(screen.contains("★ ✎ JAILBIRD"))
        #expect(screen.contains("seen at the gala, 電影 ✓"))
        let shelfFile = tmux.dir.appending(path: "festival/shelf-aiff-2025.json").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: tmux.dir.appending(path: "festival").path)) ?? []
        #expect(files.contains { $0.hasPrefix("shelf-") && $0.hasSuffix(".json") }, "\(files) \(shelfFile)")
        try await tmux.send("q")
    }

    @Test func exportWritesTheQuoteListAsMarkdown() async throws {
        let tmux = try Tmux()
        try await tmux.start("cd \(tmux.dir.path) && " + Self.binary + " --lang en", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.send("2", "e", "m")
        _ = try await tmux.waitFor("Export to:")
        try await tmux.send("Enter")
        _ = try await tmux.waitFor("Exported")
        let files = try FileManager.default.contentsOfDirectory(atPath: tmux.dir.path).filter { $0.hasSuffix(".md") }
        #expect(files.count == 1 && files[0].hasPrefix("festival-quotes-"))
        let text = try String(contentsOf: tmux.dir.appending(path: files.first ?? "none"), encoding: .utf8)
        #expect(text.contains("Cristóbal Valenzuela") && text.contains("https://"))
        try await tmux.send("q")
    }

    @Test func badConfigStopsTheBrowserWithALocatedError() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-config-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appending(path: "festival"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("[keys]\ndown = [\"ctrl+q\"]\n".utf8).write(to: dir.appending(path: "festival/config.toml"))
        let r = try await CLITests.run([], env: ["XDG_CONFIG_HOME": dir.path, "TERM": "xterm-256color"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("config.toml:2:") && r.stderr.contains("ctrl+q"), "\(r.stderr)")
    }

    @Test func hyperlinksReachTheTerminalAsOSC8WhenSupported() async throws {
        let tmux = try Tmux()
        let capture = tmux.dir.appending(path: "out.bin").path
        try await tmux.start(Self.binary + " --lang en", env: ["TERM": "xterm-256color", "FESTIVAL_HYPERLINKS": "1"])
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.run(["pipe-pane", "-o", "-t", tmux.session, "cat >> \(capture)"])
        try await tmux.send("Enter")
        _ = try await tmux.waitFor("Synopsis")
        try await tmux.send("q")
        _ = await tmux.file("status")
        try await tmux.run(["pipe-pane", "-t", tmux.session])
        let bytes = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: capture))) ?? Data(), as: UTF8.self)
        #expect(bytes.contains("\u{1B}]8;;https://youtu.be/zpAeygE4d1A\u{1B}\\"))
    }

    @Test func dumbTerminalGetsAClearError() async throws {
        let r = try await CLITests.run([], env: ["TERM": "dumb"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("festival films"))
    }
}

/// What one run leaves for the next, and the filter menu, in a real terminal.
@Suite(.serialized) struct BrowserSessionsE2ETests {
    /// A filter is chosen from its menu by typing; a search is remembered in
    /// $XDG_STATE_HOME/festival/search-history (0600) and Up recalls it in the next run.
    @Test func aFilterFromItsMenuAndASearchRecalledInTheNextRun() async throws {
        let tmux = try Tmux()
        let bin = BrowserE2ETests.binary
        try await tmux.start("\(bin) --lang en; \(bin) --lang en", env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.send("2", "p")
        _ = try await tmux.waitFor("filter by speaker")
        try await tmux.type("bruce")
        _ = try await tmux.waitFor("> bruce")
        try await tmux.send("Enter")
        var screen = try await tmux.waitFor("Quotes · Bruce Markoe")
        #expect(screen.contains("1/3") && !screen.contains("filter by speaker"))
        try await tmux.send("s")
        try await tmux.type("copyright")
        _ = try await tmux.waitFor("Search: copyright")
        try await tmux.send("Enter")
        _ = try await tmux.waitFor("Context")
        try await tmux.send("q")
        screen = try await tmux.waitFor("1/7")           // the second run
        let file = tmux.dir.appending(path: "state/festival/search-history").path
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "copyright\n")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try await tmux.send("s", "Up")
        _ = try await tmux.waitFor("Search: copyright")
        try await tmux.send("Escape", "q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
