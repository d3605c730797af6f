import FestivalCatalog
import FestivalLibrary
import FestivalPlanner
import Foundation
import Testing
@testable import FestivalSchedule

/// The planner's problem made from a catalog and a shelf, solved and explained.
@Suite struct PlanProblemTests {
    /// Films a–e and two venues in one city and one in another; screenings on 2030-06-01
    /// and 2030-06-02 (Toronto time), each 90 minutes unless said.
    static func catalog() throws -> Catalog {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Fixtures/minimal.json")
        var c = try CatalogLoader.load(bytes: Array(try Data(contentsOf: url)), file: "minimal.json")
        let template = c.films[0]
        c.films = ["a", "b", "c", "d", "e", "f"].map { id in
            var f = template
            f.id = id
            f.title = LocalizedText(zhHant: nil, en: "Film " + id.uppercased())
            return f
        }
        func venue(_ id: String, _ city: String) -> Venue {
            Venue(id: id, name: LocalizedText(zhHant: nil, en: id), city: LocalizedText(zhHant: nil, en: city), address: nil,
                  timeZone: "America/Toronto", geo: nil, sources: [])
        }
        c.venues = [venue("v1", "Toronto"), venue("v2", "Toronto"), venue("far", "Montreal")]
        func show(_ id: String, _ films: [String], _ venue: String, _ start: String, _ minutes: Int = 90,
                  _ status: Screening.Status = .scheduled) -> Screening {
            Screening(id: id, films: films, venue: venue, start: LocalStart(start)!, duration: minutes, event: nil, status: status,
                      labels: [], note: nil, sources: [])
        }
        c.screenings = [
            show("a1", ["a"], "v1", "2030-06-01T10:00"),
            show("b1", ["b"], "v1", "2030-06-01T10:30"),
            show("b2", ["b"], "v2", "2030-06-01T12:00"),   // after a1 (11:30) and 20 minutes to v2
            show("c1", ["c"], "v2", "2030-06-01T10:15"),
            show("d1", ["d"], "v1", "2030-06-01T18:00", 90, .soldOut),
            show("d2", ["d"], "v1", "2030-06-02T18:00", 90, .cancelled),
            show("e1", ["e", "f"], "far", "2030-06-01T20:00"),
        ]
        c.travel = [Travel(from: "v1", to: "v2", minutes: 20)]
        return c
    }

    static func shelf(_ priorities: [String: Int]) -> Shelf {
        var s = Shelf()
        for (film, p) in priorities { s.setPriority(film: film, p, at: Date(timeIntervalSince1970: 0)) }
        return s
    }

    @Test func screeningsAreUnitsWithReasonsForTheRest() throws {
        let c = try Self.catalog()
        let problem = PlanProblem(catalog: c, timetable: Timetable(catalog: c), shelf: Self.shelf(["a": 5, "b": 1, "c": 3, "d": 4, "e": 2]),
                                  request: PlanRequest())
        #expect(problem.excluded["d1"] == .soldOut && problem.excluded["d2"] == .cancelled)
        #expect(problem.units.contains(["e", "f"]), "a programme is one unit")
        let e = try #require(problem.units.firstIndex(of: ["e", "f"]))
        #expect(problem.instance.weights[e] == 2, "e (2) + f (no priority: 0)")
        // Toronto to Montreal is a day's travel by default.
        let v1 = 0, far = 2
        #expect(problem.instance.travel.minutes(from: v1, to: far) == 1_440)
        #expect(problem.instance.travel.minutes(from: 0, to: 1) == 20 && problem.instance.travel.minutes(from: 1, to: 0) == 20)
    }

    @Test func thePlanIsBestAndExplainsWhatItLeavesOut() throws {
        let c = try Self.catalog()
        let shelf = Self.shelf(["a": 5, "b": 1, "c": 3, "d": 4, "e": 2])
        let problem = PlanProblem(catalog: c, timetable: Timetable(catalog: c), shelf: shelf, request: PlanRequest())
        let outcome = try problem.solve(catalog: c, shelf: shelf, timeLimit: 5).get()
        // a (16) with b2 (1) after it; c overlaps a; e1 is in Montreal, a day from Toronto.
        #expect(outcome.picks == ["a1", "b2"] && outcome.weight == 17 && outcome.proven)
        #expect(outcome.added == ["a1", "b2"] && outcome.removed.isEmpty)
        let reasons = Dictionary(uniqueKeysWithValues: outcome.leftOut.map { ($0.film, $0.reason) })
        #expect(reasons["c"] == .conflicts(["a1"]))
        #expect(reasons["d"] == .excluded([.cancelled, .soldOut]))
        #expect(reasons["e"] == .conflicts(["a1", "b2"]))
    }

