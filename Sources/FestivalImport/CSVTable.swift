/// A CSV file's rows (RFC 4180: quoted fields with `""`, CRLF or LF, a BOM), with the line
/// each row starts on; the delimiter is the first line's most frequent of `,` `;` and tab.
struct CSVTable {
    var rows: [(line: Int, fields: [String])] = []

    /// The most fields a row may hold, and the longest field (a broken quote must not make
    /// one field of the rest of a large file silently).
    static let maxFields = 1_000
    static let maxField = 1 << 20

    static func parse(_ bytes: [UInt8], log: inout ImportLog) -> CSVTable {
        var table = CSVTable()
        let delimiter = Self.delimiter(bytes)
        var fields: [String] = [], field: [UInt8] = [], quoted = false, line = 1, rowLine = 1, i = 0
        var tooLong = false
        func endField() {
            if field.count > maxField { tooLong = true }
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRow(_ log: inout ImportLog) {
            endField()
            if tooLong || fields.count > maxFields {
                log.add(line: rowLine, "", tooLong ? "a field longer than \(maxField) bytes" : "more than \(maxFields) fields")
            } else if !(fields.count == 1 && fields[0].isEmpty) {
                table.rows.append((rowLine, fields))
            }
            fields.removeAll(keepingCapacity: true)
            tooLong = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    quoted = false
                } else {
                    if b == 0x0A { line += 1 }
                    if field.count <= maxField { field.append(b) }
                }
            } else if b == 0x22 && field.isEmpty {
                quoted = true
            } else if b == delimiter {
                endField()
            } else if b == 0x0A || b == 0x0D {
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                endRow(&log)
                line += 1
                rowLine = line
            } else if field.count <= maxField {
                field.append(b)
            }
            i += 1
        }
        if quoted { log.add(line: rowLine, "", "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRow(&log) }
        return table
    }

    static func delimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for b in bytes.prefix(64 * 1_024) {
            if b == 0x22 { quoted.toggle() }
            if quoted { continue }
            if b == 0x0A { break }
            if counts[b] != nil { counts[b]! += 1 }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
    }
}
