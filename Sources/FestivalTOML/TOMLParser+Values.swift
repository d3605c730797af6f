/// Values: strings, numbers, booleans, dates and times, arrays and inline tables.
extension TOMLParser {
    typealias Token = String.UnicodeScalarView

    mutating func value() throws(TOMLError) -> TOMLStore.Value {
        guard let c = current else { throw unexpected("a value") }
        switch c {
        case "\"", "'": return .string(try string())
        case "[": return try array()
        case "{": return try inlineTable()
        default: return try scalarValue()
        }
    }

    // MARK: - Arrays and inline tables

    mutating func nest() throws(TOMLError) {
        nesting += 1
        if nesting > Self.maxNesting { throw error("arrays and inline tables nested more than \(Self.maxNesting) deep") }
    }

    mutating func array() throws(TOMLError) -> TOMLStore.Value {
        try nest()
        defer { nesting -= 1 }
        i += 1
        let id = store.newArray(ofTables: false)
        while true {
            try skipBlank()
            if current == "]" { i += 1; return .array(id) }
            let start = i
            let element = try value()
            store.arrays[id].items.append((element, position(start)))
            try skipBlank()
            if current == "," { i += 1; continue }
            if current == "]" { i += 1; return .array(id) }
            throw unexpected("',' or ']' in the array")
        }
    }

    /// `{ key = value, … }`: TOML 1.1 allows line breaks, comments and a trailing comma.
    mutating func inlineTable() throws(TOMLError) -> TOMLStore.Value {
        try nest()
        defer { nesting -= 1 }
        i += 1
        let id = store.newTable(.dotted)
        dottedInInline.append([id])
        while true {
            try skipBlank()
            if current == "}" { break }
            try keyValue(in: id)
            try skipBlank()
            if current == "," { i += 1; continue }
            if current == "}" { break }
            throw unexpected("',' or '}' in the inline table")
        }
        i += 1
        for table in dottedInInline.removeLast() { store.tables[table].origin = .inline }
        return .table(id)
    }

    // MARK: - Strings

    /// A basic or literal string, on one line or several.
    mutating func string() throws(TOMLError) -> String {
        let quote = current!
        let multiline = peek(1) == quote && peek(2) == quote
        i += multiline ? 3 : 1
        if multiline { _ = newline() }   // a line break right after the opening quotes is not content
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw error("the string is not closed") }
            if c == quote {
                if !multiline { i += 1; return String(out) }
                var run = 0
                while peek(run) == quote { run += 1 }
                if run >= 3 {
                    guard run <= 5 else { throw error("too many quotes at the end of a multi-line string", at: i + 5) }
                    for _ in 0..<(run - 3) { out.append(quote) }
                    i += run
                    return String(out)
                }
                for _ in 0..<run { out.append(quote) }
                i += run
                continue
            }
            if c == "\\" && quote == "\"" {
                try escape(into: &out, multiline: multiline)
                continue
            }
            if multiline && (c == "\n" || (c == "\r" && peek(1) == "\n")) {
                _ = newline()
                out.append("\n")
                continue
            }
            if c == "\n" || c == "\r" && peek(1) == "\n" { throw error("the string is not closed on its line") }
            if Self.isControl(c) { throw error("\(Self.describe(c)) is not allowed in a string (write it as an escape)") }
            out.append(c)
            i += 1
        }
    }

    /// `\n`, `\t`, `\"`, `\\`, `\b`, `\f`, `\r`, `\e`, `\xHH`, `\uHHHH`, `\UHHHHHHHH`; in a
    /// multi-line string a backslash ending a line also removes the blank that follows.
    mutating func escape(into out: inout String.UnicodeScalarView, multiline: Bool) throws(TOMLError) {
        let start = i
        i += 1
        guard let c = current else { throw error("the string is not closed") }
        i += 1
        switch c {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "\"": out.append("\"")
        case "\\": out.append("\\")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "r": out.append("\r")
        case "e": out.append("\u{1B}")
        case "x": out.append(try hexScalar(2, start))
        case "u": out.append(try hexScalar(4, start))
        case "U": out.append(try hexScalar(8, start))
        case " ", "\t", "\n", "\r":
            // Only spaces may sit between the backslash and the line break.
            guard multiline else { throw error("a backslash in a string must start an escape", at: start) }
            i -= 1
            skipSpaces()
            guard newline() else { throw error("a backslash in a string must start an escape or end a line", at: start) }
            while true {
                skipSpaces()
                if !newline() { break }
            }
        default:
            throw error("\\\(Self.describe(c).trimmingQuotes) is not an escape (use \\\\ for a backslash)", at: start)
        }
    }

    mutating func hexScalar(_ digits: Int, _ start: Int) throws(TOMLError) -> Unicode.Scalar {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let c = current, let d = Self.hexDigit(c) else {
                throw error("an escape needs \(digits) hexadecimal digits", at: start)
            }
            value = value << 4 | d
            i += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("the escape is not a Unicode scalar value (surrogates and values above 10FFFF are not)", at: start)
        }
        return scalar
    }

    static func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 0x30
        case "a"..."f": c.value - 0x61 + 10
        case "A"..."F": c.value - 0x41 + 10
        default: nil
        }
    }

    // MARK: - Numbers, booleans, dates

    /// Everything else: read as one token, then classified.
    mutating func scalarValue() throws(TOMLError) -> TOMLStore.Value {
        let start = i
        var token = String.UnicodeScalarView()
        func isTokenCharacter(_ c: Unicode.Scalar) -> Bool {
            Self.isBareKeyCharacter(c) || c == "+" || c == "." || c == ":"
        }
        while let c = current, isTokenCharacter(c) {
            token.append(c)
            i += 1
        }
        // A date and a time may be separated by a space: "1979-05-27 07:32:00".
        if token.count == 10, current == " ", let d = peek(1), ("0"..."9").contains(d), TOMLLexicon.isDate(token) {
            token.append(" ")
            i += 1
            while let c = current, isTokenCharacter(c) {
                token.append(c)
                i += 1
            }
        }
        let text = String(token)
        if token.isEmpty { throw unexpected("a value") }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let n = TOMLLexicon.integer(text) {
            guard let value = n else { throw error("\(text) does not fit in 64 bits", at: start) }
            return .integer(value)
        }
        if let x = TOMLLexicon.float(text) { return .float(x) }
        if let d = TOMLLexicon.dateTime(text) {
            guard let valid = d else { throw error("\(text) is not a real date or time", at: start) }
            return .dateTime(valid)
        }
        let looksLikeTime = TOMLLexicon.isDate(Token(token.prefix(10))) || (token.count >= 3 && Array(token)[2] == ":")
        if looksLikeTime {
            throw error("\(text) is not a date or time as TOML writes them (1979-05-27, 07:32:00, 1979-05-27T07:32:00Z)", at: start)
        }
        throw error("\(text) is not a value (strings go in quotes; numbers, true, false, dates and times are written as TOML writes them)", at: start)
    }
}

extension String {
    /// "'x'" as "x".
    fileprivate var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count >= 3 ? String(dropFirst().dropLast()) : self
    }
}
