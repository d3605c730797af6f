import Foundation

/// A temporary directory for the programs one test starts: their working directory, with
/// their HOME and XDG directories inside it, so nothing they read or write is the
/// developer's (config, shelf, cache, files exported into the current directory) and
/// nothing lands in the repository. Removed when the sandbox goes away.
final class Sandbox: Sendable {
    let directory: URL

    init(_ prefix: String = "festival-test") throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "\(prefix)-\(UUID().uuidString.prefix(8))")
        for sub in ["home", "config", "data", "cache", "state"] {
            try FileManager.default.createDirectory(at: directory.appending(path: sub), withIntermediateDirectories: true)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var path: String { directory.path }

    /// The whole environment of a program started here: none of the caller's variables but
    /// PATH, a UTF-8 locale, UTC, the home and XDG directories in the sandbox, then
    /// `overrides` (a test's own TERM, LANG, XDG_CACHE_HOME, FESTIVAL_NO_CACHE, ...).
    func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "HOME": directory.appending(path: "home").path,
            "XDG_CONFIG_HOME": directory.appending(path: "config").path,
            "XDG_DATA_HOME": directory.appending(path: "data").path,
            "XDG_CACHE_HOME": directory.appending(path: "cache").path,
            "XDG_STATE_HOME": directory.appending(path: "state").path,
        ]
        environment.merge(overrides) { $1 }
        return environment
    }

    /// Runs a program here with `environment(env)`.
    func run(_ executable: String, _ args: [String], env: [String: String] = [:],
             capture: Bool = true, timeout: Double = 60) async throws -> ChildProcess.Result {
        try await ChildProcess.run(executable, args, environment: environment(env), workingDirectory: path,
                                   capture: capture, timeout: timeout)
    }
}
