import FestivalCatalog
import FestivalText
import Testing
import TextGrid
@testable import FestivalUI

/// Lists that give their width to what is cut, a preview that can be hidden, a readable
/// measure on wide screens, labels and names that are never cut to nothing.
@Suite struct WideLayoutTests {
    static func lines(_ state: AppState) -> [String] {
        view(state, size: state.size).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func columnsGrowToWhatTheyHoldWhenTheFirstHasRoomToSpare() {
        // Title wants 30, the others 10 (min 16, holds 25), 10 (min 14, holds 9): the spare
        // room goes to the cut column, the short one shrinks to what it holds.
        let widths = ListScreens.layout(100, first: 30, others: [ListColumn(minimum: 16, natural: 25), ListColumn(minimum: 14, natural: 9)])
        #expect(widths == [100 - 25 - 9 - 4, 25, 9])
        // No spare room: the others keep their minimums, the first takes the rest.
        #expect(ListScreens.layout(60, first: 50, others: [ListColumn(minimum: 16, natural: 25)]) == [42, 16])
        // Short of room, the rightmost columns drop out until the first has a third.
        #expect(ListScreens.layout(30, first: 50, others: [ListColumn(minimum: 16, natural: 25), ListColumn(minimum: 7, natural: 7)]) == [12, 16, 0])
        // A wide screen: a cut column grows to a sixth of the width while the first keeps half.
        #expect(ListScreens.layout(240, first: .max, others: [ListColumn(minimum: 18, natural: 60)]) == [198, 40])
    }

    @Test func theDirectorColumnShowsWholeNamesAndSaysHowManyMore() {
        let wide = Self.lines(UITestSupport.state(UITestSupport.builtin, .en, width: 200, height: 20))
        #expect(wide.contains { $0.contains("Ricardo Villavicencio, Edward Saatchi") })
        #expect(wide.contains { $0.contains("Herinarivo Rakotomanana") })
        // At 120 columns, beside the preview, the second director is counted.
        let narrow = Self.lines(UITestSupport.state(UITestSupport.builtin, .en, width: 120, height: 20))
        #expect(narrow.contains { $0.contains("… +1") })
    }

    @Test func vHidesAndShowsThePreview() {
        var state = UITestSupport.state(UITestSupport.builtin, .en, width: 120, height: 30)
        #expect(Self.lines(state)[2].contains("│"))
        let before = Self.lines(state)[4]
        UITestSupport.press(&state, .char("v"))
        let hidden = Self.lines(state)
        #expect(!hidden[2].contains("│"))
        #expect(hidden[4].contains("Ricardo Villavicencio, Edward Saatchi"), "\(before)\n\(hidden[4])")
        UITestSupport.press(&state, .char("v"))
        #expect(Self.lines(state)[2].contains("│"))
        // Too narrow for a preview: it says so instead of doing nothing.
        var small = UITestSupport.state(UITestSupport.builtin, .en, width: 80, height: 24)
        UITestSupport.press(&small, .char("v"))
        #expect(small.message == "The preview appears from 100 columns on")
        // The help lists it on lists only.
        #expect(Keymap.standard.help(for: .films, .en).contains { $0.keys == "v" })
        #expect(!Keymap.standard.help(for: .festival, .en).contains { $0.keys == "v" })
    }

    @Test(arguments: Language.allCases)
    func pagesKeepAReadableMeasureAndURLsStayWhole(language: Language) {
        var state = UITestSupport.state(UITestSupport.builtin, language, width: 200, height: 120)
        state.open(.film("total-pixel-space"))
        let lines = Self.lines(state).dropFirst().dropLast(2)
        let text = lines.filter { !$0.contains("http") }.map { DisplayWidth.of(String($0.reversed().drop { $0 == " " }.reversed())) }
        #expect(text.max()! <= DocumentBuilder.measure)
        #expect(text.max()! > 80)
        let url = "https://arstechnica.com/culture/2025/06/curated-realities-an-ai-film-festival-and-the-future-of-human-expression/"
        #expect(lines.contains { $0.contains(url) })
    }

    @Test(arguments: Language.allCases)
    func twoDirectorsShareOneLabel(language: Language) throws {
        let film = try #require(UITestSupport.builtin.films.first { $0.directors.count == 2 })
        var state = UITestSupport.state(UITestSupport.builtin, language, width: 80, height: 30)
        state.open(.film(film.id))
        let label = UIString.directors.text(language)
        let lines = Self.lines(state)
        #expect(lines.filter { $0.hasPrefix(label + " ") }.count == 1)
        for id in film.directors {
            #expect(lines.contains { $0.contains(UITestSupport.builtin.personName(id, language)) })
        }
    }

    @Test func previewLabelsAreWholeAndTooWideLabelsGetALineOfTheirOwn() {
        let state = UITestSupport.state(UITestSupport.builtin, .en, width: 100, height: 30)
        var people = state
        UITestSupport.press(&people, .char("3"))
        #expect(Self.lines(people).contains { $0.contains("│ Affiliation") })
        // 20 columns: the label is on its own line, the value under it.
        let page = DetailScreens.person(UITestSupport.builtin.people[0], UITestSupport.builtin, .en, width: 20)
        let rows = (0..<page.count).map { page.row($0).text }
        #expect(rows.contains("Affiliation"))
        #expect(!rows.contains { $0.contains("Affiliati…") })
    }

    @Test func aSecondaryNameThatWouldBeALoneEllipsisIsLeftOut() {
        #expect(ListScreens.withSecondary("Total Pixel Space", "全像素空間", width: 19) == "Total Pixel Space")
        #expect(ListScreens.withSecondary("Total Pixel Space", "全像素空間", width: 24) == "Total Pixel Space  全像素空間")
        #expect(ListScreens.withSecondary("JAILBIRD", "籠中鳥", width: 16) == "JAILBIRD  籠中鳥")
        #expect(ListScreens.withSecondary("JAILBIRD", nil, width: 4) == "JAILBIRD")
        for width in [40, 80, 120] {
            for line in Self.lines(UITestSupport.state(UITestSupport.builtin, .zhHant, width: width, height: 12)) {
                #expect(!line.contains("  …"), "\(width): \(line)")
            }
        }
    }

    @Test(arguments: [40, 80])
    func aLongMessageIsShownWhole(width: Int) {
        var state = UITestSupport.state(UITestSupport.builtin, .en, width: width, height: 12)
        let url = "https://example.org/a/very/long/path/that/goes/on/and/on/for/a/while/index.html"
        UITestSupport.send(&state, .notOpened(url, failure: nil))
        let lines = Self.lines(state)
        let shown = lines.suffix(6).joined().replacing(" ", with: "")
        #expect(shown.contains(url.replacing(" ", with: "")), "\(lines.joined(separator: "\n"))")
        // The next key clears it and the screen is whole again.
        UITestSupport.press(&state, .char("j"))
        #expect(Self.lines(state).last!.contains("quit"))
    }
}
