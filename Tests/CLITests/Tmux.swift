import Foundation
import Testing

/// Drives a program in a private tmux server: type keys, read the screen, wait for text.
///
/// The server, and so every program in it, runs in a sandbox: its working directory `dir`
/// holds HOME and the XDG directories, the server's socket (TMUX_TMPDIR) and the files the
/// start line writes; the environment is the sandbox's (PATH, LANG, TZ, HOME, XDG_*) and
/// TERM, and no tmux config file is read. All of it is removed with the Tmux.
final class Tmux {
    let socket = "festival-e2e-\(UUID().uuidString.prefix(8))"
    let session = "t"
    let sandbox: Sandbox
    /// The server's process id, and the pane's (the leader of the pane's session).
    private var serverPID: pid_t?
    private var panePID: pid_t?

    var dir: URL { sandbox.directory }

    init() throws {
        sandbox = try Sandbox("festival-e2e")
    }

    deinit {
        // SIGTERM ends the server and its sessions, but it takes a second or so to close the
        // pane's terminal: hang up the pane's programs at once and wait until nothing in its
        // session runs, so that nothing writes into the sandbox once it is removed.
        if let serverPID { kill(serverPID, SIGTERM) }
        if let panePID {
            kill(-panePID, SIGHUP)
            for _ in 0..<300 where !Self.live(session: panePID).isEmpty { usleep(10_000) }
            for pid in Self.live(session: panePID) { kill(pid, SIGKILL) }
        }
    }

    /// The processes of session `sid` that are still running (zombies excepted).
    private static func live(session sid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { name -> pid_t? in
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let end = stat.lastIndex(of: ")") else { return nil }
            // After "pid (comm)": state, ppid, process group, session.
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            return fields.count > 3 && fields[0] != "Z" && pid_t(fields[3]) == sid ? pid : nil
        }
    }

    /// Runs a tmux command and returns its standard output.
    @discardableResult
    func run(_ args: [String], capture: Bool = true) async throws -> String {
        let r = try await sandbox.run("tmux", ["-f", "/dev/null", "-L", socket] + args,
                                      env: ["TERM": "xterm-256color", "TMUX_TMPDIR": dir.path],
                                      capture: capture, timeout: 20)
        return String(decoding: r.stdout, as: UTF8.self)
    }

    /// Starts a detached session of the given size running `command` (argv) in `dir`.
    /// Not captured: the first session starts the server, which would inherit the pipes.
    func newSession(_ command: [String], width: Int = 100, height: Int = 30) async throws {
        try await run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "-c", dir.path] + command,
                      capture: false)
        serverPID = pid_t(try await display("#{pid}"))
        panePID = pid_t(try await display("#{pane_pid}"))
    }

    /// Starts `command` (a shell line) in a detached session of the given size. The line
    /// records `stty -g` before and after into files in `dir`, and the exit status.
    func start(_ command: String, width: Int = 100, height: Int = 30, env: [String: String] = [:]) async throws {
        let exports = env.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        let script = "\(exports) stty -g > \(dir.path)/before; \(command); echo $? > \(dir.path)/status; stty -g > \(dir.path)/after; sleep 600"
        try await newSession(["/bin/sh", "-c", script], width: width, height: height)
    }

    func send(_ keys: String...) async throws { try await run(["send-keys", "-t", session] + keys) }

    /// Types text literally (Chinese included).
    func type(_ text: String) async throws { try await run(["send-keys", "-t", session, "-l", text]) }

    func screen() async throws -> String { try await run(["capture-pane", "-p", "-t", session]) }

    /// The screen with its SGR attribute sequences (`capture-pane -e`).
    func styledScreen() async throws -> String { try await run(["capture-pane", "-e", "-p", "-t", session]) }

    func display(_ format: String) async throws -> String {
        try await run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds or `seconds` pass; returns the last screen.
    @discardableResult
    func wait(seconds: Double = 10, until predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if predicate(last) {
                // A frame can arrive in pieces: return it only once it has stopped changing.
                try? await Task.sleep(for: .milliseconds(50))
                let again = try await screen()
                if again == last { return last }
                last = again
                continue
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return last
    }

    /// Waits for `text` on the screen; a timeout is a test failure showing the last screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let screen = try await wait(seconds: seconds) { $0.contains(text) }
        if !screen.contains(text) {
            Issue.record("'\(text)' did not appear within \(seconds) s; the screen was:\n\(screen)", sourceLocation: sourceLocation)
        }
        return screen
    }

    /// The file the start line wrote, once it exists.
    func file(_ name: String, seconds: Double = 10) async -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let s = try? String(contentsOf: dir.appending(path: name), encoding: .utf8), !s.isEmpty { return s }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// Process id of the program running in the pane (the shell's child).
    func programPID(named name: String) async throws -> Int32? {
        let shell = try await display("#{pane_pid}")
        let r = try await sandbox.run("pgrep", ["-P", shell, "-x", name], timeout: 10)
        return Int32(String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").first ?? "")
    }
}
