import FestivalUI
import Foundation
import Glibc
import Synchronization

/// The browser's one inbox (fzf's EventBox, Bubble Tea's `Program.Send`): a thread-safe
/// queue of `Action`s that anything outside the loop posts into — background jobs (the
/// catalog, its index, the changed-file check) and effects run off the loop's thread — and
/// that the loop drains between keys, through `update` like every key.
///
/// Posting also writes a byte to a pipe (`wakeFD`), which the loop waits on beside the
/// terminal's input, so a post wakes a loop waiting for a key at once: no timed polls.
///
/// A new kind of background work is a few lines: `inbox.start { …; return .someResult(x) }`
/// and a case for `.someResult` in `update`.
public final class Inbox: Sendable {
    private let queue = Mutex<[Action]>([])
    private let pipeFDs: (read: Int32, write: Int32)

    public init() {
        var fds: [Int32] = [-1, -1]
        // Both ends non-blocking: a full pipe already wakes the loop, so a post never waits;
        // draining reads what is there and stops.
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
        } else {
            fds = [-1, -1]
        }
        pipeFDs = (fds[0], fds[1])
    }

    deinit {
        if pipeFDs.read >= 0 { close(pipeFDs.read) }
        if pipeFDs.write >= 0 { close(pipeFDs.write) }
    }

    /// Readable whenever something has been posted and not yet drained.
    public var wakeFD: Int32 { pipeFDs.read }

    /// Adds `action` for the loop (from any thread) and wakes it.
    public func post(_ action: Action) {
        queue.withLock { $0.append(action) }
        var byte: UInt8 = 1
        _ = write(pipeFDs.write, &byte, 1)
    }

    /// Everything posted so far, oldest first, and the wake-up bytes read away.
    public func drain() -> [Action] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(pipeFDs.read, &buffer, buffer.count) > 0 {}
        return queue.withLock { actions in
            defer { actions = [] }
            return actions
        }
    }

    /// Waits at most `milliseconds` for something to be posted; true when there is.
    public func wait(milliseconds: Int) -> Bool {
        var fd = pollfd(fd: pipeFDs.read, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, Int32(clamping: milliseconds)) > 0
    }

    /// Runs `work` on a thread of its own (a `Job`) and posts what it returns (nothing for
    /// nil).
    public func start(_ work: @escaping @Sendable () -> Action?) {
        _ = Job { [self] in
            if let action = work() { post(action) }
        }
    }
}
