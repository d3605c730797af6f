import FestivalCatalog
import Foundation
import Testing
@testable import FestivalImport

/// frab schedules, XML and JSON: the fixture (written for these tests) crosses the night
/// Berlin's clocks go back, has an event after midnight listed under the day before, a
/// talk with two speakers, the same film twice, HTML escaped and in CDATA, Chinese and
/// emoji, a bidi control and a C1 control, and a `javascript:` link.
@Suite struct FrabImportTests {
    static func read(_ name: String, timeZone: String? = nil) throws -> (catalog: Catalog, warnings: [CatalogIssue]) {
        try #require(try Importer.read(try CSVImportTests.bytes(name), file: name, timeZone: timeZone))
    }

    static func read(text: String, file: String = "s.xml", timeZone: String? = nil) throws(CatalogError) -> Catalog? {
        try Importer.catalog(Array(text.utf8), file: file, timeZone: timeZone)
    }

    @Test func aScheduleBecomesTalksRoomsAndScreeningsInItsZone() throws {
        let (c, warnings) = try Self.read("northern-frames.xml")
        #expect(c.id == "frab-nff30" && c.festival.name.en == "Northern Frames Film Week 2030" && c.festival.shortName == "nff30")
        #expect(c.films.count == 5 && c.screenings.count == 6 && c.venues.map(\.id) == ["venue-kino-eins", "venue-studio-b"])
        #expect(c.venues.allSatisfy { $0.timeZone == "Europe/Berlin" })
        let salt = try #require(c.film("the-salt-road"))
        #expect(salt.directors == ["person-ines-varga", "person-tomasz-lind"])
        #expect(c.person("person-ines-varga")?.roles == [.speaker])
        #expect(salt.synopsis?.en == "Opening night\n\nA caravan crosses a dry lake.\n\nTwo sisters drive a truck of salt across a lake that has no water left.\n\nWith a Q&A.")
        #expect(salt.links.map(\.url) == ["https://northern-frames.example/2030/events/101.html", "https://northern-frames.example/2030/films/salt-road"])
        #expect(c.film("winter-archive")?.links.isEmpty == true, "a javascript: link is dropped")
        #expect(c.film("night-shorts")?.synopsis?.en == "Five short films after midnight. Bring a coat.")
        #expect(c.film("night-shorts")?.title.zhHant == "Night Shorts: 夜行 🌙")
        // 19:30 at +02:00; the 01:00 event with no <date> is the next morning; 11:00 after the change is at +01:00.
        #expect(ICSImportTests.instant(c, "The Salt Road") == [ICSImportTests.utc(2030, 10, 25, 17, 30), ICSImportTests.utc(2030, 10, 26, 19, 0)])
        #expect(ICSImportTests.instant(c, "Night Shorts: 夜行 🌙") == [ICSImportTests.utc(2030, 10, 25, 23, 0)])
        #expect(ICSImportTests.instant(c, "Winter Archive") == [ICSImportTests.utc(2030, 10, 27, 10, 0)])
        #expect(c.screenings.first { $0.films == ["making-films-with-machines"] }?.labels == ["lecture"])
        #expect(c.screenings.first { $0.films == ["winter-archive"] }?.duration == 130)
        // 02:30+01:00 is the second 02:30 of the night: the format can name only the first, and says so.
        #expect(warnings.count == 1 && warnings[0].line == 84 && warnings[0].message.contains("happens twice"))
        #expect(c.integrityProblem() == nil)
    }

    @Test func theJSONTwinGivesTheSameCatalog() throws {
        let xml = try Self.read("northern-frames.xml").catalog, json = try Self.read("northern-frames.json").catalog
        #expect(xml.films == json.films && xml.screenings == json.screenings && xml.venues == json.venues && xml.people == json.people)
    }

