/// A parsed TOML 1.1 document: every table, array and value, each with where it is written.
///
/// Tables and arrays live in one store and refer to each other by number, so a document
/// with 20,000 nested dotted keys is built and read without recursion.
public struct TOMLDocument: Sendable {
    let store: TOMLStore

    /// The top-level table.
    public var root: TOMLTable { TOMLTable(store: store, id: 0) }

    /// Parses a file's bytes, which must be UTF-8 (a leading byte order mark is skipped).
    /// Throws the first error, located.
    public static func parse(_ bytes: [UInt8]) throws(TOMLError) -> TOMLDocument {
        var parser = try TOMLParser(bytes: bytes)
        return TOMLDocument(store: try parser.document())
    }

    public static func parse(_ text: String) throws(TOMLError) -> TOMLDocument { try parse(Array(text.utf8)) }
}

/// A line and a column (in characters), both from 1.
public struct TOMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TOMLPosition, b: TOMLPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// Why a file is not TOML, and where.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: TOMLPosition
    public var message: String

    public init(_ message: String, at position: TOMLPosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}

/// A value as written: a string, a number, a boolean, a date or time, an array or a table.
public enum TOMLValue: Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    case dateTime(TOMLDateTime)
    case array(TOMLArray)
    case table(TOMLTable)
}

/// A value and where it is: `position` is where the value starts, `keyPosition` where its
/// key starts (nil for an array element).
public struct TOMLItem: Sendable {
    public let value: TOMLValue
    public let keyPosition: TOMLPosition?
    public let position: TOMLPosition

    public var string: String? { if case .string(let s) = value { s } else { nil } }
    public var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    public var integer: Int64? { if case .integer(let n) = value { n } else { nil } }
    public var table: TOMLTable? { if case .table(let t) = value { t } else { nil } }
    public var array: TOMLArray? { if case .array(let a) = value { a } else { nil } }
}

/// A date, a time or both, as TOML writes them; `text` is the value in the RFC 3339 form
/// (`T` between date and time, `Z` upper case, seconds always present).
public struct TOMLDateTime: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case offsetDateTime, localDateTime, localDate, localTime }
    public var kind: Kind
    public var text: String
}

/// A table's keys in the order they were written, and their values.
public struct TOMLTable: Sendable {
    let store: TOMLStore
    let id: Int

    public var count: Int { store.tables[id].entries.count }

    /// (key, item) pairs in the order written.
    public var entries: [(key: String, item: TOMLItem)] {
        store.tables[id].entries.map { ($0.key, store.item($0.value, key: $0.keyPosition, at: $0.position)) }
    }

    public subscript(key: String) -> TOMLItem? {
        guard let i = store.tables[id].index[TOMLKey(key)] else { return nil }
        let e = store.tables[id].entries[i]
        return store.item(e.value, key: e.keyPosition, at: e.position)
    }
}

/// An array's elements.
public struct TOMLArray: Sendable {
    let store: TOMLStore
    let id: Int

    public var count: Int { store.arrays[id].items.count }

    public var items: [TOMLItem] {
        store.arrays[id].items.map { store.item($0.value, key: nil, at: $0.position) }
    }
}

/// A key compared byte for byte (Swift's `==` on strings would merge canonically
/// equivalent spellings, which TOML keeps apart).
struct TOMLKey: Hashable {
    let bytes: [UInt8]
    init(_ s: String) { bytes = Array(s.utf8) }
}

/// The tables and arrays of a document, by number (the root table is 0).
final class TOMLStore: @unchecked Sendable {
    /// How a table came to be: what may still be added to it, and how.
    enum Origin {
        /// Named on the way to another table (`a` of `[a.b]`): may be defined once later.
        case implicit
        /// By a `[header]` or as an element of `[[array]]`.
        case header
        /// By a dotted key (`a.b = 1` makes `a`): further dotted keys may add to it.
        case dotted
        /// Written inline (`{ … }`), or made by dotted keys inside one: closed.
        case inline
    }

    enum Value {
        case string(String), integer(Int64), float(Double), bool(Bool), dateTime(TOMLDateTime)
        case array(Int), table(Int)
    }

    struct Entry {
        var key: String
        var keyPosition: TOMLPosition
        var value: Value
        var position: TOMLPosition
    }

    struct Table {
        var origin: Origin
        var entries: [Entry] = []
        var index: [TOMLKey: Int] = [:]
    }

    struct Array {
        /// Made by `[[name]]` (more elements may be added that way), not written as `[…]`.
        var ofTables: Bool
        var items: [(value: Value, position: TOMLPosition)] = []
    }

    var tables: [Table] = [Table(origin: .header)]
    var arrays: [Array] = []

    func item(_ value: Value, key: TOMLPosition?, at position: TOMLPosition) -> TOMLItem {
        let v: TOMLValue
        switch value {
        case .string(let s): v = .string(s)
        case .integer(let n): v = .integer(n)
        case .float(let x): v = .float(x)
        case .bool(let b): v = .bool(b)
        case .dateTime(let d): v = .dateTime(d)
        case .array(let id): v = .array(TOMLArray(store: self, id: id))
        case .table(let id): v = .table(TOMLTable(store: self, id: id))
        }
        return TOMLItem(value: v, keyPosition: key, position: position)
    }

    func newTable(_ origin: Origin) -> Int {
        tables.append(Table(origin: origin))
        return tables.count - 1
    }

    func newArray(ofTables: Bool) -> Int {
        arrays.append(Array(ofTables: ofTables))
        return arrays.count - 1
    }

    func add(_ entry: Entry, to table: Int) {
        tables[table].index[TOMLKey(entry.key)] = tables[table].entries.count
        tables[table].entries.append(entry)
    }

    func entry(_ key: String, in table: Int) -> Entry? {
        tables[table].index[TOMLKey(key)].map { tables[table].entries[$0] }
    }
}
