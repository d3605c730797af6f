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

    /// Bracketed paste is turned on at start and off at stop; a paste arrives as one
    /// `.paste` with escape sequences and controls in it as data (keypad keys are not
    /// decoded inside it), the keys after it as keys.
    @Test func aBracketedPasteIsOneKeyOfText() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let path = FileManager.default.temporaryDirectory.appending(path: "festival-paste-\(getpid()).out").path
        let out = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        defer { close(fds[0]); close(out); unlink(path) }
        let terminal = try Terminal.start(TerminalOptions(mouse: false), inputFD: fds[0], outputFD: out, term: "xterm-256color")
        let typed = "a\u{1B}[200~Loved it.\nw\u{1B}[A\u{1B}OP\u{7}f電影\u{1B}[201~q\u{1B}[200~\u{1B}[201~\u{1B}OB"
        _ = Array(typed.utf8).withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        var keys: [Key] = []
        while let key = terminal.readKey(timeoutMs: 200) { keys.append(key) }
        terminal.stop()
        #expect(keys == [.char("a"), .paste("Loved it.\nw\u{1B}[A\u{1B}OP\u{7}f電影"), .char("q"), .paste(""), .down])
        let written = String(decoding: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), as: UTF8.self)
        let on = written.range(of: "\u{1B}[?2004h"), off = written.range(of: "\u{1B}[?2004l", options: .backwards)
        #expect(on != nil && off != nil && on!.lowerBound < off!.lowerBound, "on at start, off at stop")
    }

    /// A megabyte pasted (written while it is read) is one key of `Key.pasteLimit`
    /// characters; the rest is read and dropped, and the key after it arrives. A paste whose
    /// end marker never comes ends when the input does.
    @Test func aHugePasteIsCutAndAnUnendedOneEnds() throws {
        let (terminal, writer) = try Self.pipedTerminal()
        defer { terminal.stop() }
        let body = String(repeating: "e ", count: 1 << 19)
        Self.feed(Array(("\u{1B}[200~" + body + "\u{1B}[201~j\u{1B}[200~end\u{1B}[20").utf8), to: writer)
        var keys: [Key] = []
        while let key = terminal.readKey(timeoutMs: 2_000) { keys.append(key) }
        #expect(keys.count == 3)
        if case .paste(let text)? = keys.first {
            #expect(text.unicodeScalars.count == Key.pasteLimit)
            #expect(text.hasPrefix("e e e"))
        } else {
            Issue.record("no paste first: \(keys.first.map { "\($0)" } ?? "nothing")")
        }
        #expect(keys.dropFirst().first == .char("j"))
        #expect(keys.last == .paste("end\u{1B}[20"))
    }

    /// A byte that is not UTF-8 before a key sequence is not the end of input: the keys after
    /// it arrive; the end comes when the pipe is closed and read empty, and input that can
    /// only fail (/dev/null) ends too.
    @Test func aBadByteIsNotTheEndOfInput() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let out = open("/dev/null", O_WRONLY)
        defer { close(fds[0]); close(out) }
        let terminal = try Terminal.start(TerminalOptions(mouse: false), inputFD: fds[0], outputFD: out, term: "xterm-256color")
        let typed: [UInt8] = [0xC3, 0x1B, 0x5B, 0x35, 0x7E, 0x78, 0xFF, 0x1B, 0x4F, 0x50, 0x79]   // C3 PgUp x FF F1 y
        _ = typed.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        var keys: [Key] = []
        while let key = terminal.readKey(timeoutMs: nil) { keys.append(key) }
        terminal.stop()
        #expect(keys.contains(.char("x")) && keys.last == .char("y"), "\(keys)")

        let null = open("/dev/null", O_RDWR)
        defer { close(null) }
        let again = try Terminal.start(TerminalOptions(mouse: false), inputFD: null, outputFD: null, term: "xterm-256color")
        #expect(again.readKey(timeoutMs: nil) == nil, "input that only fails has ended")
        again.stop()
    }

    /// N15: a terminal answer or sequence far longer than the old 64-character bound is
    /// dropped whole, not read as keys from there on.
    @Test func aLongAnswerIsDroppedWhole() throws {
        let (terminal, writer) = try Self.pipedTerminal()
        defer { terminal.stop() }
        let typed = "a\u{1B}]11;" + String(repeating: "f", count: 5_000) + "\u{07}b\u{1B}[" + String(repeating: "1;", count: 500) + "5~c"
        Self.feed(Array(typed.utf8), to: writer)
        var keys: [Key] = []
        while let key = terminal.readKey(timeoutMs: 500) { keys.append(key) }
        #expect(keys == [.char("a"), .unknown(27), .char("b"), .unknown(27), .char("c")], "\(keys.prefix(8)) … \(keys.count) keys")
    }

    /// A terminal reading keys from a new pipe (its write end returned, for `feed`) and
    /// writing to /dev/null (the terminal holds copies of both descriptors).
    static func pipedTerminal() throws -> (Terminal, writer: Int32) {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let out = open("/dev/null", O_WRONLY)
        defer { close(fds[0]); close(out) }
        return (try Terminal.start(TerminalOptions(mouse: false), inputFD: fds[0], outputFD: out, term: "xterm-256color"), fds[1])
    }

    /// Writes `bytes` to `fd` from a thread of its own (more than a pipe holds is read while
    /// it is written), then closes it.
    static func feed(_ bytes: [UInt8], to fd: Int32) {
        Thread {
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                guard n > 0 else { break }
                sent += n
            }
            close(fd)
        }.start()
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
