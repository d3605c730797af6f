import Foundation
import Glibc

/// Runs a program with posix_spawn and waitpid, never Foundation's `Process`.
///
/// `Process` on Linux learns that a child exited from a descriptor the child inherits;
/// a daemon the child forks (the tmux server) keeps it open and `waitUntilExit` hangs.
/// Here the child gets only stdin (/dev/null), stdout and stderr; every other descriptor
/// is closed, and a deadline kills a child that runs too long.
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var timedOut: Bool
    }

    enum Failure: Error { case spawn(String, Int32) }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which the Glibc module hides.
    private static let closeFrom: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32 = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("glibc 2.34 or later is required (posix_spawn_file_actions_addclosefrom_np)")
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
    }()

    static func run(_ executable: String, _ args: [String], environment: [String: String]? = nil,
                    capture: Bool = true, timeout: Double = 60) throws -> Result {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        if capture {
            guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw Failure.spawn(executable, errno) }
            for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        _ = closeFrom(&actions, 3)

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        // Test threads (libdispatch workers) block signals, and a child inherits the mask:
        // start it with nothing blocked and every signal at its default action, or a
        // program under test could not be stopped (SIGTSTP) or hung up (SIGHUP).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        if capture { close(outPipe[1]); close(errPipe[1]) }
        guard rc == 0 else {
            if capture { close(outPipe[0]); close(errPipe[0]) }
            throw Failure.spawn(executable, rc)
        }

        let deadline = Date().addingTimeInterval(timeout)
        var out: [UInt8] = [], err: [UInt8] = []
        var timedOut = false
        if capture {
            var open = [outPipe[0], errPipe[0]]
            var buffer = [UInt8](repeating: 0, count: 65536)
            while !open.isEmpty {
                let remaining = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
                if remaining == 0 { timedOut = true; break }
                var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                if poll(&fds, nfds_t(fds.count), remaining) < 0 && errno != EINTR { break }
                for p in fds where p.revents != 0 {
                    let n = read(p.fd, &buffer, buffer.count)
                    if n > 0 {
                        if p.fd == outPipe[0] { out += buffer[0..<n] } else { err += buffer[0..<n] }
                    } else if n == 0 || errno != EINTR {
                        close(p.fd)
                        open.removeAll { $0 == p.fd }
                    }
                }
            }
            open.forEach { close($0) }
        }
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Date() >= deadline { timedOut = true; kill(pid, SIGKILL) }
            usleep(2000)
        }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: code, stdout: out, stderr: err, timedOut: timedOut)
    }
}
