import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80)   // POSIX_SPAWN_SETSID (glibc), not imported into Swift
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(home)", "XDG_CACHE_HOME=\(home)/cache",
                           "XDG_CONFIG_HOME=\(home)/config", "XDG_DATA_HOME=\(home)/data",
                           "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"]
        var pid: pid_t = 0
        let start = Clock.now()
        let spawned = withCStrings([festival, "--catalog", catalog, "--lang", "en"]) { argv in
            withCStrings(environment) { envp in posix_spawn(&pid, festival, &actions, &attributes, argv, envp) }
        }
        close(slave)
        guard spawned == 0 else { return nil }
        let needle = Array(marker.utf8)
        var seen: [UInt8] = []
        var elapsed: Double?
        while elapsed == nil, let chunk = read(master, waitingUpTo: 60_000) {
            seen += chunk
            if contains(seen, needle) { elapsed = Clock.since(start) }
        }
        // A session long enough for the index to be built and the cache file written (a
        // quit before that leaves no cache), then `q`.
        let cache = home + "/cache/festival"
        let waitUntil = Clock.now() + 120_000_000_000
        while elapsed != nil, Clock.now() < waitUntil,
              !((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).contains(where: { $0.hasPrefix("catalog-") }) {
            _ = read(master, waitingUpTo: 50)
        }
        _ = write(master, "q", 1)
        // Drain what it writes while it restores the terminal and finishes its cache file.
        while read(master, waitingUpTo: 15_000) != nil {}
        var status: Int32 = 0
        waitpid(pid, &status, 0)
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

    /// C strings for a spawn, NULL-terminated.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}
