import FestivalCatalog
import TextGrid
import Foundation
import FestivalUI

/// Opens web links in the user's browser: `$BROWSER` (first of its colon-separated
/// entries; `%s` marks where the URL goes) or `xdg-open`. No shell is involved and only
/// http(s) URLs are passed on; the browser runs detached, its output discarded.
enum URLOpener {
    /// How long a browser may take to fail before it counts as opened: launchers such as
    /// xdg-open exit within it, a browser that stays running is reaped later.
    static let failureWindowMs = 500

    /// Opens `url`: the action reporting whether the browser took it, found none, or failed.
    static func open(_ url: String, environment: [String: String]) -> Action {
        guard URLCheck.isWebURL(url), let argv = command(for: url, environment: environment) else {
            return .notOpened(url, failure: nil)
        }
        let program = argv[0]
        guard let pid = Spawn.start(argv, Spawn.Options(newSession: true, silent: true)) else {
            return .notOpened(url, failure: ProgramFailure(program: program, reason: .notStarted))
        }
        switch Spawn.wait(pid, upTo: failureWindowMs) {
        case nil:
            Spawn.reapLater(pid)
            return .opened(url)
        case .exitStatus(0)?: return .opened(url)
        case let reason?: return .notOpened(url, failure: ProgramFailure(program: program, reason: reason))
        }
    }

    /// The program and arguments that open `url`: `$BROWSER`'s when it is set (whether or not
    /// it can run), else `xdg-open`'s; nil when there is neither.
    static func command(for url: String, environment: [String: String]) -> [String]? {
        if let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init), !browser.isEmpty {
            var words = browser.split(separator: " ").map(String.init)
            if words.contains(where: { $0.contains("%s") }) {
                words = words.map { $0.replacingOccurrences(of: "%s", with: url) }
            } else {
                words.append(url)
            }
            // A $BROWSER that is not there is a failure of that browser (named in the
            // message), not the absence of one.
            return words
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