    @Test func idsStayWhenANewerVersionAddsAnEvent() throws {
        let text = String(decoding: try CSVImportTests.bytes("northern-frames.xml"), as: UTF8.self)
        let added = text.replacingOccurrences(of: "<room name=\"Studio B\" guid=\"5d1c1a7e-0000-4000-8000-000000000002\">", with: """
        <room name="Studio B" guid="5d1c1a7e-0000-4000-8000-000000000002">
        <event guid="aa" id="900"><date>2030-10-25T10:00:00+02:00</date><start>10:00</start><duration>00:30</duration><room>Studio B</room><title>A Salt Road</title></event>
        """)
        let before = try Self.read("northern-frames.xml").catalog, after = try #require(try Self.read(text: added))
        #expect(Set(before.screenings.map(\.id)).isSubset(of: Set(after.screenings.map(\.id))))
        #expect(Set(before.films.map(\.id)).isSubset(of: Set(after.films.map(\.id))))
    }

    @Test func aScheduleOverTenMegabytesIsRead() throws {
        // libxml2 refuses a document over 10 MB given to it whole; festival streams it.
        var xml = "<schedule><conference><title>Big</title><time_zone_name>UTC</time_zone_name></conference><day date=\"2030-01-01\"><room name=\"R\">\n"
        let abstract = String(repeating: "A long abstract. ", count: 40)
        for i in 0..<16_000 {
            xml += "<event guid=\"g\(i)\"><date>2030-01-01T10:00:00Z</date><duration>00:30</duration><title>Talk \(i % 500)</title><abstract>\(abstract)</abstract></event>\n"
        }
        xml += "</room></day></schedule>\n"
        #expect(xml.utf8.count > 10 << 20)
        let c = try #require(try Self.read(text: xml))
        #expect(c.screenings.count == 16_000 && c.films.count == 500)
    }

