import Foundation
import FestivalIO
import Testing
@testable import FestivalCatalog
@testable import FestivalSynthetic

/// Venues, screenings and travel in the catalog format: both decoders, the encoders, the
/// cache's binary form, the start, and every located error the issue names.
@Suite struct ScheduleFormatTests {
    static var text: String { try! String(contentsOf: TestSupport.fixtures.appending(path: "schedule.json"), encoding: .utf8) }

    static func edited(_ old: String, _ new: String) -> String {
        let t = text
        precondition(t.components(separatedBy: old).count == 2, "edit '\(old)' must match once")
        return t.replacingOccurrences(of: old, with: new)
    }

    static func issues(_ text: String) -> [String] {
        TestSupport.issues(text).map { "\($0.path)@\($0.line ?? 0): \($0.message)" }
    }

    @Test func theFixtureReadsTheSameBothWaysAndRoundTrips() throws {
        let bytes = Array(Self.text.utf8)
        let fast = try #require(FastDecoderTests.fast(bytes), "a valid schedule takes the fast path")
        let slow = try #require(FastDecoderTests.slow(bytes))
        #expect(fast == slow)
        #expect(fast.venues.map(\.id) == ["hall", "annex", "somewhere"])
        #expect(fast.venues[0].geo == Geo(lat: 40.7725, lon: -73.9835))
        let s1 = try #require(fast.screening("s1"))
        #expect(s1.films == ["first", "second"] && s1.labels == ["premiere", "Q&A"] && s1.event == "gala")
        #expect(s1.start?.description == "2030-01-02T19:30")
        #expect(fast.screening("s3")?.start?.minute == nil && fast.screening("s4")?.start == nil)
        #expect(fast.screening("s2")?.status == .soldOut && fast.screening("s4")?.status == .cancelled)
        #expect(fast.travel == [Travel(from: "hall", to: "annex", minutes: 5), Travel(from: "annex", to: "hall", minutes: 7)])
        // JSON out and back, streamed and whole alike.
        let json = CatalogEncoder.json(fast)
        #expect(try CatalogLoader.load(bytes: Array(json.utf8), file: "re.json") == fast)
        var streamed: [UInt8] = []
        CatalogEncoder.write(fast, chunkSize: 64) { streamed += $0 }
        #expect(streamed == Array(json.utf8))
        // The cache's binary form.
        var w = BinaryWriter()
        fast.encode(to: &w)
        var r = BinaryReader(w.bytes)
        #expect(try Catalog(decoding: &r) == fast)
        // The start holds the schedule too.
        let start = try #require(CatalogStart.decode(bytes: bytes))
        #expect(start.screenings == fast.screenings && start.venues == fast.venues && start.quotes.isEmpty)
    }

