import CNCursesw
import Glibc
import TextGrid

extension Terminal {
    /// Waits for the next key, at most `timeoutMs` (nil: forever). Returns nil on timeout
    /// (or, when waiting forever, when the input has closed).
    public func readKey(timeoutMs: Int?) -> Key? {
        wtimeout(window, Int32(clamping: timeoutMs ?? -1))
        var code: wint_t = 0
        var status: Int32
        repeat {
            errno = 0
            status = wget_wch(window, &code)
        } while status == ERR && timeoutMs == nil && errno == EINTR   // a signal, not the end
        if status == KEY_CODE_YES && Int32(bitPattern: code) == KEY_MOUSE { return readMouse() }
        let key = KeyDecoder.decode(status: status, code: code)
        if key == .resize { needsFullPaint = true }
        return key
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
