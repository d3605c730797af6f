import Foundation
import Testing
@testable import FestivalCatalog

/// `festival import` and `--catalog FEED.ics` end to end, checked against Python's
/// icalendar and recurring-ical-events on the same files.
@Suite struct ImportCLITests {
    static let fixtures = CLITests.packageRoot.appending(path: "Tests/Fixtures/Import")

    /// Every occurrence as Python's recurring-ical-events expands it: title, UTC start (or the
    /// day of an all-day event), status.
    static let peer = """
    import icalendar, recurring_ical_events, sys, datetime
    cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
    out = []
    for e in recurring_ical_events.of(cal).between(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)):
        s = e['DTSTART'].dt
        start = s.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%MZ') if isinstance(s, datetime.datetime) else s.isoformat()
        title = ' '.join(str(e['SUMMARY']).lower().split())
        out.append('%s|%s|%s' % (title, start, str(e.get('STATUS', '')).upper() == 'CANCELLED'))
    print('\\n'.join(sorted(out)))
    """

    @Test func importedScreeningsAgreeWithPythonsIcalendar() async throws {
        let sandbox = try Sandbox("festival-import")
        let ics = Self.fixtures.appending(path: "harbour.ics").path
        let out = sandbox.directory.appending(path: "harbour.json").path
        let r = try await sandbox.run(CLITests.binary.path, ["import", ics, "--output", out])
        #expect(r.status == 0, "\(String(decoding: r.stderr, as: UTF8.self))")
        let catalog = try CatalogLoader.load(path: out)
        let valid = try await sandbox.run(CLITests.binary.path, ["validate", out])
        #expect(valid.status == 0)
        var ours: [String] = []
        for s in catalog.screenings {
            let title = (catalog.film(s.films[0])?.title.en ?? catalog.film(s.films[0])?.title.zhHant ?? "").lowercased()
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var start = s.start?.description ?? "?"
            if let t = catalog.startInstant(of: s) {
                let d = LocalTime.civil(t / 86_400), m = t % 86_400 / 60
                start = String(format: "%04d-%02d-%02dT%02d:%02dZ", d.year, d.month, d.day, m / 60, m % 60)
            }
            ours.append("\(title)|\(start)|\(s.status == .cancelled ? "True" : "False")")
        }
        let python = try await sandbox.run("/usr/bin/env", ["python3", "-c", Self.peer, ics])
        #expect(python.status == 0, "\(String(decoding: python.stderr, as: UTF8.self))")
        let theirs = String(decoding: python.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
            .map { $0.unicodeScalars.filter { !($0.value < 0x20 || $0.value == 0x7F) }.map(String.init).joined() }
        let mine = ours.map { $0.unicodeScalars.filter { !($0.value < 0x20 || $0.value == 0x7F) }.map(String.init).joined() }.sorted()
        #expect(mine == theirs.sorted(), "festival:\n\(mine.joined(separator: "\n"))\nicalendar:\n\(theirs.joined(separator: "\n"))")
    }

    @Test func aFeedOpensLikeACatalogWhateverItsName() async throws {
        let sandbox = try Sandbox("festival-import-open")
        let named = sandbox.directory.appending(path: "programme.txt").path
        try FileManager.default.copyItem(atPath: Self.fixtures.appending(path: "harbour.ics").path, toPath: named)
        let films = try await sandbox.run(CLITests.binary.path, ["films", "--catalog", named, "--lang", "en"])
        let text = String(decoding: films.stdout, as: UTF8.self)
        #expect(films.status == 0 && text.contains("The Lighthouse Keeper") && text.contains("unknown"), "\(text)")
        #expect(!films.stdout.contains(0x1B) && !text.contains("\u{202E}"), "hostile titles made safe")
        let screenings = try await sandbox.run(CLITests.binary.path, ["screenings", "--catalog", named, "--lang", "en", "--day", "2030-03-31"])
        let listed = String(decoding: screenings.stdout, as: UTF8.self)
        #expect(listed.contains("10:00–11:45") && listed.contains("cancelled"), "\(listed)")
        let floating = Self.fixtures.appending(path: "floating.txt").path
        let refused = try await sandbox.run(CLITests.binary.path, ["films", "--catalog", floating])
        #expect(refused.status == 2 && String(decoding: refused.stderr, as: UTF8.self).contains("give --time-zone"))
        let zoned = try await sandbox.run(CLITests.binary.path, ["import", floating, "--time-zone", "Asia/Taipei"])
        #expect(zoned.status == 0 && String(decoding: zoned.stdout, as: UTF8.self).contains("\"timeZone\": \"Asia/Taipei\""))
    }

    @Test func thePlannersCalendarComesBackAsTheSameScreenings() async throws {
        let sandbox = try Sandbox("festival-import-roundtrip")
        let binary = CLITests.binary.path
        let fest = sandbox.directory.appending(path: "fest.json").path
        #expect(try await sandbox.run(binary, ["generate", "--films", "20", "--quotes", "0", "--seed", "8", "--venues", "3", "--days", "2", "--output", fest]).status == 0)
        let catalog = try CatalogLoader.load(path: fest)
        for film in catalog.films.prefix(8) { _ = try await sandbox.run(binary, ["priority", "--catalog", fest, film.id, "3"]) }
        let ics = sandbox.directory.appending(path: "plan.ics").path
        #expect(try await sandbox.run(binary, ["plan", "--catalog", fest, "--ics", "--output", ics, "--apply"]).status == 0)
        let back = sandbox.directory.appending(path: "back.json").path
        let r = try await sandbox.run(binary, ["import", ics, "--output", back])
        #expect(r.status == 0, "\(String(decoding: r.stderr, as: UTF8.self))")
        let imported = try CatalogLoader.load(path: back)
        let picked = catalog.screenings.filter { s in
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: ics))) ?? Data(), as: UTF8.self).contains("UID:\(s.id)@")
        }
        func key(_ c: Catalog, _ s: Screening) -> String {
            // A programme comes back as one film titled with its films' titles; a venue's name
            // with its address and city (the calendar's LOCATION).
            let title = s.films.compactMap { c.film($0)?.title.en }.joined(separator: " / ")
            return "\(title)|\(c.startInstant(of: s) ?? 0)|\(c.minutes(of: s) ?? 0)|\(c.venue(s.venue!)?.name.en?.prefix(18) ?? "")"
        }
        #expect(!picked.isEmpty)
        #expect(Set(picked.map { key(catalog, $0) }) == Set(imported.screenings.map { key(imported, $0) }))
    }
}