    @Test func aCatalogWithoutAScheduleIsWrittenAsBefore() throws {
        let minimal = try CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "m.json")
        #expect(minimal.venues.isEmpty && minimal.screenings.isEmpty)
        #expect(!CatalogEncoder.json(minimal).contains("venues"))
    }

    @Test func timesAreOnOneClockAndDurationsFallBackToRuntimes() throws {
        let c = try CatalogLoader.load(bytes: Array(Self.text.utf8), file: "t.json")
        // 19:30 in New York in January is UTC-5: 00:30 the next day.
        let s1 = try #require(c.screening("s1"))
        #expect(c.startInstant(of: s1) == LocalTime.daysSince1970(year: 2030, month: 1, day: 3) * 86_400 + 30 * 60)
        #expect(c.minutes(of: s1) == 90)
        // s2 shows "first" (300 s): 5 minutes; s3 shows "second", whose runtime is unknown.
        #expect(c.minutes(of: try #require(c.screening("s2"))) == 5)
        #expect(c.minutes(of: try #require(c.screening("s3"))) == nil)
        #expect(c.startInstant(of: try #require(c.screening("s3"))) == nil, "a day alone is not a time")
        #expect(c.screenings(ofFilm: "second").map(\.id) == ["s1", "s3", "s4"])
        #expect(c.travelMinutes(from: "annex", to: "hall") == 7)
    }

    @Test func daylightSavingGapsAndFolds() throws {
        let zone = try #require(LocalTime.zone("America/New_York"))
        let gap = try #require(LocalStart("2025-03-09T02:30"))
        #expect(LocalTime.resolve(gap, minute: gap.minute!, in: zone) == .skipped)
        let fold = try #require(LocalStart("2025-11-02T01:30"))
        guard case .ambiguous(let earlier, let later) = LocalTime.resolve(fold, minute: fold.minute!, in: zone) else {
            Issue.record("01:30 on 2 November 2025 happens twice in New York"); return
        }
        #expect(later - earlier == 3_600)
        #expect(LocalTime.offsetText(earlier, in: zone) == "-04:00" && LocalTime.offsetText(later, in: zone) == "-05:00")
        for bad in ["../../etc/passwd", "Nowhere/Land", "", "America//New_York", String(repeating: "A", count: 65)] {
            #expect(LocalTime.zone(bad) == nil, "\(bad)")
        }
        for day in [-1, 0, 1, 19_000, 20_000, 200_000] {
            let d = LocalTime.civil(day)
            #expect(LocalTime.daysSince1970(year: d.year, month: d.month, day: d.day) == day)
        }
    }

    @Test func aFoldIsAWarningNamingTheOffsetTaken() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "fold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appending(path: "c.json").path
        try Self.edited(#""start": "2030-01-03T10:00""#, #""start": "2025-11-02T01:30""#).write(toFile: file, atomically: true, encoding: .utf8)
        let (_, warnings) = try CatalogLoader.validate(path: file)
        let warning = try #require(warnings.first { $0.path == "screenings[1].start" })
        #expect(warning.message.contains("happens twice in America/New_York") && warning.message.contains("the first, UTC-04:00, is taken"))
        #expect(warning.line != nil)
    }

    @Test func badSchedulesGetLocatedErrors() {
        let cases: [(String, String, String)] = [
            (#""films": ["first"], "venue": "annex""#, #""films": ["third"], "venue": "annex""#, #"screenings[1].films[0]@"#),
            (#""venue": "annex", "start""#, #""venue": "attic", "start""#, "unknown venue id \"attic\""),
            (#""event": "gala""#, #""event": "ball""#, "unknown event id \"ball\""),
            (#""timeZone": "America/New_York", "geo": null"#, #""timeZone": "Mars/Olympus", "geo": null"#, "not a time zone this system knows"),
            (#""start": "2030-01-03T10:00""#, #""start": "2025-03-09T02:30""#, "does not exist in America/New_York"),
            (#""start": "2030-01-03T10:00""#, #""start": "2030-01-03 10:00""#, "is not a local date-time"),
            (#""start": "2030-01-03T10:00""#, #""start": "2030-02-30T10:00""#, "is not a local date-time"),
            (#""start": "2030-01-03T10:00""#, #""start": "2030-01-03T24:00""#, "is not a local date-time"),
            (#""duration": 90"#, #""duration": 0"#, "must be at least 1"),
            (#""duration": 90"#, #""duration": 1441"#, "more than a day"),
            (#""id": "s2""#, #""id": "s1""#, "duplicate screening id \"s1\""),
            (#""lat": 40.7725"#, #""lat": 140.7725"#, "lat must be within ±90"),
            (#""minutes": 7"#, #""minutes": 1500"#, "more than a day"),
            (#""from": "annex""#, #""from": "cellar""#, "unknown venue id \"cellar\""),
            (#""status": "sold-out""#, #""status": "full""#, "is not one of: scheduled, sold-out, standby, cancelled"),
            (#""start": "2030-01-05""#, #""start": "2030-01-05T20:00""#, "venue \"somewhere\" has no timeZone"),
            (#""venue": null, "start": null"#, #""venue": null, "start": "2030-01-05T20:00""#, "needs a venue"),
            (#""films": ["second"], "venue": null"#, #""films": [], "venue": null"#, "needs at least one id"),
        ]
        for (old, new, expected) in cases {
            let text = Self.edited(old, new)
            let found = Self.issues(text)
            #expect(found.contains { $0.contains(expected) && !$0.contains("@0:") }, "\(new): \(found)")
            // The fast path never accepts what the loader refuses.
            #expect(FastDecoderTests.fast(Array(text.utf8)) == nil, "\(new)")
        }
    }

    @Test func generatedSchedulesAreValidAndDeterministic() throws {
        let schedule = SyntheticSchedule(venues: 15, days: 10, screeningsPerFilm: 3)
        let a = CatalogGenerator(films: 300, quotes: 10, seed: 5, schedule: schedule).catalog()
        let b = CatalogGenerator(films: 300, quotes: 10, seed: 5, schedule: schedule).catalog()
        #expect(a == b)
        #expect(a.integrityProblem() == nil)
        #expect(a.venues.count == 15)
        let units = Set(a.screenings.map(\.films))
        #expect(a.screenings.count == units.count * 3)
        #expect(units.contains { $0.count >= 4 }, "programmes of shorts")
        #expect(a.screenings.contains { $0.status == .soldOut })
        // No two screenings overlap on one screen of a venue.
        let byRoom = Dictionary(grouping: a.screenings) { "\($0.venue!)|\($0.labels)" }
        for (_, list) in byRoom {
            let sorted = list.sorted { a.startInstant(of: $0)! < a.startInstant(of: $1)! }
            for (x, y) in zip(sorted, sorted.dropFirst()) {
                #expect(a.startInstant(of: x)! + a.minutes(of: x)! * 60 <= a.startInstant(of: y)!)
            }
        }
        let loaded = try CatalogLoader.load(bytes: Array(CatalogEncoder.json(a).utf8), file: "g.json")
        #expect(loaded == a)
        // Without schedule flags the films are as before.
        #expect(CatalogGenerator(films: 300, quotes: 10, seed: 5).catalog().screenings.isEmpty)
    }
}
