import Glibc

/// Whether the terminal's background is light or dark, for choosing the palette: asked
/// with OSC 11 (`ESC ] 11 ; ? BEL`), else read from `COLORFGBG`, else unknown (nil).
///
/// The parsing is pure (`scan`, `color(osc11:)`, `theme(colorFGBG:)`, `theme(background:)`);
/// `detect` is the one function that talks to the terminal, before ncurses takes it.
public enum TerminalBackground {
    /// How long `detect` waits for the terminal's answer.
    public static let defaultTimeoutMs = 100

    /// A color with channels from 0 to 1.
    public struct RGB: Sendable, Equatable {
        public var red: Double
        public var green: Double
        public var blue: Double

        public init(red: Double, green: Double, blue: Double) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        /// "#rrggbb" (or "rrggbb").
        public init?(hex: String) {
            let digits = Array((hex.hasPrefix("#") ? String(hex.dropFirst()) : hex).utf8)
            guard digits.count == 6, let r = TerminalBackground.channel(digits[0..<2]),
                  let g = TerminalBackground.channel(digits[2..<4]), let b = TerminalBackground.channel(digits[4..<6]) else { return nil }
            self.init(red: r, green: g, blue: b)
        }

        /// WCAG 2 relative luminance: 0 for black, 1 for white.
        public var relativeLuminance: Double {
            func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
        }

        /// WCAG 2 contrast ratio between two colors, from 1 (the same) to 21 (black and white).
        public static func contrast(_ a: RGB, _ b: RGB) -> Double {
            let la = a.relativeLuminance, lb = b.relativeLuminance
            return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
        }
    }

    /// The palette for a background color: light when its relative luminance is above 0.5.
    public static func theme(background: RGB) -> TerminalOptions.Theme {
        background.relativeLuminance > 0.5 ? .light : .dark
    }

    /// The palette `COLORFGBG` ("15;0", rxvt's "0;default;15") implies: its last field is
    /// the background's color number, 7 or 9–15 light, 0–6 or 8 dark; nil for anything else.
    public static func theme(colorFGBG value: String) -> TerminalOptions.Theme? {
        guard let last = value.split(separator: ";", omittingEmptySubsequences: false).last,
              !last.isEmpty, last.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let bg = Int(last), bg <= 255 else { return nil }
        switch bg {
        case 7, 9...15: return .light
        case 0...6, 8: return .dark
        default: return nil
        }
    }

    /// The color in an OSC 11 answer's text (what follows "11;"): `rgb:R/G/B` or
    /// `rgba:R/G/B/A` with 1–4 hex digits per channel, or `#` with 3, 6, 9 or 12 digits.
    public static func color(osc11 text: String) -> RGB? {
        let lower = text.lowercased()
        var channels: [Double] = []
        if lower.hasPrefix("rgb:") || lower.hasPrefix("rgba:") {
            let parts = lower.drop(while: { $0 != ":" }).dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == (lower.hasPrefix("rgba:") ? 4 : 3) else { return nil }
            for part in parts.prefix(3) {
                guard (1...4).contains(part.utf8.count), let value = channel(Array(part.utf8)[...]) else { return nil }
                channels.append(value)
            }
        } else if lower.hasPrefix("#") {
            let digits = Array(lower.utf8.dropFirst())
            guard digits.count % 3 == 0, (1...4).contains(digits.count / 3) else { return nil }
            let n = digits.count / 3
            for i in 0..<3 {
                guard let value = channel(digits[(i * n)..<(i * n + n)]) else { return nil }
                channels.append(value)
            }
        } else {
            return nil
        }
        return RGB(red: channels[0], green: channels[1], blue: channels[2])
    }

    /// 1–4 hex digits as a fraction of their maximum ("f" and "ffff" are 1, "80" is 128/255).
    static func channel(_ digits: ArraySlice<UInt8>) -> Double? {
        guard (1...4).contains(digits.count) else { return nil }
        var value = 0
        for d in digits {
            switch d {
            case 0x30...0x39: value = value * 16 + Int(d - 0x30)
            case 0x41...0x46: value = value * 16 + Int(d - 0x41 + 10)
            case 0x61...0x66: value = value * 16 + Int(d - 0x61 + 10)
            default: return nil
            }
        }
        return Double(value) / Double((1 << (4 * digits.count)) - 1)
    }

    /// What the terminal sent while we waited: the OSC 11 answer's color, whether the
    /// device attributes answer (which ends the wait) came, and every other byte in order
    /// (keys typed meanwhile, and any unfinished sequence).
    public struct Answer: Sendable, Equatable {
        public var background: RGB?
        public var deviceAttributes: Bool
        public var rest: [UInt8]
    }

