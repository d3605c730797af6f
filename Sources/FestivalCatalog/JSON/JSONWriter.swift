import TextGrid
/// Writes a `JSONNode` as pretty-printed JSON (2-space indent, members in order).
public enum JSONWriter {
    public static func string(_ node: JSONNode) -> String {
        String(decoding: bytes(node), as: UTF8.self)
    }

    /// The same text as `string(_:)`, as UTF-8 bytes.
    public static func bytes(_ node: JSONNode) -> [UInt8] {
        var w = JSONByteWriter()
        w.write(node, indent: 0)
        w.newline()
        return w.out
    }
}

/// Appends pretty-printed JSON to a byte buffer. `JSONWriter` and the streaming
/// `CatalogEncoder.write` share it, so both produce the same bytes.
struct JSONByteWriter {
    var out: [UInt8] = []

    init(capacity: Int = 0) {
        out.reserveCapacity(capacity)
    }

    mutating func write(_ node: JSONNode, indent: Int) {
        switch node.value {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .int(let i): append(String(i))
        case .double(let d): append(d.isFinite ? String(d) : "null")
        case .string(let s): writeString(s)
        case .array(let items):
            if items.isEmpty { raw("[]"); return }
            if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { raw(", ") }
                    write(item, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            raw("[\n")
            for (i, item) in items.enumerated() {
                spaces(indent + 2)
                write(item, indent: indent + 2)
                raw(i == items.count - 1 ? "\n" : ",\n")
            }
            spaces(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { raw("{}"); return }
            raw("{\n")
            for (i, member) in members.enumerated() {
                spaces(indent + 2)
                writeString(member.key)
                raw(": ")
                write(member.value, indent: indent + 2)
                raw(i == members.count - 1 ? "\n" : ",\n")
            }
            spaces(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Opens an array whose items are written one at a time with `item(_:index:count:indent:)`: the
    /// multi-line form `write` uses for arrays of objects.
    mutating func beginItems(count: Int) {
        raw(count == 0 ? "[]" : "[\n")
    }

    /// Writes item `index` of `count` of an array opened with `beginItems` at `indent`
    /// (the array's own indent); the item must be an object or array, never a scalar.
    mutating func item(_ node: JSONNode, index: Int, count: Int, indent: Int) {
        spaces(indent + 2)
        write(node, indent: indent + 2)
        raw(index == count - 1 ? "\n" : ",\n")
        if index == count - 1 {
            spaces(indent)
            out.append(UInt8(ascii: "]"))
        }
    }

    /// `"key": ` at `indent`, as an object member.
    mutating func key(_ key: String, indent: Int) {
        spaces(indent)
        writeString(key)
        raw(": ")
    }

    mutating func newline() { out.append(UInt8(ascii: "\n")) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    mutating func append(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    mutating func spaces(_ n: Int) {
        if n <= Self.blanks.count {
            Self.blanks.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
        }
    }

    private static let blanks = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// Bytes that may start something `writeString` escapes: ASCII controls, quote,
    /// backslash, DEL, and the lead bytes of C1 controls (C2 80–C2 9F) and of
    /// U+2028/U+2029 and the bidi controls (E2 …), and of U+061C (D8 9C).
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xD8
    }

    /// True when no byte may need escaping; checks 8 bytes at a time with the "has a
    /// zero byte" / "has a byte less than n" bit tricks (exact about whether one exists).
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base), n = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var i = 0
        while i + 8 <= n {
            let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if (v &- ones &* 0x20) & ~v & highs != 0 || hasZero(v ^ (ones &* 0x22)) || hasZero(v ^ (ones &* 0x5C))
                || hasZero(v ^ (ones &* 0x7F)) || hasZero(v ^ (ones &* 0xC2)) || hasZero(v ^ (ones &* 0xE2))
                || hasZero(v ^ (ones &* 0xD8)) {
                return false
            }
            i += 8
        }
        while i < n {
            if mayNeedEscape(base[i]) { return false }
            i += 1
        }
        return true
    }

    /// A JSON string literal; control characters (C0, DEL, C1), U+2028/U+2029 and bidi
    /// controls are escaped as `\uXXXX` (or `\n`, `\r`, `\t`), the rest is kept as UTF-8:
    /// the same text, and nothing in it acts on a terminal that shows it.
    mutating func writeString(_ s: String) {
        out.append(UInt8(ascii: "\""))
        // Fast path: a string without any byte that may need escaping is copied whole.
        let copied = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard Self.isPlain(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": raw("\\\"")
                case "\\": raw("\\\\")
                case "\n": raw("\\n")
                case "\r": raw("\\r")
                case "\t": raw("\\t")
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                        || scalar.value == 0x2028 || scalar.value == 0x2029 || Sanitize.isBidiControl(scalar) {
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                    } else {
                        out.append(contentsOf: UTF8.encode(scalar)!)
                    }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONNode {
    var isScalar: Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }
}