    @Test func ticketsAreKeptAndClashingTicketsAreNamed() throws {
        let c = try Self.catalog()
        var shelf = Self.shelf(["a": 5, "b": 1, "c": 3])
        shelf.setTicket(screening: "c1", true, at: Date(timeIntervalSince1970: 0))
        let outcome = try PlanProblem(catalog: c, timetable: Timetable(catalog: c), shelf: shelf, request: PlanRequest())
            .solve(catalog: c, shelf: shelf, timeLimit: 5).get()
        #expect(outcome.picks.contains("c1") && !outcome.picks.contains("a1"))
        shelf.setTicket(screening: "a1", true, at: Date(timeIntervalSince1970: 0))
        let clash = PlanProblem(catalog: c, timetable: Timetable(catalog: c), shelf: shelf, request: PlanRequest())
            .solve(catalog: c, shelf: shelf, timeLimit: 5)
        #expect(clash == .failure(.clash("a1", "c1")))
    }

    @Test func replanningFromNowKeepsThePastPicksAndSkipsThePast() throws {
        let c = try Self.catalog()
        var shelf = Self.shelf(["a": 5, "b": 1, "c": 3])
        shelf.setPicked(screening: "c1", true, at: Date(timeIntervalSince1970: 0))
        // 11:00 Toronto (UTC-4 in June) on the first day.
        let now = Date(timeIntervalSince1970: TimeInterval(LocalTime.daysSince1970(year: 2030, month: 6, day: 1) * 86_400 + 15 * 3_600))
        let problem = PlanProblem(catalog: c, timetable: Timetable(catalog: c), shelf: shelf, request: PlanRequest(from: now))
        #expect(problem.kept == ["c1"] && problem.excluded["a1"] == .past && problem.excluded["b1"] == .past)
        let outcome = try problem.solve(catalog: c, shelf: shelf, timeLimit: 5).get()
        #expect(outcome.picks == ["c1", "b2"])
    }

    @Test func windowsUnavailableTimesAndStandby() throws {
        var c = try Self.catalog()
        c.screenings[1].status = .standby
        var shelf = Self.shelf(["a": 5, "b": 1, "c": 3])
        shelf.addUnavailable(Shelf.Unavailable(from: LocalStart("2030-06-01T11:00")!, to: LocalStart("2030-06-01T12:00")!,
                                               timeZone: "America/Toronto")!)
        let problem = PlanProblem(catalog: c, timetable: Timetable(catalog: c), shelf: shelf,
                                  request: PlanRequest(window: 10 * 60 + 10...23 * 60))
        #expect(problem.excluded["a1"] == .outsideWindow, "starts 10:00, before 10:10")
        #expect(problem.excluded["b1"] == .standby)
        #expect(problem.excluded["c1"] == .unavailable && problem.excluded["b2"] == nil, "11:00–12:00 meets c1, not b2 at 12:00")
        let asked = PlanProblem(catalog: c, timetable: Timetable(catalog: c), shelf: shelf, request: PlanRequest(standby: true))
        #expect(asked.excluded["b1"] == .unavailable, "standby asked for; 10:30–12:00 meets 11:00–12:00")
    }

    @Test func whatAManualPickDrops() throws {
        let c = try Self.catalog()
        var shelf = Self.shelf([:])
        shelf.setPicked(screening: "a1", true, at: Date(timeIntervalSince1970: 0))
        shelf.setPicked(screening: "b2", true, at: Date(timeIntervalSince1970: 0))
        let t = Timetable(catalog: c)
        #expect(PlanProblem.pickDrops("c1", catalog: c, timetable: t, shelf: shelf, request: PlanRequest()) == ["a1"])
        #expect(PlanProblem.pickDrops("b1", catalog: c, timetable: t, shelf: shelf, request: PlanRequest()) == ["a1", "b2"])
        #expect(PlanProblem.pickDrops("d1", catalog: c, timetable: t, shelf: shelf, request: PlanRequest()).isEmpty)
    }

    @Test func maxPerDayLeavesAFilmOutForAFullDay() throws {
        let c = try Self.catalog()
        let shelf = Self.shelf(["a": 5, "b": 1])
        let outcome = try PlanProblem(catalog: c, timetable: Timetable(catalog: c), shelf: shelf, request: PlanRequest(maxPerDay: 1))
            .solve(catalog: c, shelf: shelf, timeLimit: 5).get()
        #expect(outcome.picks == ["a1"])
        #expect(outcome.leftOut == [.init(film: "b", reason: .dayFull)])
    }

    @Test func theTimetableOrdersByLocalDayAndMinute() throws {
        let c = try Self.catalog()
        let t = Timetable(catalog: c)
        #expect(t.entries.map(\.id) == ["a1", "c1", "b1", "b2", "d1", "e1", "d2"])
        #expect(t.days.map(\.description) == ["2030-06-01", "2030-06-02"])
        #expect(t.entry("a1")?.endMinute == 11 * 60 + 30)
        #expect(PlanRequest.window("10:00-23:30") == 600...1_410 && PlanRequest.window("23:00-02:00") == nil
                && PlanRequest.window("22:00-26:00") == 1_320...1_560 && PlanRequest.window("9:00-10:00") == nil)
    }
}
