import Foundation
import FestivalCatalog

/// A programme spreadsheet saved as CSV: one row a screening. Columns are recognised by
/// their header in English or Chinese (`CSVImport.names`), or mapped with `--columns
/// title=Film,start=Showtime`; other columns are left out. Times have no zone in a CSV:
/// `--time-zone` gives it (required once a row has a time of day).
///
/// Values: a date `2030-06-01` or `2030/6/1`; a time `19:30` (or `7:30 PM`); a start
/// `2030-06-01 19:30` or `2030-06-01T19:30`; a duration in minutes (`105`, `105 min`,
/// `1:45`, `1h45`); directors separated by `;`, `、` or `/`; a status `sold out`/`售罄`,
/// `cancelled`/`取消`, `standby`/`候補`. A row that cannot be read is an error at its line,
/// column and header; with `keepGoing` it is left out and reported as a warning instead.
public enum CSVImport {
    public enum Field: String, CaseIterable, Sendable {
        case title, director, date, time, start, venue, duration, section, synopsis, country, status, url, id
    }

    /// Header names per field (compared folded: lower-cased, spaces and `_-` dropped).
    static let names: [Field: [String]] = [
        .title: ["title", "film", "filmtitle", "name", "movie", "片名", "影片", "標題", "名稱", "電影"],
        .director: ["director", "directors", "directedby", "導演"],
        .date: ["date", "day", "screeningdate", "日期"],
        .time: ["time", "starttime", "showtime", "時間", "開演", "開演時間", "場次時間"],
        .start: ["start", "starts", "datetime", "startdatetime", "開始"],
        .venue: ["venue", "location", "cinema", "theatre", "theater", "place", "screen", "場地", "地點", "影廳", "戲院"],
        .duration: ["duration", "runtime", "length", "minutes", "mins", "片長", "長度"],
        .section: ["section", "category", "programme", "program", "strand", "單元", "類別"],
        .synopsis: ["synopsis", "description", "summary", "簡介", "介紹", "內容"],
        .country: ["country", "countries", "國家", "國家/地區", "國家地區"],
        .status: ["status", "狀態"],
        .url: ["url", "link", "website", "網址", "連結"],
        .id: ["id", "screeningid", "uid", "code", "場次編號"],
    ]

