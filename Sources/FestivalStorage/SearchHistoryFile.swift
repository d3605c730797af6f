import FestivalIO
import Foundation

/// Earlier searches kept across sessions, as fzf and shells keep theirs: one query a line,
/// newest last, in `$XDG_STATE_HOME/festival/search-history` (else
/// `~/.local/state/festival/search-history`). The file is untrusted when read: only a
/// regular file, at most `maxBytes`, lines that are valid UTF-8 without control
/// characters and at most `maxQueryLength` long; anything else is skipped, never fatal.
/// Written whole and atomically after merging with what another instance wrote meanwhile.
public struct SearchHistoryFile: Sendable {
    public let path: String
    public let limit: Int
    static let maxBytes = 1 << 20
    static let maxQueryLength = 1_000

    public init(path: String, limit: Int) {
        self.path = path
        self.limit = limit
    }

    /// The standard file for an environment (`XDG_STATE_HOME` only when absolute).
    public static func standardPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/festival/search-history"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/festival/search-history"
    }

    /// The queries on disk, oldest first, at most `limit`; empty when there is no usable file.
    public func load() -> [String] {
        guard case .content(let read) = FileIO.readPrefix(path, maxBytes: Self.maxBytes) else { return [] }
        return Self.parse(read.bytes, limit: limit)
    }

    /// The usable lines of `bytes`: each once (its last time), the newest `limit`.
    static func parse(_ bytes: [UInt8], limit: Int) -> [String] {
        var queries: [String] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard line.count <= Self.maxQueryLength * 4, let query = String(validating: line, as: UTF8.self),
                  query.count <= Self.maxQueryLength, !query.unicodeScalars.contains(where: Self.isControl),
                  !query.allSatisfy(\.isWhitespace) else { continue }
            queries.append(query)
        }
        var seen = Set<String>(), newestFirst: [String] = []
        for query in queries.reversed() where seen.insert(query).inserted {
            newestFirst.append(query)
            if newestFirst.count == limit { break }
        }
        return newestFirst.reversed()
    }

    /// Adds `query` as the newest (moving it if it was there) to what the file holds now
    /// and writes the file; returns the history as saved.
    @discardableResult
    public func remember(_ query: String) throws -> [String] {
        guard query.count <= Self.maxQueryLength, !query.unicodeScalars.contains(where: Self.isControl) else { return load() }
        var history = load().filter { $0 != query } + [query]
        if history.count > limit { history.removeFirst(history.count - limit) }
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try AtomicFile.write(history.map { $0 + "\n" }.joined(), to: path, mode: 0o600)
        return history
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
