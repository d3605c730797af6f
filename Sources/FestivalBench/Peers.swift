import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The CLI's first run (parse, index, cache) and cached run on a catalog, next to jq and
/// Python's `json.load` reading the same file in the same run: medians of wall time and
/// each process's own peak memory (from `wait4`), and the ratios. The peak is a child's
/// own only because this process stays small (it never holds a catalog): Linux starts a
/// spawned child's maximum from its parent's.
enum Peers {
    struct Run {
        var ms: Double
        var peakMB: Double
    }

    /// Runs `argv` with `environment` added, output discarded; nil when it could not start or failed.
    static func run(_ argv: [String], environment: [String: String] = [:]) -> Run? {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let args = argv.map { strdup($0) } + [nil]
        defer { (envp + args).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let start = Clock.now()
        guard posix_spawnp(&pid, argv[0], &actions, nil, args, envp) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let ms = Clock.since(start)
        guard status == 0 else { return nil }
        return Run(ms: ms, peakMB: Double(usage.ru_maxrss) / 1024)
    }

    /// The median run of `times` (by time).
    static func median(_ times: Int, _ body: () -> Run?) -> Run? {
        let runs = (0..<times).compactMap { _ in body() }.sorted { $0.ms < $1.ms }
        return runs.isEmpty ? nil : runs[runs.count / 2]
    }

    static func available(_ program: String) -> Bool { run(["sh", "-c", "command -v \(program)"]) != nil }

    static let header = "quotes     cli first  MB      cli cached  jq         MB      python     MB      first/jq  first/py"

    /// One row for the catalog at `path`, its cache in `home`.
    static func row(festival: String, path: String, quotes: Int, home: String) -> String {
        let times = quotes >= 1_000_000 ? 1 : 3
        let cli = [festival, "search", "the", "--catalog", path, "--limit", "1"]
        let environment = ["HOME": home, "XDG_CACHE_HOME": home + "/cache", "XDG_CONFIG_HOME": home + "/config",
                           "XDG_DATA_HOME": home + "/data"]
        let first = median(times) {
            try? FileManager.default.removeItem(atPath: home)
            return run(cli, environment: environment)
        }
        let cached = median(times) { run(cli, environment: environment) }
        let jq = available("jq") ? median(times) { run(["jq", ".quotes|length", path]) } : nil
        let python = available("python3") ? median(times) { run(["python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", path]) } : nil
        func cell(_ v: Double?, _ width: Int) -> String { (v.map(Measure.fmt) ?? "?").padding(toLength: width, withPad: " ", startingAt: 0) }
        func ratio(_ a: Run?, _ b: Run?) -> String {
            guard let a, let b, b.ms > 0 else { return "?" }
            return String(format: "%.2f", a.ms / b.ms)
        }
        return String(quotes).padding(toLength: 11, withPad: " ", startingAt: 0) + cell(first?.ms, 11) + cell(first?.peakMB, 8)
            + cell(cached?.ms, 12) + cell(jq?.ms, 11) + cell(jq?.peakMB, 8) + cell(python?.ms, 11) + cell(python?.peakMB, 8)
            + ratio(first, jq).padding(toLength: 10, withPad: " ", startingAt: 0) + ratio(first, python)
    }
}
