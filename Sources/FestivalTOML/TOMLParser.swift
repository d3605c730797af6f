/// Reads TOML 1.1 (https://toml.io/en/v1.1.0) into a `TOMLStore`: keys, tables, arrays of
/// tables and the rules for defining each once. Values are read in `TOMLParser+Values`.
///
/// The input is decoded from UTF-8 first (an invalid sequence is an error at its place), then
/// read one character at a time; positions are computed only for what is recorded or reported.
struct TOMLParser {
    /// Arrays and inline tables nested deeper than this are refused (each level is a call).
    static let maxNesting = 128

    let text: [Unicode.Scalar]
    /// Where each line starts in `text`.
    private(set) var lineStarts: [Int] = [0]
    var i = 0
    let store = TOMLStore()
    /// Arrays and inline tables open around the value being read.
    var nesting = 0
    /// Tables made by dotted keys inside the inline tables being read (closed with them).
    var dottedInInline: [[Int]] = []

    init(bytes: [UInt8]) throws(TOMLError) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || (bytes.count >= 2 && (bytes[0] == 0) != (bytes[1] == 0)) {
            throw TOMLError("the file is UTF-16, not UTF-8 (save it as UTF-8)", at: .init(line: 1, column: 1))
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var input = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3).makeIterator() : bytes[...].makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&input) {
            case .scalarValue(let s):
                if s == "\n" { lineStarts.append(scalars.count + 1) }
                scalars.append(s)
            case .emptyInput:
                break decoding
            case .error:
                text = scalars
                throw TOMLError("not UTF-8 text: an invalid byte sequence", at: Self.position(scalars.count, lineStarts))
            }
        }
        text = scalars
    }

    // MARK: - Positions and errors

    static func position(_ index: Int, _ lineStarts: [Int]) -> TOMLPosition {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return TOMLPosition(line: low + 1, column: index - lineStarts[low] + 1)
    }

    func position(_ index: Int) -> TOMLPosition { Self.position(index, lineStarts) }

    func error(_ message: String, at index: Int? = nil) -> TOMLError {
        TOMLError(message, at: position(index ?? i))
    }

    /// "unexpected 'x'" naming the character at `i` (control characters by code point).
    func unexpected(_ expected: String) -> TOMLError {
        guard let c = current else { return error("expected \(expected), found the end of the file") }
        return error("expected \(expected), found \(Self.describe(c))")
    }

    static func describe(_ c: Unicode.Scalar) -> String {
        if c == "\n" { return "the end of the line" }
        if isControl(c) || c.properties.generalCategory == .format || c.properties.isWhitespace && c != " " {
            let hex = String(c.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(c)'"
    }

    /// Characters TOML allows nowhere but as escapes: C0 controls but tab, and DEL.
    static func isControl(_ c: Unicode.Scalar) -> Bool {
        (c.value < 0x20 && c != "\t") || c.value == 0x7F
    }

    // MARK: - Reading

    var current: Unicode.Scalar? { i < text.count ? text[i] : nil }
    func peek(_ k: Int) -> Unicode.Scalar? { i + k < text.count ? text[i + k] : nil }

    mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { i += 1 }
    }

    /// A comment from `#` to the end of the line, if one is here.
    mutating func skipComment() throws(TOMLError) {
        guard current == "#" else { return }
        while let c = current, c != "\n" {
            if c == "\r" && peek(1) == "\n" { break }
            if Self.isControl(c) { throw error("\(Self.describe(c)) is not allowed in a comment") }
            i += 1
        }
    }

    /// A line break (LF or CRLF) here, if any.
    mutating func newline() -> Bool {
        if current == "\n" { i += 1; return true }
        if current == "\r" && peek(1) == "\n" { i += 2; return true }
        return false
    }

    /// Spaces, comments and line breaks (inside arrays and inline tables).
    mutating func skipBlank() throws(TOMLError) {
        while true {
            skipSpaces()
            try skipComment()
            if !newline() { return }
        }
    }

    /// After a statement: spaces, a comment, then the end of the line or of the file.
    mutating func endOfLine() throws(TOMLError) {
        skipSpaces()
        try skipComment()
        if current == nil || newline() { return }
        throw unexpected("the end of the line")
    }

    // MARK: - The document

    mutating func document() throws(TOMLError) -> TOMLStore {
        var table = 0
        while true {
            try skipBlank()
            guard let c = current else { return store }
            if c == "[" {
                table = try header()
            } else {
                try keyValue(in: table)
            }
            try endOfLine()
        }
    }

    /// `[a.b]` or `[[a.b]]`: the table that the following keys go into.
    mutating func header() throws(TOMLError) -> Int {
        let start = i
        i += 1
        let isArray = current == "["
        if isArray { i += 1 }
        skipSpaces()
        let key = try self.key()
        skipSpaces()
        guard current == "]" else { throw unexpected(isArray ? "']]'" : "']'") }
        i += 1
        if isArray {
            guard current == "]" else { throw unexpected("']]'") }
            i += 1
        }
        var table = 0
        for part in key.dropLast() { table = try enter(part, of: table, byHeader: true) }
        let last = key[key.count - 1]
        let here = position(last.start)
        if isArray {
            switch store.entry(last.name, in: table)?.value {
            case .array(let id)? where store.arrays[id].ofTables:
                let element = store.newTable(.header)
                store.arrays[id].items.append((.table(element), position(start)))
                return element
            case nil:
                let id = store.newArray(ofTables: true)
                let element = store.newTable(.header)
                store.arrays[id].items.append((.table(element), position(start)))
                store.add(.init(key: last.name, keyPosition: here, value: .array(id), position: position(start)), to: table)
                return element
            case _?:
                throw error("\(Self.quoted(last.name)) is already defined as something other than an array of tables", at: last.start)
            }
        }
        switch store.entry(last.name, in: table)?.value {
        case .table(let id)? where store.tables[id].origin == .implicit:
            store.tables[id].origin = .header
            return id
        case nil:
            let id = store.newTable(.header)
            store.add(.init(key: last.name, keyPosition: here, value: .table(id), position: position(start)), to: table)
            return id
        case _?:
            throw error("table \(Self.quoted(last.name)) is already defined", at: last.start)
        }
    }

    /// The table `part` names in `table`, made when missing: on the way to a header's table
    /// (`byHeader`), or of a dotted key.
    mutating func enter(_ part: KeyPart, of table: Int, byHeader: Bool) throws(TOMLError) -> Int {
        switch store.entry(part.name, in: table)?.value {
        case nil:
            let id = store.newTable(byHeader ? .implicit : .dotted)
            if !byHeader, !dottedInInline.isEmpty { dottedInInline[dottedInInline.count - 1].append(id) }
            store.add(.init(key: part.name, keyPosition: position(part.start), value: .table(id), position: position(part.start)), to: table)
            return id
        case .table(let id)?:
            switch store.tables[id].origin {
            case .inline:
                throw error("\(Self.quoted(part.name)) is an inline table, which cannot be added to", at: part.start)
            case .dotted:
                return id
            case .implicit, .header:
                if byHeader { return id }
                throw error("table \(Self.quoted(part.name)) is defined by a [header]: add to it there, not with a dotted key", at: part.start)
            }
        case .array(let id)? where byHeader && store.arrays[id].ofTables:
            guard case .table(let last)? = store.arrays[id].items.last?.value else { throw error("internal: empty array of tables") }
            return last
        case _?:
            throw error("\(Self.quoted(part.name)) is already defined as a value, not a table", at: part.start)
        }
    }

    /// `key = value` into `table`.
    mutating func keyValue(in table: Int) throws(TOMLError) {
        let key = try self.key()
        skipSpaces()
        guard current == "=" else { throw unexpected("'=' after the key") }
        i += 1
        skipSpaces()
        var target = table
        for part in key.dropLast() { target = try enter(part, of: target, byHeader: false) }
        let last = key[key.count - 1]
        if store.entry(last.name, in: target) != nil {
            throw error("\(Self.quoted(last.name)) is defined twice", at: last.start)
        }
        let valueStart = i
        let value = try self.value()
        store.add(.init(key: last.name, keyPosition: position(last.start), value: value, position: position(valueStart)), to: target)
    }

    struct KeyPart {
        var name: String
        var start: Int
    }

    /// A bare, quoted or dotted key.
    mutating func key() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            let start = i
            guard let c = current else { throw unexpected("a key") }
            if c == "\"" || c == "'" {
                if peek(1) == c && peek(2) == c { throw error("a key cannot be a multi-line string") }
                parts.append(KeyPart(name: try string(), start: start))
            } else if Self.isBareKeyCharacter(c) {
                var view = String.UnicodeScalarView()
                while let d = current, Self.isBareKeyCharacter(d) {
                    view.append(d)
                    i += 1
                }
                parts.append(KeyPart(name: String(view), start: start))
            } else {
                throw unexpected("a key")
            }
            skipSpaces()
            guard current == "." else { return parts }
            i += 1
            skipSpaces()
        }
    }

    static func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
    }

    static func quoted(_ key: String) -> String {
        key.unicodeScalars.allSatisfy(isBareKeyCharacter) && !key.isEmpty ? key : "\"\(key.unicodeScalars.map { isControl($0) ? describe($0) : String($0) }.joined())\""
    }
}
