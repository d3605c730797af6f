import FestivalCatalog
import Foundation
import Testing
@testable import FestivalImport

/// iCalendar feeds read as catalogs: the fixtures (written for these tests) cover a custom
/// VTIMEZONE across a DST change, IANA and UTC times, a floating calendar, a cancelled
/// screening, a multi-day event, a weekly rule with an EXDATE and an overridden
/// occurrence, Chinese and emoji titles, HTML in a description, folded lines, a BOM, CRLF
/// and hostile characters.
@Suite struct ICSImportTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures/Import")

    static func harbour() throws -> Catalog {
        let bytes = try [UInt8](Data(contentsOf: dir.appending(path: "harbour.ics")))
        return try #require(try Importer.catalog(bytes, file: "harbour.ics"))
    }

    /// Seconds since 1970 of a screening's start.
    static func instant(_ c: Catalog, _ title: String) -> [Int] {
        let ids = Set(c.films.filter { $0.title.en == title || $0.title.zhHant == title }.map(\.id))
        return c.screenings.filter { !ids.isDisjoint(with: $0.films) }.compactMap { c.startInstant(of: $0) }.sorted()
    }

    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int) -> Int {
        LocalTime.daysSince1970(year: y, month: mo, day: d) * 86_400 + h * 3_600 + mi * 60
    }

    @Test func aFeedBecomesFilmsVenuesAndScreenings() throws {
        let c = try Self.harbour()
        #expect(c.id == "ics-harbour-film-week-2030" && c.festival.name.en == "Harbour Film Week 2030")
        #expect(c.festival.organizer == nil, "not in the feed: unknown")
        // One film per title, case and spaces folded.
        #expect(c.films.map(\.id) == ["the-lighthouse-keeper", "film-" + CatalogBuilder.hash("海港之夜 🌊"), "short-films-i",
                                      "exhibition-posters-of-the-sea", "midnight-matinee", "signal-52-c-agk-lost"])
        let keeper = try #require(c.film("the-lighthouse-keeper"))
        #expect(keeper.directors.isEmpty && keeper.runtimeSeconds == nil && keeper.country == nil, "unknown, not invented")
        #expect(keeper.synopsis?.en == "A keeper counts ships, storms and days.\nQ&A after the film.", "unescaped, HTML reduced")
        #expect(keeper.styles.map(\.en) == ["Competition", "Documentary"])
        #expect(keeper.links.first?.url == "https://harbour.example/films/lighthouse-keeper")
        #expect(c.film("film-" + CatalogBuilder.hash("海港之夜 🌊"))?.title.zhHant == "海港之夜 🌊")
        #expect(c.venues.map(\.name.en) == ["Harbour Cinema, Screen 1", "Old Warehouse", "Harbour Cinema, Foyer", "Harbour Cinema, Screen 2"])
        #expect(c.venues[0].geo == Geo(lat: 53.5461, lon: 9.9661))
        #expect(c.screenings.count == 8, "Midnight Matinee: three weeks, one excluded, one moved")
        #expect(c.integrityProblem() == nil)
    }

    @Test func timesAreRightAcrossTheDaylightSavingChange() throws {
        let c = try Self.harbour()
        // A custom VTIMEZONE (CET, CEST from the last Sunday of March, 2030-03-31): 19:30 on
        // the 30th is UTC+1, 10:00 on the 31st UTC+2.
        #expect(Self.instant(c, "The Lighthouse Keeper") == [Self.utc(2030, 3, 30, 18, 30), Self.utc(2030, 3, 31, 8, 0)])
        let venue = try #require(c.venue(c.screenings.first { $0.films == ["the-lighthouse-keeper"] }!.venue!))
        let zone = try #require(venue.timeZone.flatMap(LocalTime.zone))
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(Self.utc(2030, 7, 1, 0, 0)))) == 7_200, "an IANA zone that agrees")
        // UTC times are kept as instants; the weekly rule loses its EXDATE and its overridden occurrence moves.
        #expect(Self.instant(c, "Short Films I") == [Self.utc(2030, 4, 1, 17, 0)])
        #expect(Self.instant(c, "Midnight Matinee") == [Self.utc(2030, 3, 25, 20, 0), Self.utc(2030, 4, 8, 20, 0)])
        let durations = c.screenings.filter { $0.films == ["the-lighthouse-keeper"] }.map(\.duration)
        #expect(durations == [105, 105], "DTEND and DURATION alike")
        let exhibition = try #require(c.screenings.first { $0.films == ["exhibition-posters-of-the-sea"] })
        #expect(exhibition.start?.description == "2030-03-29" && exhibition.duration == nil && exhibition.note?.en == "Runs until 2030-04-02")
        #expect(c.screenings.first { $0.films.first?.hasPrefix("film-") == true }?.status == .cancelled)
    }

    @Test func idsAreStableAcrossReimports() throws {
        let a = try Self.harbour(), b = try Self.harbour()
        #expect(a.screenings.map(\.id) == b.screenings.map(\.id))
        // A newer feed with an event added keeps every id of the old one.
        var text = try String(contentsOf: Self.dir.appending(path: "harbour.ics"), encoding: .utf8)
        text = text.replacingOccurrences(of: "END:VCALENDAR", with: "BEGIN:VEVENT\r\nUID:new@harbour.example\r\nDTSTART;TZID=Europe/Berlin:20300403T120000\r\nSUMMARY:A Late Addition\r\nLOCATION:Old Warehouse\r\nEND:VEVENT\r\nEND:VCALENDAR")
        let c = try #require(try Importer.catalog(Array(text.utf8), file: "harbour.ics"))
        #expect(Set(a.screenings.map(\.id)).isSubset(of: Set(c.screenings.map(\.id))) && c.screenings.count == a.screenings.count + 1)
        #expect(Set(a.films.map(\.id)).isSubset(of: Set(c.films.map(\.id))))
    }

    @Test func floatingTimesNeedAZone() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.dir.appending(path: "floating.txt")))
        #expect(Importer.detect(bytes) == .ics, "by content, whatever the name")
        #expect(throws: CatalogError.self) { try Importer.catalog(bytes, file: "floating.txt") }
        do { _ = try Importer.catalog(bytes, file: "floating.txt") } catch {
            #expect(error.description.contains("floating.txt:7") && error.description.contains("give --time-zone"), "\(error)")
        }
        let c = try #require(try Importer.catalog(bytes, file: "floating.txt", timeZone: "Asia/Taipei"))
        #expect(c.screenings.first?.start?.description == "2030-06-01T20:00" && c.venue("venue-hall")?.timeZone == "Asia/Taipei")
    }

    @Test func unsupportedRulesAndBrokenFilesAreLocated() {
        func errors(_ body: String) -> String {
            let text = "BEGIN:VCALENDAR\nVERSION:2.0\nX-WR-TIMEZONE:UTC\n" + body + "END:VCALENDAR\n"
            do { _ = try Importer.catalog(Array(text.utf8), file: "x.ics"); return "" } catch { return error.description }
        }
        #expect(errors("BEGIN:VEVENT\nUID:a\nDTSTART:20300101T100000\nRRULE:FREQ=MONTHLY;COUNT=2\nSUMMARY:x\nEND:VEVENT\n")
            .contains("x.ics:7: RRULE: RRULE FREQ=MONTHLY is not supported"))
        #expect(errors("BEGIN:VEVENT\nUID:a\nDTSTART:20300101T100000\nRRULE:FREQ=DAILY\nSUMMARY:x\nEND:VEVENT\n").contains("never ends"))
        #expect(errors("BEGIN:VEVENT\nUID:a\nDTSTART:2030-01-01\nSUMMARY:x\nEND:VEVENT\n").contains("is not a DATE or DATE-TIME"))
        #expect(errors("BEGIN:VEVENT\nUID:a\nDTSTART:99991231T230000\nSUMMARY:x\nEND:VEVENT\n").contains("outside the years"))
        #expect(errors("BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Mars/Base:20300101T100000\nSUMMARY:x\nEND:VEVENT\n").contains("TZID \"Mars/Base\""))
        #expect(errors("BEGIN:VEVENT\nUID:a\nDTSTART:20300101T100000\nSUMMARY:x\n").contains("x.ics:8: END: END:VCALENDAR does not close"))
        #expect(errors("BEGIN:VEVENT\nDTSTART;TZID=\"unclosed:20300101T100000\nEND:VEVENT\n").contains("not closed"))
        // A rule is bounded by maxOccurrences whatever its COUNT.
        let many = "BEGIN:VEVENT\nUID:a\nDTSTART:20300101T100000\nRRULE:FREQ=DAILY;COUNT=99999999\nSUMMARY:x\nLOCATION:y\nEND:VEVENT\n"
        let text = "BEGIN:VCALENDAR\nX-WR-TIMEZONE:UTC\n" + many + "END:VCALENDAR\n"
        #expect((try? Importer.catalog(Array(text.utf8), file: "x.ics"))??.screenings.count == ICSRecurrence.maxOccurrences)
    }

    @Test func valuesDurationsAndUnfolding() {
        #expect(ICSValues.duration("PT1H30M") == 5_400 && ICSValues.duration("P1W") == 604_800 && ICSValues.duration("-P1D") == -86_400)
        #expect(ICSValues.duration("P") == nil && ICSValues.duration("PT") == nil && ICSValues.duration("P1H") == nil)
        #expect(ICSValues.text(#"a\, b\; c\\d\ne"#) == "a, b; c\\d\ne")
        #expect(ICSValues.textList(#"Shorts,Q\,A , Talk"#) == ["Shorts", "Q,A", "Talk"])
        var log = ImportLog(file: "f")
        let lines = ICSLines.parse(Array("SUMMARY;LANGUAGE=\"en\":One\r\n  two\n\tthree\nX:y".utf8), log: &log)
        #expect(lines.map(\.value) == [" twothree", "y"].map { "One" + $0 }.prefix(1) + ["y"])
        #expect(lines.first?.param("LANGUAGE") == "en" && log.issues.isEmpty)
        #expect(ICSRecurrence.nthWeekday(-1, 0, month: 3, year: 2030) == 31 && ICSRecurrence.nthWeekday(2, 1, month: 4, year: 2030) == 8)
        #expect(ICSValues.plainText("<p>One &amp; two</p><p>Three</p>") == "One & two\n\nThree" || ICSValues.plainText("<p>One &amp; two</p><p>Three</p>") == "One & two\nThree")
    }
}
