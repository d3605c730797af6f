import FestivalCatalog
import TextGrid
import Foundation

/// Opens web links in the user's browser: `$BROWSER` (first of its colon-separated
/// entries; `%s` marks where the URL goes) or `xdg-open`. No shell is involved and only
/// http(s) URLs are passed on; the browser runs detached, its output discarded.
enum URLOpener {
    /// Opens `url`: whether a browser was started.
    static func open(_ url: String, environment: [String: String]) -> Bool {
        guard URLCheck.isWebURL(url), let argv = command(for: url, environment: environment),
              let pid = Spawn.start(argv, Spawn.Options(newSession: true, silent: true)) else { return false }
        Spawn.reapLater(pid)
        return true
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
}
