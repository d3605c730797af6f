import FestivalCatalog
import Foundation

/// A progress bar on standard error for long work (`validate`, a first `search` of a big
/// catalog, `generate`): drawn only when standard error is a terminal, only once the work
/// has taken longer than `delay` (quick work shows nothing), and erased when it ends.
enum ProgressBar {
    /// What the bar shows: a phase and, when it is measurable, how much of it is done.
    struct Status {
        var label: String
        var fraction: Double? = nil
        /// Shown after the label when there is no fraction ("312 MB").
        var detail: String? = nil
    }

    static let delay = 0.4
    static let interval = 0.1

    /// Runs `body` with a `LoadProgress` drawn as a bar, or nil when stderr is not a terminal.
    static func loading<T>(_ body: (LoadProgress?) throws -> T) rethrows -> T {
        guard isatty(STDERR_FILENO) == 1 else { return try body(nil) }
        let progress = LoadProgress()
        return try showing({ status(of: progress) }) { try body(progress) }
    }

    /// Runs `body` while a bar shows what `status` says, polled from another thread.
    static func showing<T>(_ status: @escaping @Sendable () -> Status?, _ body: () throws -> T) rethrows -> T {
        guard isatty(STDERR_FILENO) == 1 else { return try body() }
        let started = Date()
        let drawn = Box()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "festival.progress"))
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler {
            guard let now = status() else { return }
            let text = "\r" + line(now, elapsed: Date().timeIntervalSince(started), width: terminalWidth()) + "\u{1B}[K"
            _ = text.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
            drawn.value = true
        }
        timer.resume()
        defer {
            // Cancelled on its own queue, so no line is drawn after the erase.
            let done = DispatchSemaphore(value: 0)
            timer.setCancelHandler { done.signal() }
            timer.cancel()
            done.wait()
            if drawn.value { _ = "\r\u{1B}[K".withCString { write(STDERR_FILENO, $0, 4) } }
        }
        return try body()
    }

    /// "festival: parsing [=========>          ]  47%   3.2 s", fitted to `width` columns.
    static func line(_ status: Status, elapsed: Double, width: Int) -> String {
        let head = "festival: " + status.label
        let time = String(format: "%.1f s", elapsed)
        guard let fraction = status.fraction else {
            return String(([head, status.detail, time].compactMap { $0 }.joined(separator: "  ")).prefix(max(0, width - 1)))
        }
        let percent = String(format: "%3d%%", Int((min(1, max(0, fraction)) * 100).rounded(.down)))
        let barWidth = min(40, width - 1 - head.count - percent.count - time.count - 6)
        guard barWidth >= 5 else { return String("\(head) \(percent)".prefix(max(0, width - 1))) }
        let filled = Int(Double(barWidth) * min(1, max(0, fraction)))
        let bar = String(repeating: "=", count: filled) + (filled < barWidth ? ">" + String(repeating: " ", count: barWidth - filled - 1) : "")
        return "\(head) [\(bar)] \(percent)  \(time)"
    }

    static func status(of progress: LoadProgress) -> Status? {
        let label: String
        switch progress.phase {
        case .reading: label = "reading"
        case .checking: label = "checking UTF-8"
        case .parsing: label = "parsing"
        case .validating: label = "validating"
        case .indexing: label = "indexing"
        case .done: return nil
        }
        return Status(label: label, fraction: progress.fraction)
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    private final class Box: @unchecked Sendable {
        var value = false
    }
}
