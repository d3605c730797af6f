import FestivalCatalog
import Testing
import TextGrid
@testable import FestivalUI

private typealias S = UITestSupport

/// `a`, `t`, `p`: a menu of the filter's values that leave something in the list, with
/// counts, narrowed as you type; Enter applies, Esc leaves the filter as it was.
@Suite struct FilterPickerTests {
    static func picker(_ state: AppState) -> FilterPicker? {
        if case .picker(let picker) = state.mode { picker } else { nil }
    }

    static func type(_ state: inout AppState, _ text: String) {
        for c in text { S.press(&state, .char(c)) }
    }

    @Test func theAwardMenuListsOnlyAwardsThatFilmsHaveWithCounts() throws {
        var state = S.state()
        S.press(&state, .char("a"))
        let picker = try #require(Self.picker(state))
        #expect(picker.options.map(\.label) == ["all", "Grand Prix", "Gold", "unknown"])
        #expect(picker.options.map(\.count) == [7, 1, 1, 5], "ONE and Fragments of Nowhere have a place but no tier known: under unknown")
        #expect(picker.choice?.value == nil, "the menu opens on the value in use: none")
        S.press(&state, .down, .down, .enter)
        #expect(state.mode == .browse && state.awardFilter == "gold")
        #expect(ListScreens.films(state).map(\.id) == ["jailbird"])
        #expect(Screens.title(state, .films) == "Films · Gold")
        S.press(&state, .char("a"))
        #expect(Self.picker(state)?.choice?.value == "gold", "reopened on the value in use")
        #expect(view(state, size: state.size).text.contains("✓ Gold"))
    }

    /// Every value's count is what the list holds once it is chosen, for each of the four
    /// filters, with the other filter of its list set and not.
    @Test func eachCountIsTheLengthOfTheListItLeaves() throws {
        for (section, filters) in [("1", ["a", "t"]), ("2", ["p", "t"])] {
            for (first, second) in [(filters[0], filters[1]), (filters[1], filters[0])] {
                var state = S.state()
                S.press(&state, .char(Character(section)), .char(Character(first)), .down, .enter)   // one filter set
                S.press(&state, .char(Character(second)))
                let picker = try #require(Self.picker(state), "\(section)\(first)\(second)")
                #expect(picker.options.count > 1)
                for (i, option) in picker.options.enumerated() {
                    var chosen = state
                    for _ in 0..<i { S.press(&chosen, .down) }
                    S.press(&chosen, .enter)
                    let count = section == "1" ? ListScreens.films(chosen).count : ListScreens.quotes(chosen).count
                    #expect(count == option.count, "\(section) \(first) then \(second) = \(option.label)")
                    #expect(count > 0)
                }
            }
        }
    }