    @Test func entityBombsAndExternalEntitiesAreRefused() throws {
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE s [\n <!ENTITY a \"lollollollol\">\n"
        var prev = "a"
        for i in 1...12 { lol += " <!ENTITY e\(i) \"\(String(repeating: "&\(prev);", count: 10))\">\n"; prev = "e\(i)" }
        lol += "]>\n<schedule><conference><title>&\(prev);</title></conference></schedule>\n"
        let start = ContinuousClock.now
        do { _ = try Self.read(text: lol); Issue.record("a billion laughs was read") } catch {
            #expect(error.issues.first?.line == 2 && error.issues.first?.column == 1 && error.issues.first?.message.contains("declares its own entities") == true)
        }
        #expect(ContinuousClock.now - start < .seconds(5), "refused before any expansion")
        // An external entity naming a file, and an external DTD: neither is read.
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-xxe-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appending(path: "secret.txt"), dtd = dir.appending(path: "ext.dtd")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        try "<!ENTITY leak SYSTEM \"\(secret.path)\">".write(to: dtd, atomically: true, encoding: .utf8)
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM \"\(secret.absoluteString)\">]>\n<schedule><conference><title>&x;</title></conference></schedule>"
        #expect(throws: CatalogError.self) { try Self.read(text: xxe) }
        let external = """
        <?xml version="1.0"?>
        <!DOCTYPE schedule SYSTEM "\(dtd.absoluteString)">
        <schedule><conference><title>T &leak;</title><time_zone_name>UTC</time_zone_name></conference>
        <day date="2030-01-01"><room name="R"><event guid="g"><date>2030-01-01T10:00:00Z</date><title>&leak;</title></event></room></day></schedule>
        """
        do {
            let c = try Self.read(text: external)
            #expect(c.map { "\($0)" }?.contains("TOP-SECRET") != true)
        } catch {
            #expect(!"\(error)".contains("TOP-SECRET"))
        }
    }

    @Test func brokenSchedulesGiveLocatedErrors() throws {
        func message(_ text: String, timeZone: String? = nil) -> String {
            do { _ = try Self.read(text: text, timeZone: timeZone); return "" } catch { return error.issues.map(\.description).joined(separator: "\n") }
        }
        #expect(message("<schedule><day><room name=\"R\"><event><title>x</title></room></day></schedule>").contains("s.xml:1:"))
        let noZone = "<schedule><conference><title>T</title></conference><day date=\"2030-01-01\"><room name=\"R\"><event guid=\"g\"><start>10:00</start><title>x</title></event></room></day></schedule>"
        #expect(message(noZone).contains("give --time-zone"))
        #expect(message(noZone, timeZone: "Asia/Taipei").isEmpty)
        let badDate = "<schedule>\n<day date=\"2030-01-01\"><room name=\"R\">\n<event guid=\"g\"><date>yesterday</date><duration>1:xx</duration><title>x</title></event></room></day></schedule>"
        let m = message(badDate)
        #expect(m.contains("s.xml:3: event.date: \"yesterday\" is not an ISO 8601 date-time"), "\(m)")
        let mars = try Importer.read(Array("<schedule><conference><time_zone_name>Mars/Olympus</time_zone_name></conference></schedule>".utf8), file: "s.xml")
        #expect(mars?.warnings.map(\.message) == ["\"Mars/Olympus\" is not a time zone this system knows; it is not used"])
        #expect(message("{\"schedule\": {\"conference\": {\"title\": \"T\", \"days\": [{\"date\": \"2030-01-01\", \"rooms\": {\"R\": [3]}}]}}}", ).isEmpty == false)
    }

    @Test func detectedByContent() throws {
        #expect(Importer.detect(Array("\u{FEFF}<?xml version=\"1.0\"?>\n<schedule>".utf8)) == .frab)
        #expect(Importer.detect(Array("{\"schedule\": {\"conference\": {}}}".utf8)) == .frab)
        // pretalx and the c3voc schema put "$schema" first.
        #expect(Importer.detect(Array("{\"$schema\": \"https://c3voc.de/schedule/schema.json\", \"generator\": {}, \"schedule\": {}}".utf8)) == .frab)
        #expect(Importer.detect(Array("<html><script type=\"application/ld+json\">{}</script>".utf8)) == .jsonld)
        #expect(Importer.detect(Array("<html><body>no data</body></html>".utf8)) == nil)
    }

    @Test func otherEncodingsAnUnknownZoneNameAndLongTypesAreHandled() throws {
        let body = "<schedule><conference><title>T</title><time_zone_name>CEST</time_zone_name></conference><day date=\"2030-06-01\"><room name=\"R\"><event guid=\"g\"><date>2030-06-01T10:00:00+02:00</date><title>x</title><type>a\(String(repeating: "\u{301}", count: 200))</type></event><event guid=\"h\"><date>2030-06-01T12:00:00+02:00</date><title>y</title></event></room></day></schedule>"
        // An unknown zone name is passed over with one warning; --time-zone, else the offsets, place the times.
        let (c, warnings) = try #require(try Importer.read(Array(body.utf8), file: "s.xml", timeZone: "Europe/Berlin"))
        #expect(warnings.count == 1 && warnings[0].message.contains("\"CEST\" is not a time zone") && c.venues.first?.timeZone == "Europe/Berlin")
        #expect(c.screenings.first?.labels.first.map { $0.utf8.count <= 64 } == true, "a type is cut to 64 bytes, whole characters")
        let (_, inferred) = try #require(try Importer.read(Array(body.utf8), file: "s.xml"))
        #expect(inferred.count == 2, "the unknown name, and the zone inferred from the offsets")
        // A declared encoding other than UTF-8 would be decoded by libxml2 past festival's checks.
        for declared in ["<?xml version=\"1.0\" encoding=\"UTF-7\"?>", "<?xml version='1.0' encoding='ISO-8859-1'?>"] {
            do { _ = try Self.read(text: declared + body); Issue.record("read \(declared)") } catch {
                #expect(error.issues.first?.message.contains("UTF-8 only") == true)
            }
        }
        #expect(try Self.read(text: "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body, timeZone: "UTC") != nil)
    }
}
