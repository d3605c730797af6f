/// The spelling of TOML's integers, floats, dates and times: whether a token is one, and
/// its value.
enum TOMLLexicon {
    typealias Token = String.UnicodeScalarView

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// Digits of `digit` with single underscores between them (`1_000`), none at either end.
    static func digits(_ s: Substring.UnicodeScalarView, _ digit: (Unicode.Scalar) -> Bool) -> String? {
        guard let first = s.first, let last = s.last, digit(first), digit(last) else { return nil }
        var out = "", previousUnderscore = false
        for c in s {
            if c == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
            } else if digit(c) {
                previousUnderscore = false
                out.unicodeScalars.append(c)
            } else {
                return nil
            }
        }
        return out
    }

    /// nil: not an integer; .some(nil): an integer that does not fit in 64 bits.
    static func integer(_ text: String) -> Int64?? {
        let s = Substring(text).unicodeScalars
        for (prefix, radix, digit) in [("0x", 16, { (c: Unicode.Scalar) in TOMLParser.hexDigit(c) != nil }),
                                       ("0o", 8, { ("0"..."7").contains($0) }), ("0b", 2, { $0 == "0" || $0 == "1" })]
        where text.hasPrefix(prefix) {
            guard let d = digits(s.dropFirst(2), digit) else { return nil }
            return .some(Int64(d, radix: radix))
        }
        var body = s[...]
        var sign = ""
        if let c = body.first, c == "+" || c == "-" {
            sign = c == "-" ? "-" : ""
            body = body.dropFirst()
        }
        guard let d = digits(body, isDigit), !(d.count > 1 && d.hasPrefix("0")) else { return nil }
        return .some(Int64(sign + d))
    }

    /// A decimal float (`3.14`, `-1e-3`, `6.0E+2`), `inf` or `nan` with an optional sign.
    static func float(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if let c = body.first, c == "+" || c == "-" {
            negative = c == "-"
            body = body.dropFirst()
        }
        if body == "inf" { return negative ? -.infinity : .infinity }
        if body == "nan" { return .nan }
        let exponentAt = body.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = body[..<(exponentAt ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: ".")
        guard dot != nil || exponentAt != nil else { return nil }
        guard let whole = digits(Substring(mantissa[..<(dot ?? mantissa.endIndex)]).unicodeScalars, isDigit),
              !(whole.count > 1 && whole.hasPrefix("0")) else { return nil }
        var literal = (negative ? "-" : "") + whole
        if let dot {
            guard let fraction = digits(Substring(mantissa[mantissa.index(after: dot)...]).unicodeScalars, isDigit) else { return nil }
            literal += "." + fraction
        }
        if let exponentAt {
            var exponent = body[body.index(after: exponentAt)...]
            var sign = ""
            if let c = exponent.first, c == "+" || c == "-" {
                sign = String(c)
                exponent = exponent.dropFirst()
            }
            guard let e = digits(Substring(exponent).unicodeScalars, isDigit) else { return nil }
            literal += "e" + sign + e
        }
        return Double(literal)
    }

    // MARK: - Dates and times

    /// `YYYY-MM-DD` in form (not checked as a date).
    static func isDate(_ token: Token) -> Bool {
        let s = Array(token)
        return s.count == 10 && s[4] == "-" && s[7] == "-" && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { isDigit(s[$0]) }
    }

    /// nil: not a date or time; .some(nil): one in form whose values are impossible.
    static func dateTime(_ text: String) -> TOMLDateTime?? {
        let s = Array(text.unicodeScalars)
        var date: (year: Int, month: Int, day: Int)?
        var rest = s[...]
        if s.count >= 10, isDate(Token(s[0..<10])) {
            date = (number(s[0..<4]), number(s[5..<7]), number(s[8..<10]))
            rest = s[10...]
            if rest.isEmpty {
                guard valid(date!) else { return .some(nil) }
                return .some(TOMLDateTime(kind: .localDate, text: text))
            }
            guard let sep = rest.first, sep == "T" || sep == "t" || sep == " " else { return nil }
            rest = rest.dropFirst()
        }
        // HH:MM, then :SS and .fraction (seconds are optional in TOML 1.1).
        guard rest.count >= 5, isDigit(rest[rest.startIndex]), isDigit(rest[rest.startIndex + 1]),
              rest[rest.startIndex + 2] == ":", isDigit(rest[rest.startIndex + 3]), isDigit(rest[rest.startIndex + 4]) else { return nil }
        let hour = number(rest.prefix(2)), minute = number(rest.dropFirst(3).prefix(2))
        rest = rest.dropFirst(5)
        var second = 0, fraction = ""
        if rest.first == ":" {
            rest = rest.dropFirst()
            guard rest.count >= 2, isDigit(rest[rest.startIndex]), isDigit(rest[rest.startIndex + 1]) else { return nil }
            second = number(rest.prefix(2))
            rest = rest.dropFirst(2)
            if rest.first == "." {
                rest = rest.dropFirst()
                let digits = rest.prefix { isDigit($0) }
                guard !digits.isEmpty else { return nil }
                fraction = "." + String(String.UnicodeScalarView(digits))
                rest = rest.dropFirst(digits.count)
            }
        }
        var offset = ""
        var offsetValid = true
        if let c = rest.first {
            guard date != nil else { return nil }   // a time alone has no offset
            if c == "Z" || c == "z" {
                guard rest.count == 1 else { return nil }
                offset = "Z"
            } else if c == "+" || c == "-" {
                let o = Array(rest.dropFirst())
                guard o.count == 5, isDigit(o[0]), isDigit(o[1]), o[2] == ":", isDigit(o[3]), isDigit(o[4]) else { return nil }
                offsetValid = number(o[0..<2]) <= 23 && number(o[3..<5]) <= 59
                offset = String(c) + String(String.UnicodeScalarView(o))
            } else {
                return nil
            }
        }
        guard hour <= 23, minute <= 59, second <= 60, offsetValid, date.map(valid) != false else { return .some(nil) }
        let time = two(hour) + ":" + two(minute) + ":" + two(second) + fraction
        guard let date else { return .some(TOMLDateTime(kind: .localTime, text: time)) }
        let year = String(date.year)
        let day = String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(date.month) + "-" + two(date.day)
        return .some(TOMLDateTime(kind: offset.isEmpty ? .localDateTime : .offsetDateTime, text: day + "T" + time + offset))
    }

    static func number(_ s: some Sequence<Unicode.Scalar>) -> Int {
        s.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func valid(_ d: (year: Int, month: Int, day: Int)) -> Bool {
        guard (1...12).contains(d.month), d.day >= 1 else { return false }
        let leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1]
        return d.day <= days
    }
}