    @Test func typingNarrowsFoldedAndEscLeavesTheFilterAsItWas() throws {
        var state = S.state()
        S.press(&state, .char("2"), .char("p"))
        let speakers = try #require(Self.picker(state))
        #expect(speakers.options.dropFirst().map(\.count) == speakers.options.dropFirst().map(\.count).sorted(by: >),
                "the most quoted first")
        Self.type(&state, "CRISTOBAL")                     // Cristóbal, accent and case folded
        #expect(Self.picker(state)?.shown.map { speakers.options[$0].value } == ["cristobal-valenzuela"])
        S.press(&state, .escape)
        #expect(state.mode == .browse && state.quoteFilter.speaker == nil)
        S.press(&state, .char("p"))
        Self.type(&state, "巴倫")                            // the Chinese name finds the English-named option
        #expect(Self.picker(state)?.choice?.value == "cristobal-valenzuela")
        Self.type(&state, "zzz")
        #expect(Self.picker(state)?.shown.isEmpty == true)
        #expect(view(state, size: state.size).text.contains("no matches"))
        S.press(&state, .enter)                              // nothing to choose: the filter stays
        #expect(state.mode == .browse && state.quoteFilter.speaker == nil)
    }

    /// The menu's field is a text field like the others (Alt-b edits, it is not Esc + b),
    /// with the terminal's cursor in it.
    @Test func theFieldEditsAndShowsTheCursor() throws {
        var state = S.state()
        S.press(&state, .char("2"), .char("t"))
        Self.type(&state, "ai copy")
        S.press(&state, .alt("b"), .ctrl("k"))
        #expect(Self.picker(state)?.field.text == "ai ")
        let canvas = view(state, size: state.size)
        let cursor = try #require(canvas.cursor)
        let line = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)[cursor.y]
        #expect(line.contains("> ai"), "\(line)")
        #expect(cursor.x == (line.firstRange(of: "> ai").map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? -9) + 5)
    }

    @Test func movingKeepsTheHighlightInViewOnASmallScreen() throws {
        var state = S.state(width: 40, height: 10)
        S.press(&state, .char("2"), .char("p"))
        let count = try #require(Self.picker(state)).options.count
        for _ in 0..<count { S.press(&state, .down) }
        let picker = try #require(Self.picker(state))
        #expect(picker.selected == count - 1)
        let rows = FilterPicker.rows(height: 10)
        #expect(picker.scroll == count - rows)
        let text = view(state, size: state.size).text
        #expect(text.contains(picker.options[count - 1].label), "\(text)")
        S.press(&state, .pageUp, .pageUp, .pageUp)
        #expect(Self.picker(state)?.selected == 0 && Self.picker(state)?.scroll == 0)
    }

    /// A list the filters leave empty says how to clear them, with the key the keymap binds.
    @Test func anEmptyFilteredListSaysWhichKeyClearsTheFilters() throws {
        var state = S.state()
        S.press(&state, .char("a"), .down, .enter)         // Grand Prix: Total Pixel Space
        S.press(&state, .char("t"))
        let styles = try #require(Self.picker(state))
        let film = try #require(state.catalog.film("total-pixel-space"))
        #expect(styles.options.dropFirst().map(\.value) == film.styles.map(ListScreens.styleKey),
                "only the styles the Grand Prix film has")
        S.press(&state, .escape)
        // Set through the model what the menu would never offer: a style no Grand Prix film has.
        let other = state.catalog.films.flatMap(\.styles).map(ListScreens.styleKey).first { !film.styles.map(ListScreens.styleKey).contains($0) }
        Filters.set(.style, to: try #require(other), &state)
        #expect(ListScreens.films(state).isEmpty)
        #expect(view(state, size: state.size).text.contains("Nothing matches these filters: x clears them"))
        var keymap = Keymap.standard
        keymap.bindings = keymap.bindings.filter { $0.command != .clearFilters } + [(.char("X"), .clearFilters)]
        #expect(view(state, size: state.size, keymap: keymap).text.contains("Nothing matches these filters: X clears them"))
        var zh = state
        S.press(&zh, .char("L"))
        #expect(view(zh, size: zh.size).text.contains("沒有符合這些篩選的項目：x 清除篩選"))
        S.press(&state, .char("x"))
        #expect(ListScreens.films(state).count == state.catalog.films.count)
    }

    @Test func nothingToChooseIsSaid() {
        var state = AppState(catalog: S.builtin, language: .en, size: Size(width: 80, height: 24), library: nil, start: true)
        S.press(&state, .char("2"), .char("p"))
        #expect(state.mode == .browse)
        #expect(state.message?.hasPrefix("Loading quotes") == true, "\(state.message ?? "nil")")
    }

    @Test func snapshots() {
        for (language, keys, w, h) in [(Language.en, "2p", 80, 24), (.zhHant, "a", 80, 24), (.en, "2t", 40, 12), (.zhHant, "2t", 120, 40)] {
            var state = S.state(S.builtin, language, width: w, height: h)
            for c in keys { S.press(&state, .char(c)) }
            S.assertSnapshot(view(state, size: state.size).text, named: "picker-\(keys)-\(language.rawValue)-\(w)x\(h)")
        }
    }
}
