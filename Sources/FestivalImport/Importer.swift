import FestivalCatalog

/// Foreign formats by their content, not their name: an `.ics` called `.txt` still opens.
public enum Importer {
    public enum Format: String, CaseIterable, Sendable {
        case ics, frab, jsonld, csv
    }

    /// The format the bytes are in; nil for festival's own JSON.
    public static func detect(_ bytes: [UInt8]) -> Format? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        let head = String(decoding: bytes[i..<min(bytes.count, i + 4_096)], as: UTF8.self)
        if head.uppercased().hasPrefix("BEGIN:VCALENDAR") { return .ics }
        if head.hasPrefix("<") {
            if head.contains("<schedule") { return .frab }
            return JSONLDImport.find(Array("application/ld+json".utf8), in: bytes, from: i) != nil ? .jsonld : nil
        }
        if head.hasPrefix("{") || head.hasPrefix("[") {
            if head.contains("\"schemaVersion\"") { return nil }
            if head.contains("\"@context\"") { return .jsonld }
            // frab's JSON is one object whose first member is "schedule" (pretalx and the
            // c3voc format put "$schema" first).
            let firstKey = head.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            if firstKey.hasPrefix("\"schedule\"") { return .frab }
            return firstKey.hasPrefix("\"$schema\"") && head.contains("\"schedule\"") ? .frab : nil
        }
        return head.contains(",") || head.contains(";") || head.contains("\t") ? .csv : nil
    }

    /// The catalog a foreign file makes, in `format` (else the one detected); nil when the
    /// bytes are festival's JSON. `timeZone` places floating times (see `ICSTimeZones`).
    public static func catalog(_ bytes: [UInt8], file: String, format: Format? = nil, timeZone: String? = nil) throws(CatalogError) -> Catalog? {
        try read(bytes, file: file, format: format, timeZone: timeZone)?.catalog
    }

    /// `catalog`, with a CSV's column mapping and `keepGoing` (see `CSVImport`), and the rows
    /// left out as warnings.
    public static func read(_ bytes: [UInt8], file: String, format: Format? = nil, timeZone: String? = nil,
                            columns: [String: String] = [:], keepGoing: Bool = false) throws(CatalogError) -> (catalog: Catalog, warnings: [CatalogIssue])? {
        guard let format = format ?? detect(bytes) else { return nil }
        if let bad = JSONParser.firstInvalidUTF8(bytes) {
            throw CatalogError([CatalogIssue(file: file, path: "", line: bad.line, column: bad.column, message: "not valid UTF-8 (byte offset \(bad.offset))")])
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        switch format {
        case .ics: return try ICSImport.catalog(body, file: file, timeZone: timeZone)
        case .csv: return try CSVImport.catalog(body, file: file, timeZone: timeZone, columns: columns, keepGoing: keepGoing)
        case .frab:
            let json = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }.map { $0 == UInt8(ascii: "{") } ?? false
            return json ? try FrabImport.catalog(json: body, file: file, timeZone: timeZone)
                        : try FrabImport.catalog(xml: body, file: file, timeZone: timeZone)
        case .jsonld: return try JSONLDImport.catalog(body, file: file, timeZone: timeZone)
        }
    }

    /// Registers the importer with every catalog load (`CatalogLoader.foreign`).
    public static func register(timeZone: String? = nil) {
        CatalogLoader.foreign.register({ bytes, file throws(CatalogError) in try catalog(bytes, file: file, timeZone: timeZone) },
                                       variant: timeZone.map { "time-zone=" + $0 } ?? "")
    }
}

extension Importer.Format {
    var name: String {
        switch self {
        case .ics: "an iCalendar file"
        case .frab: "a frab/Pentabarf schedule"
        case .jsonld: "schema.org JSON-LD"
        case .csv: "a CSV spreadsheet"
        }
    }
}