    /// Splits the bytes read from the terminal into the answers to our two queries and
    /// the rest. An OSC answer ends with BEL or ST (`ESC \`, or C1 0x9C); the primary
    /// device attributes answer is `CSI ? … c`.
    public static func scan(_ bytes: [UInt8]) -> Answer {
        var answer = Answer(background: nil, deviceAttributes: false, rest: [])
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x1B, i + 1 < bytes.count, bytes[i + 1] == 0x5D,   // ESC ]
               let (end, textEnd) = oscEnd(bytes, from: i + 2) {
                let text = String(decoding: bytes[(i + 2)..<textEnd], as: UTF8.self)
                if text.hasPrefix("11;"), let color = color(osc11: String(text.dropFirst(3))) { answer.background = color }
                i = end
                continue
            }
            if bytes[i] == 0x1B, i + 2 < bytes.count, bytes[i + 1] == 0x5B, bytes[i + 2] == 0x3F {   // ESC [ ?
                var j = i + 3
                while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == 0x63 {   // c
                    answer.deviceAttributes = true
                    i = j + 1
                    continue
                }
            }
            answer.rest.append(bytes[i])
            i += 1
        }
        return answer
    }

    /// Where the OSC string starting at `start` ends: the index after its terminator and
    /// the index of the terminator; nil when it has none yet (or a byte no OSC holds).
    private static func oscEnd(_ bytes: [UInt8], from start: Int) -> (Int, Int)? {
        var j = start
        while j < bytes.count {
            switch bytes[j] {
            case 0x07, 0x9C: return (j + 1, j)
            case 0x1B: return j + 1 < bytes.count && bytes[j + 1] == 0x5C ? (j + 2, j) : nil
            case 0x00...0x06, 0x08...0x1A, 0x1C...0x1F: return nil
            default: j += 1
            }
        }
        return nil
    }

    /// What the session learned from the terminal before it began.
    public struct Detection: Sendable, Equatable {
        /// The palette for the background, nil when neither the terminal nor COLORFGBG said.
        public var theme: TerminalOptions.Theme?
        /// Bytes typed while waiting for the answer, to be read as keys first.
        public var typeahead: [UInt8]
    }

    /// The background's palette: the terminal's answer to OSC 11 (asked only when input
    /// and output are a terminal and `TERM` is set and not dumb), else `COLORFGBG`, else
    /// nil. The query is followed by a primary device attributes request (`CSI c`), which
    /// every terminal answers after the OSC 11 answer, so a terminal without OSC 11 ends
    /// the wait at once; one that answers neither costs `timeoutMs`. Input is put in
    /// non-canonical no-echo mode while waiting and its termios restored after; the
    /// answers are read off (never left for ncurses to see as keys), keys typed meanwhile
    /// are returned. Terminating signals are held until the terminal is restored.
    public static func detect(environment env: [String: String], inputFD: Int32 = STDIN_FILENO,
                              outputFD: Int32 = STDOUT_FILENO, timeoutMs: Int = defaultTimeoutMs) -> Detection {
        var detection = Detection(theme: nil, typeahead: [])
        let term = env["TERM"] ?? ""
        if !term.isEmpty, term != "dumb", isatty(inputFD) == 1, isatty(outputFD) == 1 {
            let answer = query(inputFD: inputFD, outputFD: outputFD, timeoutMs: timeoutMs)
            detection.typeahead = answer.rest
            detection.theme = answer.background.map(theme(background:))
        }
        if detection.theme == nil, let fgbg = env["COLORFGBG"] { detection.theme = theme(colorFGBG: fgbg) }
        return detection
    }

    /// Writes the queries to `outputFD` and reads `inputFD` until the device attributes
    /// answer or the timeout, with the terminal in non-canonical mode.
    static func query(inputFD: Int32, outputFD: Int32, timeoutMs: Int) -> Answer {
        var saved = termios()
        guard tcgetattr(inputFD, &saved) == 0 else { return Answer(background: nil, deviceAttributes: false, rest: []) }
        var signals = sigset_t(), previousMask = sigset_t()
        sigemptyset(&signals)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP] { sigaddset(&signals, s) }
        pthread_sigmask(SIG_BLOCK, &signals, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(inputFD, TCSANOW, &raw) == 0 else { return Answer(background: nil, deviceAttributes: false, rest: []) }
        defer { _ = tcsetattr(inputFD, TCSANOW, &saved) }

        let request = Array("\u{1B}]11;?\u{07}\u{1B}[c".utf8)
        guard writeAll(outputFD, request) else { return Answer(background: nil, deviceAttributes: false, rest: []) }
        var bytes: [UInt8] = []
        let deadline = nowMs() + timeoutMs
        var buffer = [UInt8](repeating: 0, count: 512)
        while bytes.count < 4096 {
            let remaining = deadline - nowMs()
            if remaining <= 0 { break }
            var poller = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(remaining))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0, poller.revents & Int16(POLLIN) != 0 else { break }
            let n = buffer.withUnsafeMutableBytes { read(inputFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            bytes += buffer[0..<n]
            if scan(bytes).deviceAttributes { break }
        }
        return scan(bytes)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    private static func nowMs() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }
}

extension TerminalOptions.Theme {
    /// The palette to use: `--theme` on the command line, else the config file's, else
    /// the one `detect` finds for the terminal's background (only asked when needed),
    /// else dark.
    public static func choose(commandLine: Self?, config: Self?, detect: () -> Self?) -> Self {
        commandLine ?? config ?? detect() ?? .dark
    }
}
