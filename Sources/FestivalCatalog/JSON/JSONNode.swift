/// A parsed JSON value that remembers where it stood in the file, so every error about
/// it can name a line and column.
public struct JSONNode: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([JSONNode])
        /// Members in file order (duplicates kept, so the loader can report them).
        case object([(key: String, value: JSONNode)])

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.null, .null): return true
            case let (.bool(x), .bool(y)): return x == y
            case let (.int(x), .int(y)): return x == y
            case let (.double(x), .double(y)): return x == y
            case let (.string(x), .string(y)): return x == y
            case let (.array(x), .array(y)): return x == y
            case let (.object(x), .object(y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }
    }

    public var value: Value
    /// Kept in 32 bits (a node of a 100 MB file is 8 bytes smaller); past 2^32 they saturate.
    private var line32: UInt32, column32: UInt32

    /// 1-based line and column (in Unicode scalars) of the value's first character; 0 when built in code.
    public var line: Int {
        get { Int(line32) }
        set { line32 = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(column32) }
        set { column32 = UInt32(clamping: newValue) }
    }

    public init(_ value: Value, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line32 = UInt32(clamping: line)
        self.column32 = UInt32(clamping: column)
    }

    /// Equality of values only, ignoring positions.
    public static func == (a: JSONNode, b: JSONNode) -> Bool { a.value == b.value }

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONNode {
    public static var null: JSONNode { JSONNode(.null) }
    public static func string(_ s: String) -> JSONNode { JSONNode(.string(s)) }
    public static func int(_ i: Int) -> JSONNode { JSONNode(.int(i)) }
    public static func double(_ d: Double) -> JSONNode { JSONNode(.double(d)) }
    public static func bool(_ b: Bool) -> JSONNode { JSONNode(.bool(b)) }
    public static func array(_ a: [JSONNode]) -> JSONNode { JSONNode(.array(a)) }
    public static func object(_ members: [(String, JSONNode)]) -> JSONNode {
        JSONNode(.object(members.map { (key: $0.0, value: $0.1) }))
    }
}
