import Foundation
import Testing
@testable import FestivalCatalog

/// `festival screenings`, `priority`, `pick`, `plan` and `shelf` end to end, in one sandbox
/// per test (the shelf carries from one command to the next).
@Suite struct PlanCLITests {
    let sandbox: Sandbox
    var binary: String { CLITests.binary.path }

    init() throws { sandbox = try Sandbox("festival-plan") }

    func run(_ args: [String], env: [String: String] = [:]) async throws -> CLITests.Run {
        let r = try await sandbox.run(binary, args, env: env)
        return CLITests.Run(status: r.timedOut ? -1 : r.status, stdout: String(decoding: r.stdout, as: UTF8.self),
                            stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    /// A generated festival of 40 films over 3 days at 5 venues, with priorities on 12 films.
    func festival() async throws -> (catalog: Catalog, path: String) {
        let path = sandbox.directory.appending(path: "fest.json").path
        let g = try await run(["generate", "--films", "40", "--quotes", "0", "--seed", "3", "--venues", "5", "--days", "3", "--output", path])
        #expect(g.status == 0, "\(g.stderr)")
        let catalog = try CatalogLoader.load(path: path)
        for (i, film) in catalog.films.prefix(12).enumerated() {
            let r = try await run(["priority", "--catalog", path, film.id, String(i % 5 + 1)])
            #expect(r.status == 0 && r.stdout == "\(film.id) \(i % 5 + 1)\n", "\(r.stderr)")
        }
        return (catalog, path)
    }

    struct Plan: Decodable {
        struct Pick: Decodable { var id: String; var films: [String]; var start: String? }
        struct Left: Decodable { var film: String; var reason: String }
        var picks: [Pick], added: [String], removed: [String], weight: Int, bound: Int, proven: Bool, leftOut: [Left]
    }

    func planned(_ path: String, _ extra: [String] = []) async throws -> Plan {
        let r = try await run(["plan", "--catalog", path, "--json", "--time-limit", "20"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(Plan.self, from: Data(r.stdout.utf8))
    }

    @Test func prioritiesScreeningsAndAPlanThatFits() async throws {
        let (catalog, path) = try await festival()
        let film = catalog.films[0]
        #expect(try await run(["priority", "--catalog", path, film.id]).stdout == "\(film.id) 1\n")
        let bad = try await run(["priority", "--catalog", path, film.id, "6"])
        #expect(bad.status == 2 && bad.stderr.contains("0 to 5 or none"))
        #expect(try await run(["priority", "--catalog", path, "no-such-film", "3"]).status == 1)

        let listed = try await run(["screenings", "--catalog", path, "--film", film.id, "--lang", "en"])
        #expect(listed.status == 0 && listed.stdout.hasPrefix("ID "))
        #expect(listed.stdout.split(separator: "\n").count == catalog.screenings(ofFilm: film.id).count + 1)
        let json = try await run(["screenings", "--catalog", path, "--day", "2030-06-02", "--json"])
        let subset = try CLITests.load(json.stdout)
        #expect(!subset.screenings.isEmpty && subset.screenings.allSatisfy { $0.start?.date.description == "2030-06-02" })
        #expect(subset.integrityProblem() == nil, "a valid catalog")
        #expect(try await run(["screenings", "--catalog", path, "--venue", "venue-99"]).status == 1)
        #expect(try await run(["screenings", "--catalog", path, "--day", "June 2"]).status == 2)

        let plan = try await planned(path)
        #expect(plan.proven && plan.weight == plan.bound && !plan.picks.isEmpty)
        // No two picks overlap once travel is added (the generator's: 15 or 30 minutes, 10 within a venue).
        let byID = Dictionary(uniqueKeysWithValues: catalog.screenings.map { ($0.id, $0) })
        let picks = plan.picks.map { byID[$0.id]! }.sorted { catalog.startInstant(of: $0)! < catalog.startInstant(of: $1)! }
        for (a, b) in zip(picks, picks.dropFirst()) {
            let travel = a.venue == b.venue ? 10 : catalog.travelMinutes(from: a.venue!, to: b.venue!)!
            #expect(catalog.startInstant(of: a)! + (catalog.minutes(of: a)! + travel) * 60 <= catalog.startInstant(of: b)!)
        }
        #expect(Set(plan.picks.map(\.films)).count == plan.picks.count, "each film or programme once")

        // --apply makes it the picks; planning again changes nothing.
        #expect(try await run(["plan", "--catalog", path, "--apply", "--time-limit", "20"]).status == 0)
        let again = try await planned(path)
        #expect(again.added.isEmpty && again.removed.isEmpty)
        let marked = try await run(["screenings", "--catalog", path, "--lang", "en"])
        #expect(marked.stdout.components(separatedBy: " picked").count - 1 == plan.picks.count)
    }

    @Test func ticketsAreKeptAndClashingTicketsSaySo() async throws {
        let (catalog, path) = try await festival()
        let first = try await planned(path)
        // A ticket for a screening the plan did not take, of a film it left out or another.
        let other = try #require(catalog.screenings.first { s in !first.picks.contains { $0.id == s.id } && s.status == .scheduled })
        let picked = try await run(["pick", "--catalog", path, other.id, "--ticket", "--lang", "en"])
        #expect(picked.status == 0 && picked.stdout.hasPrefix("Ticket marked \(other.id)"), "\(picked.stdout)")
        let withTicket = try await planned(path)
        #expect(withTicket.picks.contains { $0.id == other.id })
        // A second ticket overlapping the first: picking it drops the first (they overlap).
        let clash = try #require(catalog.screenings.first { s in
            s.id != other.id && s.start?.date == other.start?.date && s.start!.minute! == other.start!.minute!
        })
        let second = try await run(["pick", "--catalog", path, clash.id, "--ticket", "--lang", "en"])
        #expect(second.stdout.contains("removed \(other.id)"), "\(second.stdout)")
        // Two clashing tickets (a shelf edited by hand): no plan, and both are named.
        let file = sandbox.directory.appending(path: "data/festival/shelf-synthetic-3.json")
        let stamp = "\"updated\": \"2030-01-01T00:00:00Z\""
        try """
        {"catalogId": "synthetic-3", "films": {}, "quotes": {}, "shelfVersion": 2, "unavailable": [],
         "screenings": {"\(other.id)": {"ticket": true, \(stamp)}, "\(clash.id)": {"ticket": true, \(stamp)}}}
        """.write(to: file, atomically: true, encoding: .utf8)
        let none = try await run(["plan", "--catalog", path, "--lang", "en"])
        #expect(none.status == 1 && none.stderr.contains("these tickets clash") && none.stderr.contains(other.id)
                && none.stderr.contains(clash.id), "\(none.stderr)")
    }

    @Test func theCalendarParsesWithPythonsIcalendarAndMatchesThePlan() async throws {
        let (_, path) = try await festival()
        let plan = try await planned(path)
        let ics = sandbox.directory.appending(path: "plan.ics").path
        let written = try await run(["plan", "--catalog", path, "--ics", "--output", ics, "--time-limit", "20"])
        #expect(written.status == 0, "\(written.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: ics))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.split(separator: "\r\n", omittingEmptySubsequences: false).allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        let script = """
        import icalendar, json, sys
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for e in cal.walk('VEVENT'):
            out.append({'uid': str(e['UID']), 'start': e['DTSTART'].dt.strftime('%Y-%m-%dT%H:%M'),
                        'tz': str(e['DTSTART'].dt.tzinfo), 'summary': str(e['SUMMARY']), 'status': str(e['STATUS'])})
        print(json.dumps({'events': out, 'zones': [str(z['TZID']) for z in cal.walk('VTIMEZONE')]}))
        """
        let parsed = try await sandbox.run("/usr/bin/env", ["python3", "-c", script, ics])
        #expect(parsed.status == 0, "\(String(decoding: parsed.stderr, as: UTF8.self))")
        struct Parsed: Decodable {
            struct Event: Decodable { var uid: String; var start: String; var tz: String; var summary: String; var status: String }
            var events: [Event]; var zones: [String]
        }
        let calendar = try JSONDecoder().decode(Parsed.self, from: Data(parsed.stdout))
        #expect(calendar.zones == ["America/Toronto"])
        #expect(calendar.events.map(\.uid) == plan.picks.map { "\($0.id)@synthetic-3.festival" })
        #expect(calendar.events.map(\.start) == plan.picks.map { $0.start! }, "local times, as the catalog has them")
        #expect(calendar.events.allSatisfy { $0.tz.contains("Toronto") && $0.status == "CONFIRMED" })
    }

    @Test func plansAreSharedAndMergedWithoutLosingEitherSide() async throws {
        let (catalog, path) = try await festival()
        let exported = sandbox.directory.appending(path: "mine.json").path
        #expect(try await run(["shelf", "--catalog", path, "--unavailable", "2030-06-02T09:00-13:00"]).status == 0)
        #expect(try await run(["shelf", "--catalog", path, "--export-plan", exported]).status == 0)
        // A friend (another data directory) with a different priority for one film and one of their own.
        let friend = ["XDG_DATA_HOME": sandbox.directory.appending(path: "friend").path]
        #expect(try await run(["priority", "--catalog", path, catalog.films[0].id, "5"], env: friend).status == 0)
        #expect(try await run(["priority", "--catalog", path, catalog.films[30].id, "4"], env: friend).status == 0)
        let merged = try await run(["shelf", "--catalog", path, "--import-plan", exported], env: friend)
        #expect(merged.status == 0)
        #expect(merged.stdout.contains("film \(catalog.films[0].id): priority 5 kept (the other plan has 1)"), "\(merged.stdout)")
        let summary = try await run(["shelf", "--catalog", path], env: friend)
        #expect(summary.stdout.contains("13 priorities") && summary.stdout.contains("unavailable: 2030-06-02T09:00–13:00 America/Toronto"))
        let bad = try await run(["shelf", "--catalog", path, "--unavailable", "2030-06-02T13:00-09:00"])
        #expect(bad.status == 2)
        let foreign = try await run(["shelf", "--import-plan", exported])
        #expect(foreign.status == 2 && foreign.stderr.contains("not \"aiff-2025\""), "another catalog's plan: \(foreign.stderr)")
    }

    @Test func theBuiltInFestivalSaysWhyNothingCanBePlanned() async throws {
        #expect(try await run(["priority", "total-pixel-space", "5"]).status == 0)
        let r = try await run(["plan", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Total Pixel Space: every screening is no known time"), "\(r.stdout)")
        let none = try await run(["plan", "--json"])
        #expect(none.stdout.contains("\"unknown-time\""))
        let listed = try await run(["screenings", "--lang", "en", "--day", "2025-06-05"])
        #expect(listed.stdout.contains("new-york-gala") && listed.stdout.contains("Alice Tully Hall") && listed.stdout.contains("time unknown"))
    }
}

/// Hostile text in venues, labels and notes never reaches the terminal or a calendar as
/// control or bidi characters.
@Suite struct ScheduleHostileTextTests {
    @Test func venueNamesLabelsAndNotesAreMadeSafe() async throws {
        let sandbox = try Sandbox("festival-hostile-schedule")
        let fixture = try String(contentsOf: CLITests.packageRoot.appending(path: "Tests/Fixtures/schedule.json"), encoding: .utf8)
        let hostile = fixture
            .replacingOccurrences(of: #""name": {"en": "Great Hall", "zh-Hant": "大廳"}"#, with: #""name": {"en": "Great\u001b]52;c;aGk=\u0007 Hall\u202e", "zh-Hant": "大廳"}"#)
            .replacingOccurrences(of: #""labels": ["premiere", "Q&A"]"#, with: #""labels": ["pre\u001b[2Jmiere", "Q&A\nX"]"#)
        #expect(hostile != fixture)
        let path = sandbox.directory.appending(path: "hostile.json").path
        try hostile.write(toFile: path, atomically: true, encoding: .utf8)
        let binary = CLITests.binary.path
        let validate = try await sandbox.run(binary, ["validate", path])
        let warnings = String(decoding: validate.stderr, as: UTF8.self)
        #expect(validate.status == 0 && warnings.contains("venues[0].name.en: warning: control character U+001B"), "\(warnings)")
        #expect(warnings.contains("screenings[0].labels[0]"), "\(warnings)")
        for args in [["screenings", "--catalog", path, "--lang", "en"], ["render", "--catalog", path, "--screen", "schedule", "--size", "100x20"],
                     ["render", "--catalog", path, "--screen", "screening:s1", "--size", "100x20"]] {
            let r = try await sandbox.run(binary, args)
            #expect(r.status == 0, "\(args)")
            #expect(!r.stdout.contains(0x1B) && !String(decoding: r.stdout, as: UTF8.self).contains("\u{202E}"), "\(args)")
        }
        #expect(try await sandbox.run(binary, ["priority", "--catalog", path, "first", "3"]).status == 0)
        let ics = sandbox.directory.appending(path: "h.ics").path
        #expect(try await sandbox.run(binary, ["export", "--catalog", path, "--films", "all", "--format", "ics", "--output", ics]).status == 0)
        let calendar = try Data(contentsOf: URL(fileURLWithPath: ics))
        #expect(!calendar.contains(0x1B) && !calendar.contains(0x07))
        let text = String(decoding: calendar, as: UTF8.self)
        #expect(!text.contains("\u{202E}") && text.contains("Q&A␊X") || text.contains("Q&A X") || text.contains("Q&A\\nX"), "\(text)")
    }
}
