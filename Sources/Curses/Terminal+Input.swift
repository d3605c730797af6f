import CNCursesw
import Glibc
import TextGrid

extension Terminal {
    /// The next key, waiting as long as it takes; `.woken` as soon as `wakeFD` has bytes to
    /// read (another thread posted something for the caller), `.closed` once input has
    /// ended. Keys ncurses already holds (typeahead, a resize) come first.
    public func nextInput(wakeFD: Int32) -> InputEvent {
        while true {
            if let key = readKey(timeoutMs: 0) { return .key(key) }
            var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            let n = poll(&fds, 2, -1)
            if n < 0 {
                if errno == EINTR { continue }   // a signal (a resize): ncurses may have a key for it
                return .closed
            }
            if fds[1].revents != 0 { return .woken }
            if fds[0].revents != 0 { return readKey(timeoutMs: nil).map(InputEvent.key) ?? .closed }
        }
    }

    /// Waits for the next key, at most `timeoutMs` (nil: forever). Returns nil on timeout
    /// (or, when waiting forever, when the input has ended). A byte that is not UTF-8 (xterm's
    /// 8-bit Alt, a Latin-1 paste) is dropped: ncurses answers it with an error, which is not
    /// the end of input.
    public func readKey(timeoutMs: Int?) -> Key? {
        wtimeout(window, Int32(clamping: timeoutMs ?? -1))
        var code: wint_t = 0
        var status: Int32
        var failures = 0
        repeat {
            errno = 0
            status = wget_wch(window, &code)
        } while status == ERR && timeoutMs == nil && !inputEnded(failures: &failures)
        if status == KEY_CODE_YES && Int32(bitPattern: code) == KEY_MOUSE { return readMouse() }
        if status == KEY_CODE_YES, let key = wordKeys[Int32(bitPattern: code)] { return key }
        var key = KeyDecoder.decode(status: status, code: code)
        if key == .resize { needsFullPaint = true }
        if key == .escape { key = altKey() ?? .escape }
        return key
    }

    /// After an error from a blocking read: whether input has ended (the terminal hung up, a
    /// pipe closed), or only a signal or a bad byte came. Errors that keep coming with
    /// nothing but errors between them (a descriptor at its end that reads nothing, such as
    /// /dev/null) end it too, after a few dozen.
    private func inputEnded(failures: inout Int) -> Bool {
        if errno == EINTR { return false }   // a signal
        var fd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        // Hung up (or closed) with nothing left to read: the end.
        if poll(&fd, 1, 0) > 0, fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0,
           fd.revents & Int16(POLLIN) == 0 { return true }
        failures += 1
        return failures > 32
    }

    /// After ESC: the character the terminal sent with it at once, as Alt with that
    /// character (how terminals send Alt-b); anything else is left to be read next.
    private func altKey() -> Key? {
        wtimeout(window, 0)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        switch status {
        case OK:
            // ESC [ or ESC O: a sequence this terminal's terminfo does not list (a key from
            // another terminal type). Read it to its end and drop it, rather than seeing Esc
            // and its letters as keys.
            if code == 0x5B || code == 0x4F { return unknownSequence() }
            // ESC ] and a digit: an OSC answer (the background color, arriving after the
            // start-up query gave up waiting). Dropped whole, never seen as keys.
            if code == 0x5D, let dropped = oscAnswer() { return dropped }
            if case .char(let c) = KeyDecoder.character(code), c != " " { return .alt(c) }
            unget_wch(wchar_t(bitPattern: UInt32(code)))
        case KEY_CODE_YES:
            ungetch(Int32(bitPattern: code))
        default:
            break
        }
        return nil
    }

    /// After ESC ]: when a digit follows, reads to the string's end (BEL or ST, or the end of
    /// what has arrived) and drops it; else leaves the character to be read next.
    private func oscAnswer() -> Key? {
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        guard status == OK, (0x30...0x39).contains(code) else {
            if status == OK { unget_wch(wchar_t(bitPattern: UInt32(code))) }
            if status == KEY_CODE_YES { ungetch(Int32(bitPattern: code)) }
            return nil
        }
        // To its end however long (an answer arrives whole, so reading stops when nothing
        // more is there), never leaving its rest to be read as keys.
        var previous: wint_t = 0
        while wget_wch(window, &code) == OK {
            if code == 0x07 || code == 0x9C || (previous == 0x1B && code == 0x5C) { break }
            previous = code
        }
        return .unknown(27)
    }

    /// The rest of an escape sequence nobody knows, up to its final byte (or the end of what
    /// has arrived); `ESC[200~` starts a paste, read whole.
    private func unknownSequence() -> Key {
        var code: wint_t = 0
        var sequence: [wint_t] = []
        // Parameters and intermediates (0x20-0x3F), however many, up to the final byte.
        while wget_wch(window, &code) == OK {
            if sequence.count < 8 { sequence.append(code) }
            if !(0x20...0x3F).contains(code) { break }
        }
        if sequence == Self.pasteStart { return readPaste() }
        return .unknown(27)
    }

    static let pasteStart: [wint_t] = [0x32, 0x30, 0x30, 0x7E]               // "200~" after ESC [
    static let pasteEnd: [wint_t] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]      // ESC [ 2 0 1 ~

    /// A bracketed paste's text, up to `ESC[201~`: read as characters, never decoded as
    /// keys (keypad off meanwhile), so escape sequences and controls in it are data. Keeps
    /// `Key.pasteLimit` characters and drops the rest; a terminal that goes quiet for a
    /// second before the end marker ends the paste there.
    private func readPaste() -> Key {
        keypad(window, false)
        defer { keypad(window, true) }
        wtimeout(window, 1_000)
        var scalars = String.UnicodeScalarView()
        var kept = 0
        var tail: [wint_t] = []
        var code: wint_t = 0
        while wget_wch(window, &code) == OK {
            tail.append(code)
            if tail.count > Self.pasteEnd.count { tail.removeFirst() }
            if tail == Self.pasteEnd { break }
            // Held back until it is known not to start the end marker.
            if tail.count == Self.pasteEnd.count, kept < Key.pasteLimit, let scalar = Unicode.Scalar(tail[0]) {
                scalars.append(scalar)
                kept += 1
            }
        }
        if tail != Self.pasteEnd {   // no end marker: what was held back is text too
            for code in tail.dropFirst(tail.count == Self.pasteEnd.count ? 1 : 0) where kept < Key.pasteLimit {
                if let scalar = Unicode.Scalar(code) { scalars.append(scalar); kept += 1 }
            }
        }
        return .paste(String(scalars))
    }

    private func readMouse() -> Key {
        var buttons: mmask_t = 0
        var x: Int32 = 0, y: Int32 = 0
        guard cn_get_mouse(&buttons, &x, &y) == OK,
              let event = KeyDecoder.mouse(buttons: buttons, x: Int(x), y: Int(y)) else {
            return .unknown(Int(KEY_MOUSE))
        }
        return .mouse(clicks.resolve(event, atMs: Self.nowMs()))
    }

    private static func nowMs() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }
}
