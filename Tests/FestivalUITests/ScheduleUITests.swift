import FestivalCatalog
import FestivalLibrary
import FestivalSchedule
import FestivalSynthetic
import Foundation
import Testing
import TextGrid
@testable import FestivalUI

/// The Schedule section, My plan and a screening's page: snapshots at four sizes in both
/// languages, and the planning keys (priority, pick with what it drops, ticket, plan shown
/// before it is applied, undo, days).
@Suite struct ScheduleUITests {
    static let schedule: Catalog = try! CatalogLoader.load(
        path: UITestSupport.testsDir.deletingLastPathComponent().appending(path: "Fixtures/schedule.json").path)
    static let generated = CatalogGenerator(films: 60, quotes: 0, seed: 11,
                                            schedule: SyntheticSchedule(venues: 6, days: 3, screeningsPerFilm: 2)).catalog()

    /// A shelf with priorities on a third of the films, two picks and a ticket on day 2.
    static func shelf(_ catalog: Catalog) -> Shelf {
        var s = Shelf()
        for (i, film) in catalog.films.enumerated() where i % 3 == 0 { s.setPriority(film: film.id, i % 5 + 1, at: UITestSupport.now) }
        let day2 = Timetable(catalog: catalog).entries(on: PartialDate(year: 2030, month: 6, day: 2))
        if day2.count > 8 {
            s.setPicked(screening: day2[2].id, true, at: UITestSupport.now)
            s.setTicket(screening: day2[8].id, true, at: UITestSupport.now)
        }
        return s
    }

    static func state(_ catalog: Catalog, _ language: Language, width: Int = 80, height: Int = 24) -> AppState {
        var state = UITestSupport.state(catalog, language, width: width, height: height)
        _ = UITestSupport.send(&state, .shelfLoaded(shelf(catalog), message: nil))
        return state
    }

    @Test(arguments: Language.allCases)
    func snapshotsAtEverySize(language: Language) {
        for (w, h) in SnapshotTests.sizes {
            var state = Self.state(Self.generated, language, width: w, height: h)
            _ = UITestSupport.send(&state, .showScheduleDay(PartialDate(year: 2030, month: 6, day: 2)))
            UITestSupport.assertSnapshot(view(state, size: state.size).text, named: "schedule-generated-\(language.rawValue)-\(w)x\(h)")
            UITestSupport.press(&state, .char("M"))
            UITestSupport.assertSnapshot(view(state, size: state.size).text, named: "myplan-generated-\(language.rawValue)-\(w)x\(h)")
            var fixture = Self.state(Self.schedule, language, width: w, height: h)
            UITestSupport.press(&fixture, .char("6"))
            UITestSupport.assertSnapshot(view(fixture, size: fixture.size).text, named: "schedule-fixture-\(language.rawValue)-\(w)x\(h)")
            fixture.open(.screening("s1"))
            UITestSupport.assertSnapshot(view(fixture, size: fixture.size).text, named: "screening-s1-\(language.rawValue)-\(w)x\(h)")
        }
    }

    @Test func theGridShowsVenuesTimesMarksAndTheSelection() {
        var state = Self.state(Self.generated, .en, width: 120, height: 40)
        _ = UITestSupport.send(&state, .showScheduleDay(PartialDate(year: 2030, month: 6, day: 2)))
        let text = view(state, size: state.size).text
        #expect(text.contains("Synthetic Cinema 1") || text.contains("Synthetic Cinem"))
        #expect(text.contains("09:00") && text.contains("12:00"), "the time axis")
        #expect(text.contains("●") && text.contains("◆"), "a pick and a ticket")
        #expect(text.contains("Schedule · 2030-06-02 · 2/3"))
        // At 40 columns a day of six venues still shows two, with an arrow to the others.
        var narrow = Self.state(Self.generated, .en, width: 40, height: 12)
        _ = UITestSupport.send(&narrow, .showScheduleDay(PartialDate(year: 2030, month: 6, day: 2)))
        let narrowText = view(narrow, size: narrow.size).text
        #expect(narrowText.contains("▸") || narrowText.contains("◂"), "arrows to the venues off to a side")
        // Below two columns' room, a list by time.
        var tiny = Self.state(Self.generated, .en, width: 28, height: 12)
        _ = UITestSupport.send(&tiny, .showScheduleDay(PartialDate(year: 2030, month: 6, day: 2)))
        #expect(view(tiny, size: tiny.size).text.contains("2030-06-02 · 2/3"))
    }

    @Test func daysArePagesAndEnterOpensTheFilmOrTheProgramme() {
        var state = Self.state(Self.schedule, .en)
        UITestSupport.press(&state, .char("6"))
        #expect(Screens.title(state, .schedule).contains("2030-01-02 · 1/4"))
        UITestSupport.press(&state, .char("]"), .char("]"), .char("]"), .char("]"))
        #expect(Screens.title(state, .schedule).contains("Day unknown · 4/4"), "the last page: no known day")
        UITestSupport.press(&state, .char("["), .char("["), .char("["))
        UITestSupport.press(&state, .enter)
        #expect(state.screen == .screening("s1"), "a programme opens its screening page")
        UITestSupport.press(&state, .escape, .char("]"), .enter)
        #expect(state.screen == .film("first"), "a single film opens its page")
    }

