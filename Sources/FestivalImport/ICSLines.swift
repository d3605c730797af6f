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

    /// Works on the UTF-8 bytes (every delimiter is ASCII), making one String a value.
    static func parse(_ bytes: [UInt8], log: inout ImportLog) -> [ICSLine] {
        var out: [ICSLine] = []
        parse(bytes, log: &log) { line, _ in out.append(line); return true }
        return out
    }

    /// Each content line in turn, as it is read (none kept); `each` returns false to stop.
    static func parse(_ bytes: [UInt8], log: inout ImportLog, _ each: (ICSLine, inout ImportLog) -> Bool) {
        var current: [UInt8] = [], start = 0, number = 0, tooLong = false, going = true
        func finish(_ log: inout ImportLog) {
            defer { current.removeAll(keepingCapacity: true); tooLong = false }
            guard !current.isEmpty, going else { return }
            if tooLong { log.add(line: start, "", "a content line longer than \(maxLine) bytes"); return }
            if let line = contentLine(current, start, &log) { going = each(line, &log) }
        }
        var i = 0
        let n = bytes.count
        while i < n, going {
            var end = i
            while end < n, bytes[end] != 0x0A { end += 1 }
            number += 1
            var stop = end
            if stop > i, bytes[stop - 1] == 0x0D { stop -= 1 }
            if stop > i, bytes[i] == 0x20 || bytes[i] == 0x09, number > 1 {
                if current.count + stop - i - 1 > maxLine { tooLong = true } else { current += bytes[(i + 1)..<stop] }
            } else {
                finish(&log)
                start = number
                if stop - i > maxLine { tooLong = true } else { current += bytes[i..<stop] }
            }
            i = end + 1
        }
        finish(&log)
    }

    /// `NAME *(;PARAM=VALUE[,VALUE]) : VALUE`, with DQUOTE'd parameter values.
    static func contentLine(_ b: [UInt8], _ line: Int, _ log: inout ImportLog) -> ICSLine? {
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D
        }
        func string(_ range: Range<Int>) -> String { String(decoding: b[range], as: UTF8.self) }
        var i = 0
        while i < b.count, isNameByte(b[i]) { i += 1 }
        guard i > 0, i < b.count else {
            log.add(line: line, column: i + 1, "", "not a content line (NAME:value)")
            return nil
        }
        let name = string(0..<i).uppercased()
        var params: [String: [String]] = [:]
        while i < b.count, b[i] == 0x3B {
            i += 1
            let nameStart = i
            while i < b.count, isNameByte(b[i]) { i += 1 }
            guard i > nameStart, i < b.count, b[i] == 0x3D else {
                log.add(line: line, column: i + 1, name, "a parameter needs NAME=value")
                return nil
            }
            let paramName = string(nameStart..<i).uppercased()
            i += 1
            var values: [String] = []
            while true {
                if i < b.count, b[i] == 0x22 {
                    let from = i + 1
                    i = from
                    while i < b.count, b[i] != 0x22 { i += 1 }
                    guard i < b.count else {
                        log.add(line: line, column: i + 1, name, "a quoted parameter value is not closed")
                        return nil
                    }
                    values.append(string(from..<i))
                    i += 1
                } else {
                    let from = i
                    while i < b.count, b[i] != 0x3B, b[i] != 0x3A, b[i] != 0x2C { i += 1 }
                    values.append(string(from..<i))
                }
                guard i < b.count, b[i] == 0x2C else { break }
                i += 1
            }
            params[paramName, default: []] += values
        }
        guard i < b.count, b[i] == 0x3A else {
            log.add(line: line, column: i + 1, name, "expected ':' before the value")
            return nil
        }
        return ICSLine(name: name, params: params, value: string((i + 1)..<b.count), line: line)
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

    /// The properties festival reads; the others (DTSTAMP, Outlook's X-ALT-DESC, …) are not kept.
    static let read: Set<String> = ["UID", "SUMMARY", "DESCRIPTION", "CATEGORIES", "URL", "LOCATION", "GEO", "STATUS",
                                    "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID",
                                    "TZID", "TZOFFSETFROM", "TZOFFSETTO", "X-WR-CALNAME", "X-WR-TIMEZONE"]

    /// The deepest nesting read (VCALENDAR › VEVENT › VALARM is three).
    static let maxDepth = 8

    /// The components of an iCalendar file's content lines, checked for matching BEGIN and
    /// END, built as the lines are read (the lines are never all held at once).
    static func tree(_ bytes: [UInt8], log: inout ImportLog) -> [ICSComponent] {
        var stack: [ICSComponent] = []
        var top: [ICSComponent] = []
        ICSLines.parse(bytes, log: &log) { line, log in
            switch line.name {
            case "BEGIN":
                guard stack.count < maxDepth else {
                    log.add(line: line.line, "BEGIN", "components nested more than \(maxDepth) deep")
                    stack = []
                    return false
                }
                stack.append(ICSComponent(name: line.value.uppercased(), line: line.line))
            case "END":
                guard let open = stack.popLast(), open.name == line.value.uppercased() else {
                    log.add(line: line.line, "END", "END:\(line.value) does not close the component open here")
                    stack = []
                    return false
                }
                if stack.isEmpty { top.append(open) } else { stack[stack.count - 1].children.append(open) }
            default:
                guard !stack.isEmpty else {
                    log.add(line: line.line, line.name, "a property outside BEGIN:VCALENDAR")
                    return true
                }
                if read.contains(line.name) { stack[stack.count - 1].properties.append(line) }
            }
            return true
        }
        if let open = stack.last { log.add(line: open.line, "BEGIN", "BEGIN:\(open.name) is never closed") }
        return top
    }
}
