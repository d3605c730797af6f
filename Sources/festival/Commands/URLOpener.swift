import FestivalCatalog
import FestivalText
import FestivalUI
import Foundation

/// Opens web links in the user's browser: `$BROWSER` (first of its colon-separated
/// entries; `%s` marks where the URL goes) or `xdg-open`. No shell is involved and only
/// http(s) URLs are passed on; the browser runs detached, its output discarded.
enum URLOpener {
    /// Opens `url` and returns the message to show.
    static func open(_ url: String, language: Language, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard URLCheck.isWebURL(url) else { return UIString.noLink.text(language) }
        guard let argv = command(for: url, environment: environment) else {
            return UIString.noBrowser.text(language) + url
        }
        return spawnDetached(argv) ? UIString.opened.text(language) + url : UIString.noBrowser.text(language) + url
    }

    /// The program and arguments that open `url`, or nil when there is none.
    static func command(for url: String, environment: [String: String]) -> [String]? {
        if let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init), !browser.isEmpty {
            var words = browser.split(separator: " ").map(String.init)
            if words.contains(where: { $0.contains("%s") }) {
                words = words.map { $0.replacingOccurrences(of: "%s", with: url) }
            } else {
                words.append(url)
            }
            return executable(words[0], environment) == nil ? nil : words
        }
        return executable("xdg-open", environment).map { [$0, url] }
    }

    static func executable(_ name: String, _ environment: [String: String]) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Starts argv in its own session with /dev/null for input and output; a thread reaps it.
    static func spawnDetached(_ argv: [String]) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, 0x80)   // POSIX_SPAWN_SETSID (glibc; hidden from Swift)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, environ) == 0 else { return false }
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        return true
    }
}