    @Test func priorityPickDropsAndTicket() {
        var state = UITestSupport.state(Self.schedule, .en)
        _ = UITestSupport.send(&state, .show(.film("first")))
        UITestSupport.press(&state, .char("P"))
        #expect(state.mode == .priority(["first"]))
        let effects = UITestSupport.press(&state, .char("4"))
        #expect(state.shelf.priority(film: "first") == 4 && effects == [.saveShelf(.priority(film: "first", 4), at: UITestSupport.now)])
        #expect(view(state, size: state.size).text.contains("Priority    4 / 5") || view(state, size: state.size).text.contains("4 / 5"))
        UITestSupport.press(&state, .char("P"), .backspace)
        #expect(state.shelf.priority(film: "first") == nil)
        // The film page lists its screenings; pick one there.
        #expect(view(state, size: state.size).text.contains("Screenings (2)"))
        state.open(.screening("s1"))
        UITestSupport.press(&state, .char("c"))
        #expect(state.shelf.isPicked(screening: "s1"))
        // s2 shows "first" too: picking it says it drops s1, and a second c picks it.
        state.open(.screening("s2"))
        UITestSupport.press(&state, .char("c"))
        #expect(!state.shelf.isPicked(screening: "s2") && state.message?.contains("picking this drops") == true)
        UITestSupport.press(&state, .char("c"))
        #expect(state.shelf.isPicked(screening: "s2") && !state.shelf.isPicked(screening: "s1"))
        UITestSupport.press(&state, .char("T"))
        #expect(state.shelf.hasTicket(screening: "s2"))
        UITestSupport.press(&state, .char("c"))
        #expect(!state.shelf.isPicked(screening: "s2") && !state.shelf.hasTicket(screening: "s2"), "unpicking drops the ticket")
    }

    @Test func aPlanIsShownBeforeItIsAppliedAndCanBeUndone() throws {
        var state = Self.state(Self.generated, .en)
        UITestSupport.press(&state, .char("6"))
        let effects = UITestSupport.press(&state, .char("A"))
        guard case .plan(let shelf, let request)? = effects.first else { Issue.record("A asks for a plan: \(effects)"); return }
        #expect(state.planning.running && state.message == "Planning…")
        // The keys keep answering while it runs.
        UITestSupport.press(&state, .char("j"))
        #expect(state.viewport.selected == 1)
        let result = PlanProblem(catalog: state.catalog, timetable: state.timetable, shelf: shelf, request: request)
            .solve(catalog: state.catalog, shelf: shelf, timeLimit: 10)
        let outcome = try result.get()
        _ = UITestSupport.send(&state, .planned(result))
        guard case .planPreview = state.mode else { Issue.record("the plan is shown first"); return }
        let shown = view(state, size: state.size).text
        #expect(shown.contains("Enter: apply") && shown.contains("+ 2030-06-"))
        let before = state.shelf.pickedScreenings
        UITestSupport.press(&state, .enter)
        #expect(Set(state.shelf.pickedScreenings) == Set(outcome.picks))
        #expect(state.message == "Plan applied")
        UITestSupport.press(&state, .char("u"))
        #expect(state.shelf.pickedScreenings == before && state.message == "Plan undone")
        // Esc keeps the picks as they are.
        _ = UITestSupport.send(&state, .planned(result))
        UITestSupport.press(&state, .escape)
        #expect(state.shelf.pickedScreenings == before && state.mode == .browse)
    }

    @Test func helpListsThePlanningKeysWhereTheyApply() {
        let keymap = Keymap.standard
        let schedule = keymap.help(for: .schedule, .en).map(\.text).joined(separator: "\n")
        #expect(schedule.contains("pick, ticket") && schedule.contains("plan: the best schedule") && schedule.contains("next, previous day"))
        let films = keymap.help(for: .films, .en).map(\.text).joined(separator: "\n")
        #expect(films.contains("priority") && !films.contains("pick, ticket"))
        let quote = keymap.help(for: .quote("q01"), .en).map(\.text).joined(separator: "\n")
        #expect(!quote.contains("priority"))
    }
}

extension ScheduleUITests {
    /// While the festival is on, `A` plans from now; before or after it, the whole festival.
    @Test func duringTheFestivalThePlanStartsNow() {
        var state = Self.state(Self.generated, .en)
        UITestSupport.press(&state, .char("6"))
        var effects = UITestSupport.press(&state, .char("A"))
        guard case .plan(_, let before)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(before.from == nil, "the festival (2030) is after the tests' clock")
        _ = UITestSupport.send(&state, .planned(.failure(.clash("a", "b"))))
        let during = Date(timeIntervalSince1970: TimeInterval(LocalTime.daysSince1970(year: 2030, month: 6, day: 2) * 86_400 + 16 * 3_600))
        effects = update(&state, .key(.char("A")), now: during)
        guard case .plan(_, let on)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(on.from == during)
    }
}
