import Foundation
import FestivalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way festival starts another program (a browser, an editor): `posix_spawnp`, no
/// shell, the environment passed on as it is.
enum Spawn {
    /// glibc's POSIX_SPAWN_SETSID (<spawn.h>, behind _GNU_SOURCE, so Swift does not import it).
    static let setSessionFlag: Int16 = 0x80

    struct Options {
        /// Its own session: no controlling terminal, so it outlives festival and never reads
        /// or writes the screen (a browser).
        var newSession = false
        /// Standard input and output on /dev/null (else festival's own, for an editor).
        var silent = false
        /// Signals festival ignores that the child should have at their defaults.
        var defaultSignals: [Int32] = []
    }

    /// Starts `argv`; its process id, or nil when it could not be started.
    static func start(_ argv: [String], _ options: Options) -> pid_t? {
        guard !argv.isEmpty else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if options.silent {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags: Int16 = 0
        if options.newSession { flags |= setSessionFlag }
        if !options.defaultSignals.isEmpty {
            var defaults = sigset_t()
            sigemptyset(&defaults)
            for signal in options.defaultSignals { sigaddset(&defaults, signal) }
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            flags |= Int16(POSIX_SPAWN_SETSIGDEF)
        }
        posix_spawnattr_setflags(&attributes, flags)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, environ) == 0 else { return nil }
        return pid
    }

    /// Waits for `pid`; true when it exited with status 0.
    static func succeeded(_ pid: pid_t) -> Bool { wait(pid) == .exitStatus(0) }

    /// Waits for `pid` to end, at most `milliseconds` when given: how it ended, or nil when
    /// it is still running then (or cannot be waited for).
    static func wait(_ pid: pid_t, upTo milliseconds: Int? = nil) -> ProgramFailure.Reason? {
        var status: Int32 = 0
        var waited = 0
        while true {
            let r = waitpid(pid, &status, milliseconds == nil ? 0 : WNOHANG)
            if r < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if r == pid { break }
            guard let milliseconds, waited < milliseconds else { return nil }
            usleep(5_000)
            waited += 5
        }
        if status & 0x7f == 0 { return .exitStatus((status >> 8) & 0xff) }
        return .signal(status & 0x7f)
    }

    /// Reaps `pid` on a thread of its own (for a program left running).
    static func reapLater(_ pid: pid_t) {
        Thread.detachNewThread { _ = succeeded(pid) }
    }
}
