/// A strict JSON parser (RFC 8259) over UTF-8 bytes that records each value's line and
/// column and reports the first syntax error with its position.
public struct JSONParser {
    /// A syntax error at a position.
    public struct SyntaxError: Error, Equatable, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// Deepest nesting accepted; deeper input is an error, not a stack overflow.
    public static let maxDepth = 256

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var columnIndex = 0
    private var columnValue = 1

    /// Told the byte offset after each array element, for a progress bar.
    private let progress: LoadProgress?

    /// Members whose array is handed over element by element (`parse(_:streaming:element:)`).
    private var streamKeys: Set<String> = []
    private var sink: ((JSONNode, [(key: String, value: JSONNode)]) -> Void)?

    private init(_ bytes: [UInt8], progress: LoadProgress?) {
        self.bytes = bytes
        self.progress = progress
    }

    /// Parses a whole document. The bytes must be valid UTF-8.
    public static func parse(_ bytes: [UInt8], progress: LoadProgress? = nil) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes, progress: progress)
        return try parser.document()
    }

    /// Parses a whole document, handing each element of an array that is the value of a
    /// member named in `keys` to `element` as soon as it is read — with the members read so
    /// far of the object holding that array — instead of keeping it (the array is left empty
    /// in the tree): a feed whose bulk is one list (frab's `days`) is never one tree.
    public static func parse(_ bytes: [UInt8], streaming keys: Set<String>,
                             element: (JSONNode, [(key: String, value: JSONNode)]) -> Void) throws(SyntaxError) -> JSONNode {
        let result: Result<JSONNode, SyntaxError> = withoutActuallyEscaping(element) { sink in
            var parser = JSONParser(bytes, progress: nil)
            parser.streamKeys = keys
            parser.sink = sink
            do throws(SyntaxError) { return .success(try parser.document()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private mutating func document() throws(SyntaxError) -> JSONNode {
        // A UTF-8 byte order mark is tolerated.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        skipWhitespace()
        if index >= bytes.count { throw error("the file is empty (expected a JSON object)") }
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count { throw error("unexpected \(describeCurrent()) after the end of the JSON value") }
        return node
    }

    /// Finds the first invalid UTF-8 sequence, as (line, column, byte offset), or nil if valid.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, offset: Int)? {
        var i = 0, line = 1, col = 1
        while i < bytes.count {
            let b = bytes[i]
            var need = 0
            if b < 0x80 { need = 0 }
            else if b >= 0xC2 && b <= 0xDF { need = 1 }
            else if b >= 0xE0 && b <= 0xEF { need = 2 }
            else if b >= 0xF0 && b <= 0xF4 { need = 3 }
            else { return (line, col, i) }
            if i + need >= bytes.count && need > 0 { return (line, col, i) }
            for k in 0..<need where bytes[i + 1 + k] & 0xC0 != 0x80 { return (line, col, i) }
            if need == 2 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) { return (line, col, i) }
            } else if need == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) { return (line, col, i) }
            }
            if b == 0x0A { line += 1; col = 1 } else { col += 1 }
            i += need + 1
        }
        return nil
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONNode {
        guard depth < Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        guard index < bytes.count else { throw error("unexpected end of file (expected a value)") }
        let l = line, c = column()
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try parseObject(depth: depth), line: l, column: c)
        case UInt8(ascii: "["): return JSONNode(try parseArray(depth: depth), line: l, column: c)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), line: l, column: c)
        case UInt8(ascii: "t"): try expectWord("true"); return JSONNode(.bool(true), line: l, column: c)
        case UInt8(ascii: "f"): try expectWord("false"); return JSONNode(.bool(false), line: l, column: c)
        case UInt8(ascii: "n"): try expectWord("null"); return JSONNode(.null, line: l, column: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(try parseNumber(), line: l, column: c)
        default:
            throw error("unexpected \(describeCurrent()) (expected a value)")
        }
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONNode.Value {
        index += 1
        var members: [(key: String, value: JSONNode)] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw error("unexpected \(describeCurrent()) (expected a member name in double quotes)")
            }
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("unexpected \(describeCurrent()) (expected ':' after \"\(key)\")") }
            index += 1
            skipWhitespace()
            let value: JSONNode
            if let sink, streamKeys.contains(key), peek(UInt8(ascii: "[")), depth + 1 < Self.maxDepth {
                let l = line, c = column()
                try parseArray(depth: depth + 1) { sink($0, members) }
                value = JSONNode(.array([]), line: l, column: c)
            } else {
                value = try parseValue(depth: depth + 1)
            }
            members.append((key: key, value: value))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "}")) { index += 1; return .object(members) }
            throw error("unexpected \(describeCurrent()) (expected ',' or '}' in an object)")
        }
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONNode.Value {
        var items: [JSONNode] = []
        try parseArray(depth: depth) { items.append($0) }
        return .array(items)
    }

    /// The elements of an array, each given to `element` as it is read.
    private mutating func parseArray(depth: Int, _ element: (JSONNode) -> Void) throws(SyntaxError) {
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; return }
        while true {
            skipWhitespace()
            element(try parseValue(depth: depth + 1))
            progress?.advance(to: index)
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1; continue }
            if peek(UInt8(ascii: "]")) { index += 1; return }
            throw error("unexpected \(describeCurrent()) (expected ',' or ']' in an array)")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1 // opening quote
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error(b == 0x0A ? "unterminated string (a line break inside a string)" : "a raw control character inside a string (use an escape such as \\u00\(hex2(b)))") }
            index += 1
        }
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw error(b == 0x0A ? "unterminated string (a line break inside a string)" : "a raw control character inside a string (use an escape such as \\u00\(hex2(b)))") }
            if b == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        // A high surrogate pairs only with a low one; alone it is U+FFFD and
                        // whatever follows is read on its own (`\ud800\u0041` is U+FFFD, "A").
                        let start = index
                        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try parseHex4()
                            if low >= 0xDC00 && low < 0xE000 {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                scalar = 0xFFFD
                                index = start
                            }
                        } else { scalar = 0xFFFD }
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        scalar = 0xFFFD
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
                default:
                    index -= 2
                    throw error("invalid escape '\\\(describeByte(e))' in a string")
                }
                continue
            }
            out.append(b)
            index += 1
        }
        throw error("unterminated string (the file ends inside it)")
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in a \\u escape")
            }
            v = v * 16 + d
            index += 1
        }
        return v
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONNode.Value {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("invalid number (leading zero)") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number (digits expected after '.')") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number (digits expected in the exponent)") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        return .double(Double(text) ?? .nan)
    }

    // MARK: - Helpers

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private func peek(_ b: UInt8) -> Bool { index < bytes.count && bytes[index] == b }

    private mutating func expectWord(_ word: StaticString) throws(SyntaxError) {
        let w = word.withUTF8Buffer { Array($0) }
        guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
            throw error("unexpected \(describeCurrent()) (expected a value)")
        }
        index += w.count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    /// Column in Unicode scalars (not bytes, not grapheme clusters) of the current index, counted incrementally so
    /// a long single-line file stays linear.
    private mutating func column() -> Int {
        if columnIndex < lineStart || columnIndex > index { columnIndex = lineStart; columnValue = 1 }
        while columnIndex < index && columnIndex < bytes.count {
            if bytes[columnIndex] & 0xC0 != 0x80 { columnValue += 1 }
            columnIndex += 1
        }
        return columnValue
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        return describeByte(bytes[index]).map { "'\($0)'" } ?? "byte 0x\(hex2(bytes[index]))"
    }

    private func describeByte(_ b: UInt8) -> String? {
        b >= 0x21 && b < 0x7F ? String(UnicodeScalar(b)) : nil
    }

    private func describeByte(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(UnicodeScalar(b)) : "0x" + hex2(b)
    }

    private func hex2(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }

    private mutating func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: column())
    }
}
