@testable import Curses
import Foundation
import Glibc
import Testing

/// Detecting a light or dark background: the OSC 11 answer and COLORFGBG (pure), the
/// palette's precedence, and the query itself on a pseudo-terminal.
@Suite struct TerminalBackgroundTests {
    typealias RGB = TerminalBackground.RGB

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: OSC 11 answers

    @Test func answersWithBELAndSTTerminators() {
        let bel = TerminalBackground.scan(Self.bytes("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}"))
        #expect(bel.background == RGB(red: 1, green: 1, blue: 1))
        #expect(bel.rest.isEmpty && !bel.deviceAttributes)
        let st = TerminalBackground.scan(Self.bytes("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\"))
        #expect(st.background == RGB(red: 0, green: 0, blue: 0))
        #expect(st.rest.isEmpty)
        let c1 = TerminalBackground.scan([0x1B, 0x5D] + Self.bytes("11;rgb:ff/ff/ff") + [0x9C])
        #expect(c1.background == RGB(red: 1, green: 1, blue: 1))
    }

    @Test func channelsOfOneToFourDigits() {
        #expect(TerminalBackground.color(osc11: "rgb:ff/ff/ff") == RGB(red: 1, green: 1, blue: 1))
        #expect(TerminalBackground.color(osc11: "rgb:f/0/f") == RGB(red: 1, green: 0, blue: 1))
        #expect(TerminalBackground.color(osc11: "rgb:fff/000/fff") == RGB(red: 1, green: 0, blue: 1))
        let c = TerminalBackground.color(osc11: "rgb:8080/4040/0000")
        #expect(c.map { abs($0.red - 0x8080 / 65535.0) < 1e-9 && abs($0.green - 0x4040 / 65535.0) < 1e-9 && $0.blue == 0 } == true)
        #expect(TerminalBackground.color(osc11: "RGB:FFFF/FFFF/FFFF") == RGB(red: 1, green: 1, blue: 1))
        #expect(TerminalBackground.color(osc11: "rgba:ffff/ffff/ffff/ffff") == RGB(red: 1, green: 1, blue: 1))
        #expect(TerminalBackground.color(osc11: "#ffffff") == RGB(red: 1, green: 1, blue: 1))
        #expect(TerminalBackground.color(osc11: "#000") == RGB(red: 0, green: 0, blue: 0))
    }

    @Test func garbageGivesNoColor() {
        for text in ["", "rgb:", "rgb:ff/ff", "rgb:ff/ff/ff/ff", "rgb:fffff/0/0", "rgb:gg/00/00", "rgb://", "rgb:ff/ff/",
                     "?", "white", "#12345", "#", "rgba:ff/ff/ff", "cmy:0/0/0"] {
            #expect(TerminalBackground.color(osc11: text) == nil, "\(text)")
        }
        // Not an OSC 11 answer, or one without its end: no color, the bytes kept.
        for text in ["\u{1B}]10;rgb:ffff/ffff/ffff\u{07}", "\u{1B}]11;rgb:ffff/ffff/ffff", "\u{1B}]11;rgb:ffff/ff\nff/ffff\u{07}",
                     "rgb:ffff/ffff/ffff", "\u{1B}]11;?\u{07}", "\u{1B}[?1;2"] {
            #expect(TerminalBackground.scan(Self.bytes(text)).background == nil, "\(text.debugDescription)")
        }
        #expect(TerminalBackground.scan(Self.bytes("\u{1B}]11;rgb:ffff/ffff/ffff")).rest == Self.bytes("\u{1B}]11;rgb:ffff/ffff/ffff"))
    }

    @Test func theDeviceAttributesAnswerEndsTheWaitAndKeysAreKept() {
        let answer = TerminalBackground.scan(Self.bytes("j\u{1B}]11;rgb:2e2e/3434/4040\u{1B}\\k\u{1B}[?62;22c中"))
        #expect(answer.deviceAttributes)
        #expect(answer.background.map(TerminalBackground.theme(background:)) == .dark)
        #expect(answer.rest == Self.bytes("jk中"))
        // A terminal without OSC 11 answers only the device attributes.
        let plain = TerminalBackground.scan(Self.bytes("\u{1B}[?6c"))
        #expect(plain.deviceAttributes && plain.background == nil && plain.rest.isEmpty)
        #expect(!TerminalBackground.scan(Self.bytes("\u{1B}[?62;22")).deviceAttributes)
    }

    @Test func luminanceAboveHalfIsLight() {
        func theme(_ hex: String) -> TerminalOptions.Theme? { RGB(hex: hex).map(TerminalBackground.theme(background:)) }
        #expect(theme("#ffffff") == .light)
        #expect(theme("#fdf6e3") == .light)   // Solarized light
        #expect(theme("#e5e5e5") == .light)
        #expect(theme("#000000") == .dark)
        #expect(theme("#002b36") == .dark)    // Solarized dark
        #expect(theme("#808080") == .dark)    // mid gray: luminance 0.22
        #expect(theme("#bbbbbb") == .dark)    // luminance 0.497
        #expect(theme("#bcbcbc") == .light)   // 0.503
        #expect(RGB(hex: "#ffffff")!.relativeLuminance == 1)
        #expect(abs(RGB.contrast(RGB(hex: "#000000")!, RGB(hex: "#ffffff")!) - 21) < 1e-9)
    }

    // MARK: COLORFGBG

    @Test func colorFGBGLastFieldIsTheBackground() {
        #expect(TerminalBackground.theme(colorFGBG: "0;15") == .light)
        #expect(TerminalBackground.theme(colorFGBG: "0;7") == .light)
        #expect(TerminalBackground.theme(colorFGBG: "0;default;15") == .light)
        for bg in [9, 10, 11, 12, 13, 14, 15] { #expect(TerminalBackground.theme(colorFGBG: "0;\(bg)") == .light) }
        for bg in [0, 1, 2, 3, 4, 5, 6, 8] { #expect(TerminalBackground.theme(colorFGBG: "15;\(bg)") == .dark) }
        for value in ["", "15;", "15;default", "15;x", "15;-1", "15;256", "15;16", "light"] {
            #expect(TerminalBackground.theme(colorFGBG: value) == nil, "\(value)")
        }
    }

    // MARK: precedence

    @Test func commandLineThenConfigThenDetectedThenDark() {
        var asked = 0
        func detect(_ theme: TerminalOptions.Theme?) -> () -> TerminalOptions.Theme? { { asked += 1; return theme } }
        #expect(TerminalOptions.Theme.choose(commandLine: .dark, config: .light, detect: detect(.light)) == .dark)
        #expect(TerminalOptions.Theme.choose(commandLine: .light, config: nil, detect: detect(.dark)) == .light)
        #expect(TerminalOptions.Theme.choose(commandLine: nil, config: .dark, detect: detect(.light)) == .dark)
        #expect(asked == 0)   // the terminal is asked only when nothing else says
        #expect(TerminalOptions.Theme.choose(commandLine: nil, config: nil, detect: detect(.light)) == .light)
        #expect(TerminalOptions.Theme.choose(commandLine: nil, config: nil, detect: detect(nil)) == .dark)
        #expect(asked == 2)
    }

    // MARK: the query on a pseudo-terminal

    /// A pseudo-terminal: `slave` is what festival sees, `master` the terminal emulator.
    final class PTY {
        let master: Int32
        let slave: Int32

        init() throws {
            var master: Int32 = -1, slave: Int32 = -1
            guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw POSIXError(.ENODEV) }
            self.master = master
            self.slave = slave
        }

        deinit {
            close(slave)
            close(master)
        }

        /// What the slave side wrote, read from the master within `ms`.
        func written(ms: Int32 = 200) -> [UInt8] {
            var out: [UInt8] = []
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            var buffer = [UInt8](repeating: 0, count: 256)
            while poll(&poller, 1, ms) > 0 {
                let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                guard n > 0 else { break }
                out += buffer[0..<n]
            }
            return out
        }

        /// Answers the query, once it has come, with `reply` (nothing for nil).
        func answer(_ reply: String?) -> Thread {
            let master = master
            let thread = Thread {
                var got: [UInt8] = []
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                var buffer = [UInt8](repeating: 0, count: 256)
                while !got.contains(0x63), poll(&poller, 1, 1_000) > 0 {   // up to the c of ESC [ c
                    let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                    guard n > 0 else { break }
                    got += buffer[0..<n]
                }
                if let reply { _ = Array(reply.utf8).withUnsafeBytes { write(master, $0.baseAddress, $0.count) } }
            }
            thread.start()
            return thread
        }

        var termiosBytes: [UInt8] {
            var t = termios()
            tcgetattr(slave, &t)
            return withUnsafeBytes(of: &t) { Array($0) }
        }

        /// Whether anything is waiting to be read on the slave side (a leaked answer).
        var slaveHasInput: Bool {
            var poller = pollfd(fd: slave, events: Int16(POLLIN), revents: 0)
            return poll(&poller, 1, 50) > 0
        }
    }

    static func elapsedMs(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    @Test(arguments: [("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}\u{1B}[?64;1c", TerminalOptions.Theme.light),
                      ("\u{1B}]11;rgb:1e/1e/1e\u{1B}\\\u{1B}[?62c", .dark)])
    func aTerminalThatAnswersIsAskedAndRestored(reply: String, expected: TerminalOptions.Theme) throws {
        let pty = try PTY()
        let before = pty.termiosBytes
        let answering = pty.answer(reply)
        var detection: TerminalBackground.Detection?
        let ms = Self.elapsedMs {
            detection = TerminalBackground.detect(environment: ["TERM": "xterm-256color", "COLORFGBG": "15;0"],
                                                  inputFD: pty.slave, outputFD: pty.slave, timeoutMs: 2_000)
        }
        _ = answering
        #expect(detection == .init(theme: expected, typeahead: []))
        #expect(ms < 1_500, "the device attributes answer ends the wait (\(ms) ms)")
        #expect(pty.termiosBytes == before)
        #expect(!pty.slaveHasInput, "the answer was read off, nothing left to be seen as keys")
    }

    @Test func aSilentTerminalCostsOnlyTheTimeout() throws {
        let pty = try PTY()
        let before = pty.termiosBytes
        var detection: TerminalBackground.Detection?
        let ms = Self.elapsedMs {
            detection = TerminalBackground.detect(environment: ["TERM": "xterm"], inputFD: pty.slave, outputFD: pty.slave,
                                                  timeoutMs: 100)
        }
        #expect(detection == .init(theme: nil, typeahead: []))
        #expect(ms >= 95 && ms < 400, "\(ms) ms")
        #expect(pty.termiosBytes == before)
        #expect(pty.written() == Self.bytes("\u{1B}]11;?\u{07}\u{1B}[c"))
        // Silent, but COLORFGBG says.
        let lit = TerminalBackground.detect(environment: ["TERM": "xterm", "COLORFGBG": "0;15"], inputFD: pty.slave,
                                            outputFD: pty.slave, timeoutMs: 50)
        #expect(lit.theme == .light)
    }

    @Test func withoutOSC11TheAnswerToDeviceAttributesEndsTheWaitAndKeysAreKept() throws {
        let pty = try PTY()
        let answering = pty.answer("q\u{1B}[?1;2c")
        var detection: TerminalBackground.Detection?
        let ms = Self.elapsedMs {
            detection = TerminalBackground.detect(environment: ["TERM": "xterm", "COLORFGBG": "0;15"], inputFD: pty.slave,
                                                  outputFD: pty.slave, timeoutMs: 3_000)
        }
        _ = answering
        #expect(detection == .init(theme: .light, typeahead: Self.bytes("q")))   // from COLORFGBG
        #expect(ms < 2_000, "\(ms) ms")
    }

    @Test func dumbTerminalsAndNonTerminalsAreNotAsked() throws {
        let pty = try PTY()
        for env in [["TERM": "dumb"], [:], ["TERM": ""]] {
            let detection = TerminalBackground.detect(environment: env.merging(["COLORFGBG": "0;15"]) { a, _ in a },
                                                      inputFD: pty.slave, outputFD: pty.slave, timeoutMs: 50)
            #expect(detection.theme == .light)
        }
        #expect(pty.written(ms: 50).isEmpty)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let ms = Self.elapsedMs {
            #expect(TerminalBackground.detect(environment: ["TERM": "xterm"], inputFD: fds[0], outputFD: fds[1], timeoutMs: 500).theme == nil)
        }
        #expect(ms < 100)
        var poller = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
        #expect(poll(&poller, 1, 0) == 0, "nothing written to a pipe")
    }
}
