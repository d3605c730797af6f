/// Guards TOMLKit's parser (toml++ 3.4), which aborts on some malformed files instead of
/// reporting an error (assertions compiled into it fail):
///
/// - a table header whose name starts with neither a bare-key character nor a quote
///   (`[é]`, `[=]`, `[.a]`, `[[ #]]`);
/// - an array element that starts with `}` (`down = ["j", }`);
/// - malformed dates and times (`1979-05-27T-07:32`), and possibly other unquoted values.
///
/// No setting takes a date, a time or a fraction, so every unquoted value but `true`,
/// `false` and a plain whole number is refused here. `neutralized` replaces the first
/// character of each such place with one toml++ rejects properly at the same position
/// (`]` or `,`), so the parse reports the file's first error, and `message(line:column:)`
/// words it when it is one of these. The scan reads statements as toml++ does (strings,
/// comments, arrays and inline tables across lines): wherever toml++ gets to such a
/// place, everything before it was valid TOML, which the scan reads correctly.
struct TOMLPrecheck {
    struct Site {
        var index: Int
        var position: TOMLLocator.Position
        var replacement: Unicode.Scalar
        var message: String
    }

    private(set) var sites: [Site] = []
    private let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        scan()
    }

    /// The text with every site's character replaced.
    var neutralized: String {
        var copy = scalars
        for site in sites { copy[site.index] = site.replacement }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: copy)
        return String(view)
    }

    /// What to say about a syntax error at `line:column`, when it is at a site.
    func message(line: Int, column: Int) -> String? {
        sites.first { $0.position.line == line && $0.position.column == column }?.message
    }

    private enum Mode { case key, value, afterValue }

    private mutating func scan() {
        let s = scalars
        var i = 0, line = 1, column = 1
        var stack: [Unicode.Scalar] = []    // open [ and { of values
        var mode = Mode.key
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func advance() {
            if s[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        func isBare(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
        }
        func isTerminator(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || c == "\r" || c == "\n" || c == "]" || c == "}" || c == "," || c == "#"
        }
        func site(_ replacement: Unicode.Scalar, _ message: String) {
            sites.append(Site(index: i, position: .init(line: line, column: column), replacement: replacement, message: message))
        }
        /// Skips the string that starts at `i`.
        func skipString() {
            let quote = s[i]
            let multi = at(i + 1) == quote && at(i + 2) == quote
            advance()
            if multi {
                advance(); advance()
                while i < s.count {
                    if s[i] == quote && at(i + 1) == quote && at(i + 2) == quote {
                        advance(); advance(); advance()
                        while i < s.count && s[i] == quote { advance() }
                        return
                    }
                    if quote == "\"" && s[i] == "\\" && i + 1 < s.count { advance() }
                    advance()
                }
                return
            }
            while i < s.count && s[i] != "\n" {
                if s[i] == quote { advance(); return }
                if quote == "\"" && s[i] == "\\" && i + 1 < s.count && s[i + 1] != "\n" { advance() }
                advance()
            }
        }
        /// `true`, `false`, or a decimal integer as TOML writes it (`0`, `-12`, `1_000`).
        func plainValue(_ token: [Unicode.Scalar]) -> Bool {
            if token == Array("true".unicodeScalars) || token == Array("false".unicodeScalars) { return true }
            var digits = token[...]
            if let sign = digits.first, sign == "+" || sign == "-" { digits = digits.dropFirst() }
            guard let first = digits.first, ("0"..."9").contains(first) else { return false }
            if first == "0" { return digits.count == 1 }
            var previousUnderscore = false
            for c in digits {
                if c == "_" {
                    if previousUnderscore { return false }
                    previousUnderscore = true
                } else if ("0"..."9").contains(c) {
                    previousUnderscore = false
                } else {
                    return false
                }
            }
            return !previousUnderscore
        }
        /// After a value or a closing bracket: what is open decides what comes next.
        func afterComma() -> Mode { stack.last == "{" ? .key : .value }

        while i < s.count {
            let c = s[i]
            if c == "\n" {
                advance()
                if stack.isEmpty { mode = .key }
                continue
            }
            if c == " " || c == "\t" || c == "\r" { advance(); continue }
            if c == "#" {
                while i < s.count && s[i] != "\n" { advance() }
                continue
            }
            switch mode {
            case .key:
                if stack.isEmpty && c == "[" {
                    // A table header: [name] or [[name]].
                    advance()
                    if at(i) == "[" { advance() }
                    while let d = at(i), d == " " || d == "\t" { advance() }
                    guard let d = at(i) else { return }
                    if !(isBare(d) || d == "\"" || d == "'" || d == "]") {
                        site("]", "TOML syntax: expected a table name after '['")
                    }
                    while let d = at(i), d != "\n", d != "#" {
                        if d == "\"" || d == "'" { skipString() } else { advance() }
                    }
                    mode = .afterValue
                } else if c == "\"" || c == "'" {
                    skipString()
                } else if c == "=" {
                    advance()
                    mode = .value
                } else if c == "}" && stack.last == "{" {
                    stack.removeLast()
                    advance()
                    mode = .afterValue
                } else {
                    advance()
                }
            case .value:
                switch c {
                case "\"", "'":
                    skipString()
                    mode = .afterValue
                case "[":
                    stack.append(c)
                    advance()
                case "{":
                    stack.append(c)
                    advance()
                    mode = .key
                case "]":
                    _ = stack.popLast()
                    advance()
                    mode = .afterValue
                case "}":
                    if stack.last == "[" { site(",", "TOML syntax: expected a value or closing ']', saw '}'") }
                    _ = stack.popLast()
                    advance()
                    mode = .afterValue
                case ",":
                    advance()
                default:
                    let start = (index: i, line: line, column: column)
                    var token: [Unicode.Scalar] = []
                    while let d = at(i), !isTerminator(d) {
                        token.append(d)
                        advance()
                    }
                    if !plainValue(token) {
                        var shown = String.UnicodeScalarView()
                        shown.append(contentsOf: token.prefix(40))
                        sites.append(Site(index: start.index, position: .init(line: start.line, column: start.column), replacement: ",",
                                          message: "no setting takes the value \(String(shown)) (use \"text\" in quotes, a whole number, true or false)"))
                    }
                    mode = .afterValue
                }
            case .afterValue:
                switch c {
                case ",":
                    advance()
                    mode = afterComma()
                case "]", "}":
                    _ = stack.popLast()
                    advance()
                default:
                    advance()
                }
            }
        }
    }
}
