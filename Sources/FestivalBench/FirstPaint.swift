import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Subprocess

/// The real browser on a 120×40 pseudo-terminal: milliseconds from starting the process
/// until the first screen has been written to the terminal (its `marker` seen in the
/// output), as a user sees it — process start, terminal setup, loading and drawing all
/// included. Then `q` ends it, and its cache file is finished before the next run.
enum FirstPaint {
    /// The `festival` binary next to this one, if it was built.
    static var festival: String? {
        let path = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .deletingLastPathComponent().appending(path: "festival").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Milliseconds to the first screen of `catalog`, with `home` as the user's home (its
    /// cache decides whether this is a first or a later start); nil when it did not show.
    static func measure(festival: String, catalog: String, home: String, marker: String) -> Double? {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { return nil }
        defer { close(master) }
        let environment: [Environment.Key: String] = [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home, "XDG_CACHE_HOME": "\(home)/cache",
            "XDG_CONFIG_HOME": "\(home)/config", "XDG_DATA_HOME": "\(home)/data",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        // A session of its own on the pseudo-terminal; every other descriptor (the master)
        // is closed in the child.
        var options = PlatformOptions()
        options.createSession = true
        let configuration = Configuration(executable: .path(.init(festival)),
                                          arguments: ["--catalog", catalog, "--lang", "en"],
                                          environment: .custom(environment), platformOptions: options)
        let (terminal, screen) = (slave, master)
        return Spawn.blocking {
            let start = Clock.now()
            do {
                return try await Subprocess.run(
                    configuration,
                    input: .fileDescriptor(.init(rawValue: terminal), closeAfterSpawningProcess: false),
                    output: .fileDescriptor(.init(rawValue: terminal), closeAfterSpawningProcess: false),
                    error: .fileDescriptor(.init(rawValue: terminal), closeAfterSpawningProcess: false)
                ) { _ in
                    close(terminal)   // the child has it now: the master reads end of file once it is gone
                    return watch(screen, marker: Array(marker.utf8), cache: home + "/cache/festival", start: start)
                }.closureResult
            } catch {
                close(terminal)   // it did not start (the body never ran)
                return nil
            }
        }
    }

    /// Reads the terminal until `marker` shows (the milliseconds since `start`), then waits
    /// until the cache file is there (a quit before that leaves no cache), types `q` and
    /// drains what the program writes while it restores the terminal and finishes. Like a
    /// real terminal (xterm with a black background), it answers the background query
    /// (OSC 11) and the device attributes request that follows it at once.
    private static func watch(_ fd: Int32, marker: [UInt8], cache: String, start: UInt64) -> Double? {
        var seen: [UInt8] = []
        var elapsed: Double?
        var answered = false
        while elapsed == nil, let chunk = read(fd, waitingUpTo: 60_000) {
            seen += chunk
            if !answered, contains(seen, Array("\u{1B}[c".utf8)) {
                answered = true
                let answer = Array("\u{1B}]11;rgb:0000/0000/0000\u{07}\u{1B}[?62;22c".utf8)
                _ = answer.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            }
            if contains(seen, marker) { elapsed = Clock.since(start) }
        }
        let waitUntil = Clock.now() + 120_000_000_000
        while elapsed != nil, Clock.now() < waitUntil,
              !((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).contains(where: { $0.hasPrefix("catalog-") }) {
            _ = read(fd, waitingUpTo: 50)
        }
        _ = write(fd, "q", 1)
        while read(fd, waitingUpTo: 15_000) != nil {}
        return elapsed
    }

    /// The next bytes from `fd`, or nil at its end or after `milliseconds` of silence.
    private static func read(_ fd: Int32, waitingUpTo milliseconds: Int32) -> [UInt8]? {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, milliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = Glibc.read(fd, &buffer, buffer.count)
        return n > 0 ? Array(buffer[..<n]) : nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
