import FestivalIO
import Foundation

/// Loads and validates catalogs from files or bytes.
public enum CatalogLoader {
    /// Loads a catalog file. Every problem is reported together in the thrown error.
    public static func load(path: String, progress: LoadProgress? = nil) throws(CatalogError) -> Catalog {
        progress?.start(.reading)
        let bytes = try read(path: path)
        return try load(bytes: bytes, file: path, progress: progress)
    }

    /// The most a catalog read from a pipe may hold.
    public static let maxStreamBytes = 4 << 30

    /// How a catalog or a feed read from a pipe may start: JSON (`{`, a JSON-LD `[`), XML or
    /// HTML (`<`), iCalendar (`BEGIN:`), a byte order mark. A CSV spreadsheet, which may
    /// start with anything, must be a file.
    static let streamStarts: Set<UInt8> = [UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "B"), UInt8(ascii: "b"), 0xEF]

    /// Reads a catalog's bytes (`-` is standard input), opening it once: a regular file
    /// whole, a pipe as a stream; a directory or device is refused. File-system failures
    /// become a located error.
    public static func read(path: String) throws(CatalogError) -> [UInt8] {
        switch FileIO.readInput(path, first: streamStarts, maxStreamBytes: maxStreamBytes) {
        case .bytes(let bytes): return bytes
        case .failed(let message):
            throw CatalogError([CatalogIssue(file: path == "-" ? "standard input" : path, path: "", line: nil, column: nil, message: message)])
        }
    }

    /// Parses and validates catalog bytes; `file` names them in errors. A valid catalog is
    /// read straight from the bytes (`FastCatalogDecoder`); anything else is read again
    /// through the JSON tree, which reports every problem with its line and column.
    public static func load(bytes: [UInt8], file: String, progress: LoadProgress? = nil) throws(CatalogError) -> Catalog {
        progress?.start(.parsing, total: bytes.count)
        if let catalog = try foreign.read(bytes, file: file) { return catalog }
        if let catalog = bytes.withUnsafeBufferPointer({ FastCatalogDecoder.decode($0, progress: progress) }) { return catalog }
        return try loadSlowly(bytes: bytes, file: file, progress: progress)
    }

    /// The JSON tree's way: every problem found and located.
    static func loadSlowly(bytes: [UInt8], file: String, progress: LoadProgress? = nil) throws(CatalogError) -> Catalog {
        try load(root: parse(bytes: bytes, file: file, progress: progress), file: file)
    }

    /// `festival validate`: the catalog, and the warnings of `CatalogLint` (text that loads
    /// but may mislead: control or bidi characters, text that is only invisible characters),
    /// and `ScheduleLint`'s (a local time that happens twice).
    public static func validate(path: String, progress: LoadProgress? = nil) throws(CatalogError) -> (catalog: Catalog, warnings: [CatalogIssue]) {
        progress?.start(.reading)
        let bytes = try read(path: path)
        if let catalog = try foreign.read(bytes, file: path) { return (catalog, []) }
        let root = try parse(bytes: bytes, file: path, progress: progress)
        let catalog = try load(root: root, file: path)
        return (catalog, CatalogLint.warnings(root, file: path) + ScheduleLint.warnings(catalog, root, file: path))
    }

    /// Checks that the bytes are UTF-8 and parses them.
    static func parse(bytes: [UInt8], file: String, progress: LoadProgress?) throws(CatalogError) -> JSONNode {
        func fail(_ line: Int?, _ column: Int?, _ message: String) -> CatalogError {
            CatalogError([CatalogIssue(file: file, path: "", line: line, column: column, message: message)])
        }
        progress?.start(.checking)
        if let bad = JSONParser.firstInvalidUTF8(bytes) {
            throw fail(bad.line, bad.column, "not valid UTF-8 (byte offset \(bad.offset)); save the catalog as UTF-8")
        }
        let root: JSONNode
        do {
            progress?.start(.parsing, total: bytes.count)
            root = try JSONParser.parse(bytes, progress: progress)
        } catch {
            throw fail(error.line, error.column, "invalid JSON: \(error.message)")
        }
        progress?.start(.validating)
        return root
    }

    /// Validates an already parsed tree.
    public static func load(root: JSONNode, file: String) throws(CatalogError) -> Catalog {
        let log = IssueLog(file: file)
        // A catalog of another version is not read further: its other errors would be noise.
        if case .object(let members) = root.value {
            let version = members.first { $0.key == "schemaVersion" }?.value
            switch version?.value {
            case .int(Catalog.schemaVersion)?:
                break
            case nil:
                log.add(root, "", "missing \"schemaVersion\" (this program reads version \(Catalog.schemaVersion))")
                throw CatalogError(log.issues)
            default:
                log.add(version, "schemaVersion", "unsupported schemaVersion \(JSONWriter.string(version!).trimmingCharacters(in: .whitespacesAndNewlines)) (this program reads version \(Catalog.schemaVersion))")
                throw CatalogError(log.issues)
            }
        }
        let decoder = CatalogDecoder(log: log)
        let catalog = decoder.decode(root)
        if !log.issues.isEmpty || catalog == nil {
            let sorted = log.issues.enumerated().sorted {
                ($0.element.line ?? 0, $0.element.column ?? 0, $0.offset) < ($1.element.line ?? 0, $1.element.column ?? 0, $1.offset)
            }.map(\.element)
            throw CatalogError(sorted.isEmpty ? [CatalogIssue(file: file, path: "", line: nil, column: nil, message: "not a catalog")] : sorted)
        }
        return catalog!
    }
}
