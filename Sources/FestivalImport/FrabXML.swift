import FestivalCatalog
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a frab `schedule.xml` with Foundation's `XMLParser` (libxml2), hardened:
///
/// - a document type with its own declarations (`<!DOCTYPE x [ … ]>`, where entities and
///   their bombs live) is refused before parsing, with its line and column;
/// - external entities and DTDs are never loaded (`shouldResolveExternalEntities` off; an
///   external DTD is ignored, and an entity it would declare is an error);
/// - libxml2 itself refuses entity loops and amplification and nests at most 256 deep.
enum FrabXML {
    /// Reads the schedule into `assembler`; false (with the problem in `log`) when it is
    /// refused or not well-formed.
    static func read(_ bytes: [UInt8], into assembler: inout FrabImport.Assembler, log: inout ImportLog) -> Bool {
        // libxml2 would decode another encoding the declaration names (UTF-7, UTF-16…) past the
        // checks below, which read the bytes as UTF-8.
        if let encoding = declaredEncoding(bytes), !["utf-8", "utf8"].contains(encoding.lowercased()) {
            log.add(line: 1, "XML", "the document says it is in \(encoding); festival reads XML in UTF-8 only")
            return false
        }
        if bytes.contains(0) {
            log.add(line: nil, "XML", "a NUL byte: not UTF-8 XML (UTF-16?); festival reads XML in UTF-8 only")
            return false
        }
        if let (line, column) = internalSubset(bytes) {
            log.add(line: line, column: column, "DOCTYPE",
                    "the document declares its own entities or DTD (<!DOCTYPE … [ … ]>), which festival does not read")
            return false
        }
        let reader = Reader(assembler: assembler, log: log)
        // Parsed where the bytes lie (no copy into a Data of their own), as a stream: given
        // whole, libxml2 refuses a document over 10 MB ("huge input lookup").
        let (ok, error, line, column) = bytes.withUnsafeBufferPointer { buffer in
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!),
                            count: buffer.count, deallocator: .none)
            let parser = XMLParser(stream: InputStream(data: data))
            parser.shouldResolveExternalEntities = false
            parser.shouldProcessNamespaces = false
            parser.delegate = reader
            let ok = parser.parse()
            return (ok, parser.parserError, parser.lineNumber, parser.columnNumber)
        }
        assembler = reader.assembler
        log = reader.log
        if let message = reader.refusal {
            log.add(line: reader.refusalLine, "XML", message)
            return false
        }
        if !ok || error != nil {
            let code = (error as NSError?)?.code ?? 0
            log.add(line: line, column: column, "XML", "not well-formed XML (libxml2 error \(code)\(code == 89 ? ": entity loop or expansion" : ""))")
            return false
        }
        guard reader.sawSchedule else {
            log.add(line: nil, "XML", "no <schedule> element: not a frab schedule")
            return false
        }
        return true
    }

    /// Where a `<!DOCTYPE` with an internal subset starts (1-based line and column), if the
    /// prolog has one.
    static func internalSubset(_ b: [UInt8]) -> (Int, Int)? {
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func at(_ s: String) -> Bool { b[i...].starts(with: Array(s.utf8)) }
        func skip(past end: String) { let e = Array(end.utf8); while i < b.count, !b[i...].starts(with: e) { i += 1 }; i += e.count }
        while i < b.count {
            if [0x20, 0x09, 0x0A, 0x0D].contains(b[i]) { i += 1 }
            else if at("<?") { skip(past: "?>") }
            else if at("<!--") { skip(past: "-->") }
            else if at("<!DOCTYPE") || at("<!doctype") {
                let start = i
                var quote: UInt8?
                while i < b.count {
                    let c = b[i]
                    if let q = quote { if c == q { quote = nil } }
                    else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c }
                    else if c == UInt8(ascii: "[") { return position(start, in: b) }
                    else if c == UInt8(ascii: ">") { break }
                    i += 1
                }
                return nil
            } else {
                return nil
            }
        }
        return nil
    }

    /// The `encoding` of the XML declaration, if there is one.
    static func declaredEncoding(_ b: [UInt8]) -> String? {
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < b.count, [0x20, 0x09, 0x0A, 0x0D].contains(b[i]) { i += 1 }
        guard b[i...].starts(with: Array("<?xml".utf8)), let end = b[i...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let decl = String(decoding: b[i...end], as: UTF8.self)
        guard let range = decl.range(of: "encoding") else { return nil }
        let rest = decl[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    static func position(_ offset: Int, in b: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for (j, c) in b[..<offset].enumerated() where c == 0x0A { line += 1; lineStart = j + 1 }
        return (line, String(decoding: b[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1)
    }

    /// The SAX side: fills a schedule as elements end.
    final class Reader: NSObject, XMLParserDelegate {
        var assembler: FrabImport.Assembler
        var log: ImportLog
        var sawSchedule = false
        var refusal: String?, refusalLine: Int?
        private var path: [String] = []
        /// The text of each open element (a child's is added to its parent's when it ends).
        private var texts: [String] = []
        private var event: FrabImport.Event?
        private var dayDate: String?, dayStart: String?, room: String?
        private var linkHref: String?
        /// The most text one element may hold (a description of 1 MB is already absurd).
        static let maxText = 1 << 20

        init(assembler: FrabImport.Assembler, log: ImportLog) {
            self.assembler = assembler
            self.log = log
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            path.append(name)
            texts.append("")
            switch name {
            case "schedule" where path.count == 1: sawSchedule = true
            case "day": dayDate = attributes["date"]; dayStart = attributes["start"]
            case "room" where event == nil: room = attributes["name"]
            case "event":
                var e = FrabImport.Event(line: parser.lineNumber)
                e.dayDate = dayDate
                e.dayStart = dayStart
                e.room = room
                if let guid = attributes["guid"] { e.fields["guid"] = guid }
                if let id = attributes["id"] { e.fields["id"] = id }
                event = e
            case "link": linkHref = attributes["href"]
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { append(string, parser) }

        func parser(_ parser: XMLParser, foundCDATA data: Data) { append(String(decoding: data, as: UTF8.self), parser) }

        private func append(_ s: String, _ parser: XMLParser) {
            guard !texts.isEmpty else { return }
            guard texts[texts.count - 1].utf8.count + s.utf8.count <= Self.maxText else {
                if refusal == nil { refusal = "an element holds more than 1 MB of text"; refusalLine = parser.lineNumber; parser.abortParsing() }
                return
            }
            texts[texts.count - 1] += s
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let text = texts.popLast() ?? ""
            let parent = path.count >= 2 ? path[path.count - 2] : ""
            defer {
                path.removeLast()
                // Markup inside an event's field (HTML written as elements) keeps its text.
                if event != nil, name != "event", parent != "event", !texts.isEmpty,
                   texts[texts.count - 1].utf8.count + text.utf8.count <= Self.maxText { texts[texts.count - 1] += text }
            }
            if name == "event", let e = event {
                event = nil
                assembler.add(e, log: &log)
            } else if event != nil {
                switch (parent, name) {
                case ("event", _): if FrabImport.Event.read.contains(name), event!.fields[name] == nil { event!.fields[name] = text }
                case ("persons", "person"):
                    let person = text.trimmed
                    if !person.isEmpty { event!.persons.append(person) }
                case ("links", "link"): if let href = linkHref { event!.links.append(href.trimmed) }
                default: break
                }
            } else if parent == "conference" {
                let value = text.trimmed
                switch name {
                case "title": assembler.conference.title = value
                case "acronym": assembler.conference.acronym = value
                case "time_zone_name": assembler.conference.timeZoneName = value
                case "url", "base_url": if assembler.conference.url == nil { assembler.conference.url = value }
                default: break
                }
            } else if name == "day" {
                dayDate = nil; dayStart = nil
            } else if name == "room" {
                room = nil
            }
        }
    }
}

extension FrabImport {
    /// The catalog of a `schedule.xml`.
    static func catalog(xml bytes: [UInt8], file: String, timeZone: String?) throws(CatalogError) -> (catalog: Catalog, warnings: [CatalogIssue]) {
        var log = ImportLog(file: file)
        var assembler = Assembler(file: file, timeZone: timeZone, log: &log)
        guard FrabXML.read(bytes, into: &assembler, log: &log) else { throw log.error }
        return try assembler.finish(log: &log)
    }
}
