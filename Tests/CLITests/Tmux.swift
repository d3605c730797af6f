import Foundation
import Testing

/// Drives a program in a private tmux server: type keys, read the screen, wait for text.
final class Tmux {
    let socket = "festival-e2e-\(UUID().uuidString.prefix(8))"
    let session = "t"
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appending(path: socket)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    deinit {
        // tmux 3.3a here ignores kill-server while a session lives; ending the session
        // ends the server (and the program in it).
        _ = try? run(["kill-session", "-t", session], capture: false)
        _ = try? run(["kill-server"], capture: false)
        try? FileManager.default.removeItem(at: dir)
    }

    /// Runs a tmux command and returns its standard output.
    @discardableResult
    func run(_ args: [String], capture: Bool = true) throws -> String {
        let r = try Subprocess.run("tmux", ["-L", socket] + args, capture: capture, timeout: 20)
        return String(decoding: r.stdout, as: UTF8.self)
    }

    /// Starts `command` (a shell line) in a detached session of the given size. The line
    /// records `stty -g` before and after into files in `dir`, and the exit status.
    func start(_ command: String, width: Int = 100, height: Int = 30, env: [String: String] = [:]) throws {
        let exports = env.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        // The test runner's own NO_COLOR (swift test sets it when piped) must not leak in.
        let script = "unset NO_COLOR; \(exports) stty -g > \(dir.path)/before; \(command); echo $? > \(dir.path)/status; stty -g > \(dir.path)/after; sleep 600"
        try run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "/bin/sh", "-c", script], capture: false)
    }

    func send(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// Types text literally (Chinese included).
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    /// The screen with its SGR attribute sequences (`capture-pane -e`).
    func styledScreen() throws -> String { try run(["capture-pane", "-e", "-p", "-t", session]) }

    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `predicate` holds or `seconds` pass; returns the last screen.
    @discardableResult
    func wait(seconds: Double = 10, until predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) {
                // A frame can arrive in pieces: return it only once it has stopped changing.
                Thread.sleep(forTimeInterval: 0.05)
                let again = try screen()
                if again == last { return last }
                last = again
                continue
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return last
    }

    /// Waits for `text` on the screen; a timeout is a test failure showing the last screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try wait(seconds: seconds) { $0.contains(text) }
        if !screen.contains(text) {
            Issue.record("'\(text)' did not appear within \(seconds) s; the screen was:\n\(screen)", sourceLocation: sourceLocation)
        }
        return screen
    }

    /// The file the start line wrote, once it exists.
    func file(_ name: String, seconds: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let s = try? String(contentsOf: dir.appending(path: name), encoding: .utf8), !s.isEmpty { return s }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Process id of the program running in the pane (the shell's child).
    func programPID(named name: String) throws -> Int32? {
        let shell = try display("#{pane_pid}")
        let r = try Subprocess.run("pgrep", ["-P", shell, "-x", name], timeout: 10)
        return Int32(String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").first ?? "")
    }
}
