/// Where each key and value of a TOML document is, by dotted path ("keys.down",
/// "theme.colors.selection.bg", "keys.down[1]" for an array element): TOMLKit reports
/// syntax errors with line and column but gives parsed values no position, so semantic
/// errors find theirs here. Reads a document that has already parsed; on anything it
/// does not understand it stops, and unknown paths have no position.
struct TOMLLocator {
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    /// For each path: where its key starts and where its value starts.
    private(set) var keys: [String: Position] = [:]
    private(set) var values: [String: Position] = [:]

    init(_ text: String) {
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.document(&self)
    }

    /// The value's position when known, else the key's.
    func value(_ path: String) -> Position? { values[path] ?? keys[path] }
    /// The key's position when known, else the value's.
    func key(_ path: String) -> Position? { keys[path] ?? values[path] }

    fileprivate mutating func record(key path: String, at position: Position) {
        if keys[path] == nil { keys[path] = position }
    }

    fileprivate mutating func record(value path: String, at position: Position) {
        if values[path] == nil { values[path] = position }
    }

    /// Joins path parts; a part that is not a bare key is quoted, as TOML would write it.
    /// Array indices stay as they are: "down[1]".
    static func join(_ parts: [String]) -> String {
        parts.map { part in
            var name = Substring(part)
            var indices = ""
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
                  name[name.index(after: open)...].dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) {
                indices = String(name[open...]) + indices
                name = name[..<open]
            }
            let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
            return (bare ? String(name) : KeyName.quoted(String(name))) + indices
        }.joined(separator: ".")
    }
}

private struct Scanner {
    let text: [Unicode.Scalar]
    var i = 0
    var line = 1
    var column = 1
    var failed = false

    init(_ text: [Unicode.Scalar]) { self.text = text }

    var current: Unicode.Scalar? { i < text.count ? text[i] : nil }
    var position: TOMLLocator.Position { .init(line: line, column: column) }

    func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < text.count ? text[i + offset] : nil }

    mutating func advance() {
        guard let c = current else { return }
        i += 1
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
    }

    mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    mutating func skipComment() {
        if current == "#" { while let c = current, c != "\n" { advance() } }
    }

    /// Spaces, newlines and comments (between array elements).
    mutating func skipBlank() {
        while let c = current {
            if c == " " || c == "\t" || c == "\r" || c == "\n" { advance() } else if c == "#" { skipComment() } else { break }
        }
    }

    mutating func document(_ locator: inout TOMLLocator) {
        var table: [String] = []
        while current != nil && !failed {
            skipBlank()
            guard let c = current else { break }
            if c == "[" {
                let double = peek(1) == "["
                advance()
                if double { advance() }
                skipSpaces()
                let start = position
                let parts = key()
                table = parts
                // [a.b] also defines a: its key starts here too (unless written earlier).
                for n in parts.indices { locator.record(key: TOMLLocator.join(Array(parts.prefix(n + 1))), at: start) }
                skipSpaces()
                if current == "]" { advance() }
                if double && current == "]" { advance() }
            } else {
                keyValue(prefix: table, &locator)
            }
            skipSpaces()
            skipComment()
            if let c = current, c != "\n" && c != "\r" { failed = true }
        }
    }

    mutating func keyValue(prefix: [String], _ locator: inout TOMLLocator) {
        let start = position
        let parts = key()
        guard !parts.isEmpty, !failed else { failed = true; return }
        // Each dotted prefix is a table whose key starts here too.
        for n in 1...parts.count {
            locator.record(key: TOMLLocator.join(prefix + parts.prefix(n)), at: start)
        }
        skipSpaces()
        guard current == "=" else { failed = true; return }
        advance()
        skipSpaces()
        value(prefix + parts, &locator)
    }

    /// A dotted key: bare, "basic" or 'literal' parts.
    mutating func key() -> [String] {
        var parts: [String] = []
        while !failed {
            skipSpaces()
            guard let c = current else { break }
            if c == "\"" || c == "'" {
                parts.append(string(multiline: false))
            } else {
                var bare = ""
                while let c = current, ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" {
                    bare.unicodeScalars.append(c)
                    advance()
                }
                if bare.isEmpty { failed = true; break }
                parts.append(bare)
            }
            skipSpaces()
            if current == "." { advance() } else { break }
        }
        return parts
    }

    mutating func value(_ path: [String], _ locator: inout TOMLLocator) {
        let joined = TOMLLocator.join(path)
        locator.record(value: joined, at: position)
        guard let c = current else { failed = true; return }
        switch c {
        case "\"", "'":
            _ = string(multiline: peek(1) == c && peek(2) == c)
        case "[":
            advance()
            var index = 0
            while !failed {
                skipBlank()
                guard let c = current else { failed = true; return }
                if c == "]" { advance(); return }
                let before = i
                value(path.dropLast() + [(path.last ?? "") + "[\(index)]"], &locator)
                if i == before { failed = true; return }
                index += 1
                skipBlank()
                if current == "," { advance() }
            }
        case "{":
            advance()
            while !failed {
                skipSpaces()
                guard let c = current else { failed = true; return }
                if c == "}" { advance(); return }
                let before = i
                keyValue(prefix: path, &locator)
                if i == before { failed = true; return }
                skipSpaces()
                if current == "," { advance() }
            }
        default:
            // Numbers, booleans, dates: up to a separator.
            while let c = current, !(c == "," || c == "]" || c == "}" || c == "\n" || c == "\r" || c == "#") { advance() }
        }
    }

    /// Reads a string (quotes included) and returns its text; escapes are kept roughly
    /// (only keys' text matters here, and those are rarely escaped).
    mutating func string(multiline: Bool) -> String {
        guard let quote = current else { return "" }
        var out = ""
        if multiline {
            advance(); advance(); advance()
            while let c = current {
                if c == quote && peek(1) == quote && peek(2) == quote {
                    advance(); advance(); advance()
                    // Up to two more quotes belong to the content.
                    while current == quote { advance() }
                    return out
                }
                if quote == "\"" && c == "\\" { advance() }
                out.unicodeScalars.append(c)
                advance()
            }
            failed = true
            return out
        }
        advance()
        while let c = current, c != "\n" {
            if c == quote { advance(); return out }
            if quote == "\"" && c == "\\" {
                advance()
                guard let e = current else { break }
                switch e {
                case "n": out += "\n"
                case "t": out += "\t"
                case "\"": out += "\""
                case "\\": out += "\\"
                default: out.unicodeScalars.append(e)
                }
                advance()
                continue
            }
            out.unicodeScalars.append(c)
            advance()
        }
        failed = true
        return out
    }
}
