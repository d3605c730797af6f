import FestivalCatalog
import Foundation
import Testing
@testable import FestivalImport

/// schema.org JSON-LD in a festival's web page: the fixture (written for these tests) has
/// two script blocks, a `Festival` with sub-events across Sydney's change to daylight time,
/// a programme of three shorts, a cancelled and a sold-out screening, a multi-day
/// exhibition, Chinese and emoji titles, and escape sequences in a title and a description.
@Suite struct JSONLDImportTests {
    static func page(timeZone: String? = "Australia/Sydney") throws -> (catalog: Catalog, warnings: [CatalogIssue]) {
        try #require(try Importer.read(try CSVImportTests.bytes("lantern-coast.html"), file: "lantern-coast.html", timeZone: timeZone))
    }

    @Test func aPageBecomesTheFestivalItsFilmsAndScreenings() throws {
        let (c, warnings) = try Self.page()
        #expect(warnings.isEmpty)
        #expect(c.id == "jsonld-lantern-coast-film-festival-2031" && c.festival.organizer?.en == "Lantern Coast Screen Society")
        #expect(c.festival.website == "https://lantern-coast.example/2031")
        #expect(c.screenings.count == 5 && c.films.count == 6)
        let tide = try #require(c.film("tidewater"))
        #expect(tide.runtimeSeconds == 98 * 60 && tide.country?.en == "Australia" && tide.styles.map(\.en) == ["Drama"])
        #expect(tide.synopsis?.en == "A ferry captain's last season on the harbour." && tide.links.map(\.url) == ["https://lantern-coast.example/2031/films/tidewater"])
        #expect(c.person(tide.directors[0])?.name.en == "Mara Ellison" && c.person(tide.directors[0])?.roles == [.director])
        let shows = c.screenings.filter { $0.films == ["tidewater"] }
        #expect(shows.map(\.status) == [.soldOut, .scheduled])
        // endDate gives 105 minutes; with no end, the film's own 98.
        #expect(shows.map(\.duration) == [105, 98])
        #expect(shows.compactMap { c.startInstant(of: $0) } == [ICSImportTests.utc(2031, 10, 4, 9, 0), ICSImportTests.utc(2031, 10, 5, 3, 0)])
        #expect(shows.map { $0.start?.description } == ["2031-10-04T19:00", "2031-10-05T14:00"])
        let programme = try #require(c.screenings.first { $0.films.count == 3 })
        #expect(programme.films.compactMap { c.film($0)?.title.en ?? c.film($0)?.title.zhHant } == ["Salt on the Glass", "海風", "Low Tide\u{1B}[31m\u{202E}"])
        #expect(programme.note?.en == "Shorts Programme 1: 海風 🌊" && programme.duration == 90)
        #expect(c.film("salt-on-the-glass")?.directors.count == 2)
        #expect(c.screenings.first { $0.films == ["the-quiet-reef"] }?.status == .cancelled)
        let hall = try #require(c.venue("venue-harbour-cinema"))
        #expect(hall.city?.en == "Sydney" && hall.address == "1 Wharf Road" && hall.geo == Geo(lat: -33.86, lon: 151.2) && hall.timeZone == "Australia/Sydney")
        let exhibition = try #require(c.screenings.first { $0.films == ["projection-room-an-installation"] })
        #expect(exhibition.start?.description == "2031-10-03" && exhibition.note?.en == "Runs until 2031-10-06")
        #expect(c.integrityProblem() == nil)
    }

    @Test func withoutAZoneTheOffsetsChooseOneAndSaySo() throws {
        let (c, warnings) = try Self.page(timeZone: nil)
        #expect(warnings.count == 1 && warnings[0].message.contains("names no time zone"))
        // The wall clocks are the same whichever zone agrees.
        let named = try Self.page().catalog
        #expect(c.screenings.map(\.start) == named.screenings.map(\.start))
        #expect(c.screenings.compactMap { c.startInstant(of: $0) } == named.screenings.compactMap { named.startInstant(of: $0) })
        // One fixed offset: a fixed zone, no region guessed.
        let fixed = """
        {"@context": "https://schema.org", "@type": "ScreeningEvent", "name": "A", "startDate": "2030-05-01T20:00:00+08:00"}
        """
        let one = try #require(try Importer.read(Array(fixed.utf8), file: "a.jsonld"))
        #expect(one.catalog.venues.map(\.timeZone) == ["Etc/GMT-8"])
    }

