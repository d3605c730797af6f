import Curses
import Foundation
import Glibc
import Testing
import TextGrid

/// A real ncurses session on /dev/null: start, paint, invalidate, stop, start again.
@Suite(.serialized) struct HeadlessTerminalTests {
    /// Links go out wrapped in OSC 8 only when asked, and a URL with controls never does.
    @Test(arguments: [true, false]) func hyperlinksAreOSC8WhenEnabled(enabled: Bool) throws {
        let path = "/tmp/festival-osc8-\(getpid())-\(enabled).out"
        let out = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        let input = open("/dev/null", O_RDONLY)
        defer { close(out); close(input); unlink(path) }
        var options = TerminalOptions(mouse: false)
        options.hyperlinks = enabled
        let terminal = try Terminal.start(options, inputFD: input, outputFD: out, term: "xterm-256color")
        var canvas = Canvas(width: 80, height: 24)
        canvas.put("Watch on YouTube", x: 2, y: 3)
        canvas.addLink(x: 2, y: 3, width: 16, url: "https://www.youtube.com/watch?v=zpAeygE4d1A")
        canvas.addLink(x: 2, y: 4, width: 5, url: "https://evil.example/\u{1B}]52;c;SGk=\u{07}")   // refused
        #expect(canvas.links.count == 1)
        terminal.paint(canvas)
        terminal.stop()
        let bytes = String(decoding: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), as: UTF8.self)
        let link = "\u{1B}]8;;https://www.youtube.com/watch?v=zpAeygE4d1A\u{1B}\\Watch on YouTube\u{1B}]8;;\u{1B}\\"
        #expect(bytes.contains(link) == enabled)
        #expect(!bytes.contains("evil.example"))
    }

    @Test func hyperlinkSupportIsDetectedConservatively() {
        #expect(Hyperlinks.supported(environment: ["TERM_PROGRAM": "WezTerm"]))
        #expect(Hyperlinks.supported(environment: ["VTE_VERSION": "7200"]))
        #expect(!Hyperlinks.supported(environment: ["VTE_VERSION": "7200", "TMUX": "/tmp/tmux-0/default,1,0"]))
        #expect(!Hyperlinks.supported(environment: ["TERM": "xterm-256color"]))
        #expect(Hyperlinks.supported(environment: ["FESTIVAL_HYPERLINKS": "1", "TMUX": "x"]))
        #expect(!Hyperlinks.supported(environment: ["FESTIVAL_HYPERLINKS": "0", "TERM_PROGRAM": "WezTerm"]))
    }

    @Test func sessionOnDevNull() throws {
        let fd = open("/dev/null", O_RDWR)
        defer { close(fd) }
        let terminal = try Terminal.start(TerminalOptions(mouse: false), inputFD: fd, outputFD: fd,
                                          term: "xterm-256color")
        #expect(terminal.size.width == 80 && terminal.size.height == 24)
        #expect(throws: TerminalError.alreadyActive) {
            _ = try Terminal.start(TerminalOptions(), inputFD: fd, outputFD: fd, term: "xterm-256color")
        }
        var canvas = Canvas(width: 80, height: 24)
        canvas.put("「全像素空間」 👍🏽 ❤️ e\u{301}", x: 0, y: 0, style: Style(.title, bold: true))
        terminal.paint(canvas)
        canvas.put("changed", x: 0, y: 1)
        terminal.paint(canvas)
        terminal.invalidate()
        terminal.paint(Canvas(width: 100, height: 30))   // larger than the screen: clipped
        #expect(terminal.readKey(timeoutMs: 0) == nil)
        terminal.stop()
        terminal.stop()
        let again = try Terminal.start(TerminalOptions(), inputFD: fd, outputFD: fd, term: "xterm-256color")
        again.stop()
    }

    /// Keys typed while the background was asked come first; an OSC answer arriving late
    /// is dropped whole, never read as keys (Alt-] alone still is Alt-]).
    @Test func typeaheadFirstAndLateColorAnswersDropped() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let out = open("/dev/null", O_WRONLY)
        defer { close(fds[0]); close(out) }
        var options = TerminalOptions(mouse: false)
        options.typeahead = Array("j中".utf8)
        let terminal = try Terminal.start(options, inputFD: fds[0], outputFD: out, term: "xterm-256color")
        defer { terminal.stop() }
        let late = "k\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\l\u{1B}]11;rgb:0/0/0\u{07}m\u{1B}]"
        _ = Array(late.utf8).withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        var keys: [Key] = []
        while let key = terminal.readKey(timeoutMs: 200) { keys.append(key) }
        #expect(keys == [.char("j"), .char("中"), .char("k"), .unknown(27), .char("l"), .unknown(27), .char("m"), .alt("]")])
    }

    @Test func unknownTerminalThrows() {
        let fd = open("/dev/null", O_RDWR)
        defer { close(fd) }
        #expect(throws: TerminalError.initFailed(term: "no-such-terminal")) {
            _ = try Terminal.start(TerminalOptions(), inputFD: fd, outputFD: fd, term: "no-such-terminal")
        }
        #expect(throws: TerminalError.dumbTerminal(term: "dumb")) {
            _ = try Terminal.start(TerminalOptions(), inputFD: fd, outputFD: fd, term: "dumb")
        }
    }
}
