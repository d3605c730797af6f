/// One content line of an iCalendar file (RFC 5545 §3.1), unfolded: `NAME;PARAM=a,"b":value`.
struct ICSLine: Sendable {
    /// Upper-cased.
    var name: String
    /// Parameter names upper-cased; values with their quotes removed.
    var params: [String: [String]]
    /// As written (text values still escaped).
    var value: String
    /// The line the content line starts on (1-based, before unfolding).
    var line: Int

    func param(_ name: String) -> String? { params[name]?.first }
}

/// Splits iCalendar bytes into content lines: an optional UTF-8 BOM, CRLF or LF line ends,
/// folded lines (a line starting with a space or tab continues the one before) joined.
enum ICSLines {
    /// The longest unfolded content line read (a longer one is an error, not a huge string).
    static let maxLine = 1 << 20

    static func parse(_ text: String, log: inout ImportLog) -> [ICSLine] {
        var out: [ICSLine] = []
        var current = "", start = 0, number = 0, currentSize = 0, tooLong = false
        func finish(_ log: inout ImportLog) {
            defer { current = ""; currentSize = 0; tooLong = false }
            guard !current.isEmpty else { return }
            if tooLong { log.add(line: start, "", "a content line longer than \(maxLine) bytes"); return }
            if let line = contentLine(current, start, &log) { out.append(line) }
        }
        // "\r\n" is one Character in Swift: split on it and on a lone "\n" alike.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var piece = raw
            if piece.hasSuffix("\r") { piece = piece.dropLast() }
            if let first = piece.first, first == " " || first == "\t", number > 1 {
                currentSize += piece.utf8.count - 1
                if currentSize > maxLine { tooLong = true } else { current += piece.dropFirst() }
                continue
            }
            finish(&log)
            start = number
            currentSize = piece.utf8.count
            if currentSize > maxLine { tooLong = true } else { current = String(piece) }
        }
        finish(&log)
        return out
    }

    /// `NAME *(;PARAM=VALUE[,VALUE]) : VALUE`, with DQUOTE'd parameter values.
    static func contentLine(_ text: String, _ line: Int, _ log: inout ImportLog) -> ICSLine? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "-"
        }
        while i < scalars.count, isNameChar(scalars[i]) { i += 1 }
        guard i > 0, i < scalars.count else {
            log.add(line: line, column: i + 1, "", "not a content line (NAME:value)")
            return nil
        }
        let name = String(String.UnicodeScalarView(scalars[0..<i])).uppercased()
        var params: [String: [String]] = [:]
        while i < scalars.count, scalars[i] == ";" {
            i += 1
            let nameStart = i
            while i < scalars.count, isNameChar(scalars[i]) { i += 1 }
            guard i > nameStart, i < scalars.count, scalars[i] == "=" else {
                log.add(line: line, column: i + 1, name, "a parameter needs NAME=value")
                return nil
            }
            let paramName = String(String.UnicodeScalarView(scalars[nameStart..<i])).uppercased()
            i += 1
            var values: [String] = []
            while true {
                var value = String.UnicodeScalarView()
                if i < scalars.count, scalars[i] == "\"" {
                    i += 1
                    while i < scalars.count, scalars[i] != "\"" { value.append(scalars[i]); i += 1 }
                    guard i < scalars.count else {
                        log.add(line: line, column: i + 1, name, "a quoted parameter value is not closed")
                        return nil
                    }
                    i += 1
                } else {
                    while i < scalars.count, scalars[i] != ";", scalars[i] != ":", scalars[i] != "," { value.append(scalars[i]); i += 1 }
                }
                values.append(String(value))
                guard i < scalars.count, scalars[i] == "," else { break }
                i += 1
            }
            params[paramName, default: []] += values
        }
        guard i < scalars.count, scalars[i] == ":" else {
            log.add(line: line, column: i + 1, name, "expected ':' before the value")
            return nil
        }
        return ICSLine(name: name, params: params, value: String(String.UnicodeScalarView(scalars[(i + 1)...])), line: line)
    }
}

/// A component (`BEGIN:NAME` … `END:NAME`) with its properties and the components inside it.
struct ICSComponent: Sendable {
    var name: String
    var line: Int
    var properties: [ICSLine] = []
    var children: [ICSComponent] = []

    func property(_ name: String) -> ICSLine? { properties.first { $0.name == name } }
    func all(_ name: String) -> [ICSLine] { properties.filter { $0.name == name } }

    /// The deepest nesting read (VCALENDAR › VEVENT › VALARM is three).
    static let maxDepth = 8

    /// The components of content lines, checked for matching BEGIN and END.
    static func tree(_ lines: [ICSLine], log: inout ImportLog) -> [ICSComponent] {
        var stack: [ICSComponent] = []
        var top: [ICSComponent] = []
        for line in lines {
            switch line.name {
            case "BEGIN":
                guard stack.count < maxDepth else {
                    log.add(line: line.line, "BEGIN", "components nested more than \(maxDepth) deep")
                    return top
                }
                stack.append(ICSComponent(name: line.value.uppercased(), line: line.line))
            case "END":
                guard let open = stack.popLast(), open.name == line.value.uppercased() else {
                    log.add(line: line.line, "END", "END:\(line.value) does not close the component open here")
                    return top
                }
                if stack.isEmpty { top.append(open) } else { stack[stack.count - 1].children.append(open) }
            default:
                guard !stack.isEmpty else {
                    log.add(line: line.line, line.name, "a property outside BEGIN:VCALENDAR")
                    continue
                }
                stack[stack.count - 1].properties.append(line)
            }
        }
        if let open = stack.last { log.add(line: open.line, "BEGIN", "BEGIN:\(open.name) is never closed") }
        return top
    }
}