    @Test func badEventsAreLocatedOnThePagesLines() throws {
        let page = "<html>\n<head>\n<script type=\"application/ld+json\">\n{\"@type\": \"ScreeningEvent\", \"name\": \"A\",\n \"startDate\": \"soon\"}\n</script>\n"
        do { _ = try Importer.catalog(Array(page.utf8), file: "p.html"); Issue.record("read") } catch {
            #expect(error.issues.map(\.description) == ["p.html:5:15: startDate: \"soon\" is not an ISO 8601 date or date-time"])
        }
        let broken = "<html>\n<script type=\"application/ld+json\">\n{\"@type\": \n</script>"
        do { _ = try Importer.catalog(Array(broken.utf8), file: "p.html"); Issue.record("read") } catch {
            #expect(error.issues.first?.line == 4 && error.issues.first?.message.contains("invalid JSON") == true, "\(error)")
        }
        let floating = "{\"@context\": \"https://schema.org\", \"@type\": \"ScreeningEvent\", \"name\": \"A\", \"startDate\": \"2030-05-01T20:00\"}"
        #expect(throws: CatalogError.self) { try Importer.catalog(Array(floating.utf8), file: "f.json") }
        #expect(try Importer.catalog(Array(floating.utf8), file: "f.json", timeZone: "Europe/Paris")?.screenings.count == 1)
        // Two works of one title in a programme are one film, listed once.
        let twice = "{\"@context\": \"https://schema.org\", \"@type\": \"ScreeningEvent\", \"name\": \"P\", \"startDate\": \"2030-05-01\", \"workPresented\": [{\"name\": \"A\"}, {\"name\": \"a\"}, {\"name\": \"B\"}]}"
        #expect(try Importer.catalog(Array(twice.utf8), file: "t.json")?.screenings.first?.films == ["a", "b"])
        let none = "{\"@context\": \"https://schema.org\", \"@type\": \"Movie\", \"name\": \"A\"}"
        #expect(throws: CatalogError.self) { try Importer.catalog(Array(none.utf8), file: "m.json") }
    }

    @Test func referencesByIDAreFollowedAndIDsComeFromTheEventNotItsLink() throws {
        let graph = """
        {"@context": "https://schema.org", "@graph": [
          {"@type": "Movie", "@id": "https://f.example/films/alpha", "name": "Alpha", "director": {"@type": "Person", "name": "Ana"}},
          {"@type": "Place", "@id": "https://f.example/hall", "name": "Hall"},
          {"@type": "ScreeningEvent", "name": "Alpha", "startDate": "2030-06-01T20:00:00+02:00", "url": "https://f.example/films/alpha",
           "workPresented": {"@id": "https://f.example/films/alpha"}, "location": {"@id": "https://f.example/hall"}},
          {"@type": "ScreeningEvent", "name": "Beta", "startDate": "2030-06-02T20:00:00+02:00", "url": "https://f.example/films/alpha",
           "workPresented": {"@id": "https://f.example/films/unknown"}, "location": {"@id": "https://f.example/hall"}}
        ]}
        """
        let c = try #require(try Importer.catalog(Array(graph.utf8), file: "g.jsonld", timeZone: "Europe/Berlin"))
        #expect(c.films.map(\.id) == ["alpha", "beta"], "a reference is followed; an unresolved one leaves the event's own name")
        #expect(c.person(c.film("alpha")?.directors.first ?? "")?.name.en == "Ana" && c.venues.map(\.id) == ["venue-hall"])
        // Ids come from title and start when there is no @id: dropping one screening moves no other's id.
        let fewer = graph.replacingOccurrences(of: "2030-06-01T20:00:00+02:00", with: "2030-06-01T21:00:00+02:00")
        let d = try #require(try Importer.catalog(Array(fewer.utf8), file: "g.jsonld", timeZone: "Europe/Berlin"))
        #expect(c.screenings.map(\.id).last == d.screenings.map(\.id).last)
        #expect(!c.screenings.map(\.id).contains { $0.contains("films-alpha") })
    }

    @Test func manyEventsOfOneIDStayLinearAndShort() throws {
        var events: [String] = []
        for i in 0..<3_000 { events.append("{\"@type\": \"ScreeningEvent\", \"@id\": \"same\", \"name\": \"F\(i % 7)\", \"startDate\": \"2030-06-01\"}") }
        let doc = "{\"@context\": \"https://schema.org\", \"@graph\": [" + events.joined(separator: ",") + "]}"
        let start = ContinuousClock.now
        let c = try #require(try Importer.catalog(Array(doc.utf8), file: "d.jsonld"))
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(c.screenings.count == 3_000 && c.screenings.allSatisfy { $0.id.count < 40 })
    }

    @Test func anInferredZoneAgreesWithEveryOffsetNotOnlyASample() throws {
        // 631 events at +02:00, then 9 after the clocks go back: a zone fixed at +02:00 must not be chosen.
        var events: [String] = []
        for i in 0..<631 { events.append("{\"@type\": \"ScreeningEvent\", \"name\": \"A\(i)\", \"startDate\": \"2026-10-2\(i % 5)T1\(i % 10):00:00+02:00\"}") }
        for i in 0..<9 { events.append("{\"@type\": \"ScreeningEvent\", \"name\": \"L\(i)\", \"startDate\": \"2026-10-25T1\(i):00:00+01:00\"}") }
        let doc = "{\"@context\": \"https://schema.org\", \"@graph\": [" + events.joined(separator: ",") + "]}"
        let (c, warnings) = try #require(try Importer.read(Array(doc.utf8), file: "z.jsonld"))
        let zone = try #require(c.venues.first?.timeZone.flatMap(LocalTime.zone))
        #expect(warnings.count == 1)
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(ICSImportTests.utc(2026, 10, 25, 11, 0)))) == 3_600)
        #expect(c.screenings.first { $0.films == ["l2"] }?.start?.description == "2026-10-25T12:00")
    }
}