    static func fold(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { !" _-\t".unicodeScalars.contains($0) })
    }

    /// The catalog, and the rows left out (with `keepGoing`) as warnings.
    public static func catalog(_ bytes: [UInt8], file: String, timeZone: String?, columns: [String: String] = [:],
                               keepGoing: Bool = false) throws(CatalogError) -> (catalog: Catalog, warnings: [CatalogIssue]) {
        var log = ImportLog(file: file)
        let table = CSVTable.parse(bytes, log: &log)
        guard let header = table.rows.first else {
            log.add(line: nil, "", "no header row")
            throw log.error
        }
        // Which column holds which field: --columns first, then the names.
        var column: [Field: Int] = [:]
        for (key, name) in columns.sorted(by: { $0.key < $1.key }) {
            guard let field = Field(rawValue: key) else {
                log.add(line: nil, "--columns", "\"\(key)\" is not a field (\(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            guard let i = header.fields.firstIndex(where: { fold($0) == fold(name) }) else {
                log.add(line: header.line, "--columns", "no column \"\(name)\" in the header")
                continue
            }
            column[field] = i
        }
        for (i, name) in header.fields.enumerated() where !column.values.contains(i) {
            if let field = Field.allCases.first(where: { column[$0] == nil && (names[$0] ?? []).map(fold).contains(fold(name)) }) { column[field] = i }
        }
        if column[.title] == nil { log.add(line: header.line, "", "no title column (name one with --columns title=HEADER)") }
        if column[.start] == nil && column[.date] == nil { log.add(line: header.line, "", "no date or start column (--columns date=HEADER)") }
        guard log.issues.isEmpty else { throw log.error }
        if let tz = timeZone, LocalTime.zone(tz) == nil {
            log.add(line: nil, "--time-zone", "unknown time zone \"\(tz)\"")
            throw log.error
        }
        var builder = CatalogBuilder(file: file, name: nil)
        builder.prefix = "csv-"
        var rowIssues: [CatalogIssue] = []
        for row in table.rows.dropFirst() {
            var rowLog = ImportLog(file: file)
            func value(_ f: Field) -> String? {
                guard let i = column[f], i < row.fields.count else { return nil }
                let v = row.fields[i].trimmed
                return v.isEmpty ? nil : v
            }
            func fail(_ f: Field, _ message: String) {
                rowLog.add(line: row.line, column: (column[f] ?? 0) + 1, header.fields[column[f] ?? 0], message)
            }
            let title = value(.title)
            if title == nil { fail(.title, "no title") }
            var start: LocalStart?
            if let s = value(.start) {
                start = dateTime(s)
                if start == nil { fail(.start, "\"\(s)\" is not a date and time (2030-06-01 19:30)") }
            } else if let d = value(.date) {
                if let day = date(d) {
                    start = day
                    if let t = value(.time) {
                        if let m = clock(t) { start = LocalStart(year: day.year, month: day.month, day: day.day, minute: m) }
                        else { fail(.time, "\"\(t)\" is not a time (19:30)") }
                    }
                } else {
                    fail(.date, "\"\(d)\" is not a date (2030-06-01)")
                }
            }
            var minutes: Int?
            if let d = value(.duration) {
                minutes = duration(d)
                if minutes == nil { fail(.duration, "\"\(d)\" is not a duration in minutes (105, 1:45)") }
            }
            var status = Screening.Status.scheduled
            if let s = value(.status) {
                switch fold(s) {
                case "soldout", "售罄", "full": status = .soldOut
                case "cancelled", "canceled", "取消", "已取消": status = .cancelled
                case "standby", "waitlist", "候補": status = .standby
                case "scheduled", "onsale", "", "照常": status = .scheduled
                default: fail(.status, "\"\(s)\" is not a status (scheduled, sold out, standby, cancelled)")
                }
            }
            var instant: Int?
            if let s = start, let m = s.minute {
                if let name = timeZone, let zone = LocalTime.zone(name) {
                    switch LocalTime.resolve(s, minute: m, in: zone) {
                    case .exact(let t), .ambiguous(earlier: let t, later: _): instant = t
                    case .skipped: fail(column[.start] != nil ? .start : .time, "\(s) does not exist in \(name) (the clocks skip it)")
                    }
                } else {
                    fail(column[.start] != nil ? .start : .time, "times in a CSV have no time zone: give --time-zone")
                }
            }
            guard rowLog.issues.isEmpty else {
                if keepGoing { rowIssues += rowLog.issues.map { var i = $0; i.message += " (row left out)"; return i }; continue }
                for issue in rowLog.issues { log.add(line: issue.line, column: issue.column, issue.path, issue.message) }
                continue
            }
            let directors = value(.director).map { $0.split(whereSeparator: { ";、/".contains($0) }).map { $0.trimmed }
                .filter { !$0.isEmpty } } ?? []
            builder.add(CatalogBuilder.Event(
                uid: value(.id), occurrence: nil,
                works: [CatalogBuilder.Work(title: title, description: { value(.synopsis) }, categories: value(.section).map { [$0] } ?? [],
                                            links: value(.url).map { [$0] } ?? [], people: directors, country: value(.country))],
                location: value(.venue), geo: nil, start: start, instant: instant,
                zone: start?.minute != nil ? timeZone : nil, minutes: minutes.flatMap { $0 <= Screening.maxDuration ? $0 : nil }, endDay: nil,
                status: status))
            if log.issues.count > 200 { break }
        }
        guard log.issues.isEmpty else { throw log.error }
        let catalog = try builder.validCatalog(log: &log)
        return (catalog, rowIssues + log.warnings)
    }

    static func date(_ s: String) -> LocalStart? {
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], y >= 1000 else { return nil }
        return LocalStart(year: y, month: m, day: d, minute: nil)
    }

    /// `19:30`, `9:05`, `7:30 PM`, `19時30分`.
    static func clock(_ s: String) -> Int? {
        var t = s.uppercased().replacingOccurrences(of: "時", with: ":").replacingOccurrences(of: "分", with: "")
        var pm = false, am = false
        if t.hasSuffix("PM") { pm = true; t = String(t.dropLast(2)) } else if t.hasSuffix("AM") { am = true; t = String(t.dropLast(2)) }
        let parts = t.trimmed.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, var h = Int(parts[0]), let m = Int(parts[1]), (0..<60).contains(m) else { return nil }
        if pm || am {
            guard (1...12).contains(h) else { return nil }
            h = h % 12 + (pm ? 12 : 0)
        }
        return (0..<24).contains(h) ? h * 60 + m : nil
    }

    static func dateTime(_ s: String) -> LocalStart? {
        let parts = s.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...3).contains(parts.count), let day = date(parts[0]) else { return nil }
        guard parts.count > 1 else { return day }
        guard let m = clock(parts.dropFirst().joined(separator: " ")) else { return nil }
        return LocalStart(year: day.year, month: day.month, day: day.day, minute: m)
    }

    /// `105`, `105 min`, `1:45`, `1h45`, `1h 45m`, `105分鐘`.
    static func duration(_ s: String) -> Int? {
        let t = s.lowercased().replacingOccurrences(of: " ", with: "")
        if let n = Int(t.replacingOccurrences(of: "minutes", with: "").replacingOccurrences(of: "mins", with: "")
            .replacingOccurrences(of: "min", with: "").replacingOccurrences(of: "分鐘", with: "")), n > 0 { return n }
        let hm = t.split(whereSeparator: { $0 == ":" || $0 == "h" }).map { String($0).replacingOccurrences(of: "m", with: "") }
        guard hm.count == 2, let h = Int(hm[0]), let m = hm[1].isEmpty ? 0 : Int(hm[1]), (0..<60).contains(m), h * 60 + m > 0 else { return nil }
        return h * 60 + m
    }
}