extension ImportCLITests {
    @Test func aSpreadsheetImportsWithItsColumnsAndKeepsGoingPastBadRows() async throws {
        let sandbox = try Sandbox("festival-import-csv")
        let csv = sandbox.directory.appending(path: "programme.csv").path
        try "Film,When,Hall\nA,2030-01-02 20:00,Main\nB,not a date,Main\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let binary = CLITests.binary.path
        let strict = try await sandbox.run(binary, ["import", csv, "--columns", "start=When,venue=Hall", "--time-zone", "UTC"])
        #expect(strict.status == 2 && String(decoding: strict.stderr, as: UTF8.self).contains("programme.csv:3:2: When: \"not a date\""))
        let out = sandbox.directory.appending(path: "c.json").path
        let kept = try await sandbox.run(binary, ["import", csv, "--columns", "start=When,venue=Hall", "--time-zone", "UTC", "--keep-going", "--output", out])
        #expect(kept.status == 0 && String(decoding: kept.stderr, as: UTF8.self).contains("(row left out)"))
        #expect(try CatalogLoader.load(path: out).screenings.count == 1)
        #expect(try await sandbox.run(binary, ["validate", out]).status == 0)
        let bad = try await sandbox.run(binary, ["import", csv, "--columns", "begin=When"])
        #expect(bad.status == 2 && String(decoding: bad.stderr, as: UTF8.self).contains("\"begin\" is not a field"))
        // The Chinese-headed fixture opens directly (its rows have times: the zone comes from import).
        let zh = Self.fixtures.appending(path: "programme-zh.csv").path
        let imported = try await sandbox.run(binary, ["import", zh, "--time-zone", "Asia/Taipei"])
        #expect(imported.status == 0 && String(decoding: imported.stdout, as: UTF8.self).contains("初光"))
    }
}
