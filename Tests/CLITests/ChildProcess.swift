import Foundation
import Subprocess

/// Runs a program with swift-subprocess and collects what it wrote.
///
/// Not Foundation's `Process`: on Linux it learns that a child exited from a descriptor the
/// child inherits, so a daemon the child forks (the tmux server) keeps it open and
/// `waitUntilExit` hangs. swift-subprocess watches the child's pidfd, gives it only stdin
/// (/dev/null), stdout and stderr (every other descriptor is closed), stops reading once
/// the child has exited even when a grandchild still holds the pipes, and starts it with
/// no signal blocked and every signal at its default action (test threads block signals,
/// and a program under test must still be stoppable by SIGTSTP and SIGHUP).
enum ChildProcess {
    struct Result: Sendable {
        /// The exit code, or 128 + the signal's number.
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        /// The child ran past the timeout and was killed.
        var timedOut: Bool
    }

    /// Runs `executable` (a path, or a name looked up in `environment`'s PATH) with exactly
    /// `environment`, in `workingDirectory`. Without `capture` its output goes to /dev/null
    /// (for a program that forks a daemon keeping its output open). After `timeout` seconds
    /// the child is killed and the result says so.
    static func run(_ executable: String, _ args: [String], environment: [String: String],
                    workingDirectory: String? = nil, capture: Bool = true, timeout: Double = 60) async throws -> Result {
        let configuration = Configuration(
            executable: executable.contains("/") ? .path(.init(executable)) : .name(executable),
            arguments: Arguments(args),
            environment: .custom(Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(rawValue: $0.key)!, $0.value) })),
            workingDirectory: workingDirectory.map { .init($0) })
        // The run and a timer race; the loser is cancelled. A cancelled run kills the child
        // (SIGKILL) and returns what it had read by then.
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                if capture {
                    let r = try await Subprocess.run(configuration, input: .none,
                                                     output: .bytes(limit: .max), error: .bytes(limit: .max))
                    return Result(status: code(r.terminationStatus), stdout: r.standardOutput, stderr: r.standardError, timedOut: false)
                }
                let r = try await Subprocess.run(configuration, input: .none, output: .discarded, error: .discarded)
                return Result(status: code(r.terminationStatus), stdout: [], stderr: [], timedOut: false)
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            if let finished = first { return finished }
            // Timed out: the run, cancelled, returns once the child is gone.
            var result = (try? await group.next() ?? nil) ?? Result(status: -1, stdout: [], stderr: [], timedOut: true)
            result.timedOut = true
            return result
        }
    }

    private static func code(_ status: TerminationStatus) -> Int32 {
        switch status {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }
}
