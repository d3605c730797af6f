import Curses
import Glibc
import Testing
import TextGrid

/// A real ncurses session on /dev/null: start, paint, invalidate, stop, start again.
@Suite(.serialized) struct HeadlessTerminalTests {
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
