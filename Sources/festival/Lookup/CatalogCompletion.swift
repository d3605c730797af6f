import BuiltinCatalog
import FestivalCatalog
import FestivalStorage
import Foundation

/// Shell completion of the catalog's own ids: from the catalog that `--catalog` names on
/// the line being completed, else the built-in one. A catalog that cannot be read
/// completes nothing (completion never prints an error into the user's prompt).
enum CatalogCompletion {
    @Sendable static func films(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(prefix, catalog(words)?.films.map(\.id))
    }

    @Sendable static func people(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(prefix, catalog(words)?.people.map(\.id))
    }

    @Sendable static func topics(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(prefix, catalog(words)?.topics.map(\.id))
    }

    @Sendable static func awards(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(prefix, catalog(words).map { $0.festival.prizeTiers.map(\.id) + ["unknown"] })
    }

    @Sendable static func venues(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(prefix, catalog(words)?.venues.map(\.id))
    }

    @Sendable static func screenings(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(prefix, catalog(words)?.screenings.map(\.id))
    }

    /// `all` or ids separated by commas: completes the id after the last comma.
    @Sendable static func filmList(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        list(prefix, catalog(words)?.films.map(\.id))
    }

    @Sendable static func quoteList(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        list(prefix, catalog(words)?.quotes.map(\.id))
    }

    /// At most this many candidates (a shell shows no more usefully).
    static let maxCandidates = 1000

    static func matching(_ prefix: String, _ ids: [String]?) -> [String] {
        let typed = unquoted(prefix)
        return Array((ids ?? []).lazy.filter { $0.hasPrefix(typed) }.prefix(maxCandidates))
    }

    static func list(_ prefix: String, _ ids: [String]?) -> [String] {
        let typed = unquoted(prefix)
        guard let comma = typed.lastIndex(of: ",") else { return matching(typed, ids.map { ["all"] + $0 }) }
        let head = typed[...comma]
        return matching(String(typed[typed.index(after: comma)...]), ids).map { head + $0 }
    }

    /// The catalog named by `--catalog PATH` or `--catalog=PATH` in `words`, else the built-in one.
    static func catalog(_ words: [String]) -> Catalog? {
        var path: String?
        for (i, word) in words.enumerated() {
            if word == "--catalog", i + 1 < words.count { path = unquoted(words[i + 1]) }
            if word.hasPrefix("--catalog=") { path = unquoted(String(word.dropFirst("--catalog=".count))) }
        }
        guard let path, !path.isEmpty, path != "-" else {
            return try? CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8), file: BuiltinCatalog.displayName)
        }
        let expanded = path.hasPrefix("~/") ? NSHomeDirectory() + path.dropFirst(1) : path
        return try? CatalogCache.standard.load(path: expanded, withIndex: false).catalog
    }

    /// A shell word without the quotes around it (words reach completion verbatim).
    static func unquoted(_ word: String) -> String {
        var text = word
        for quote in ["'", "\""] where text.hasPrefix(quote) {
            text.removeFirst()
            if text.hasSuffix(quote) { text.removeLast() }
        }
        return text
    }
}
