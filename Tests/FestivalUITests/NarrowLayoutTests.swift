import Foundation
import Testing
import TextGrid
import FestivalCatalog
import FestivalText
@testable import FestivalUI

/// At 40 columns the active tab stays whole and the hint line keeps help and quit; the help
/// lists only what works where you are.
@Suite struct NarrowLayoutTests {
    @Test(arguments: [Language.en, .zhHant])
    func theActiveTabIsAlwaysWholeAndClickable(language: Language) {
        for width in [30, 40, 60] {
            for section in Section.allCases {
                var state = UITestSupport.state(UITestSupport.builtin, language, width: width, height: 12)
                Navigator.switchSection(&state, to: section)
                let top = view(state, size: state.size).text.split(separator: "\n", omittingEmptySubsequences: false)[0]
                let label = "\(section.rawValue + 1) \(section.title.text(language))"
                #expect(top.contains(label), "\(width) columns, \(section): \(top)")
                #expect(DisplayWidth.of(String(top)) <= width)
                // A click on any column of the active tab's name selects it.
                let start = TabBar.labels(state, width: width).prefix { $0.0 != section }
                    .reduce(0) { $0 + DisplayWidth.of($1.1) + 1 }
                #expect(TabBar.section(at: start + 1, state) == section)
            }
        }
    }

    @Test func theHintLineKeepsHelpAndQuitAndFollowsTheKeymap() throws {
        for language in [Language.en, .zhHant] {
            let state = UITestSupport.state(UITestSupport.builtin, language, width: 40, height: 12)
            let hints = view(state, size: state.size).text.split(separator: "\n").last.map(String.init) ?? ""
            #expect(hints.contains("? " + UIString.help.text(language)) && hints.contains("q " + UIString.quit.text(language)), "\(hints)")
        }
        let keymap = try ConfigTests.parse("[keys]\nquit = [\"Q\"]\n").keymap
        let state = UITestSupport.state(UITestSupport.builtin, .en, width: 40, height: 12)
        let hints = view(state, size: state.size, keymap: keymap).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(hints.contains("Q quit") && !hints.contains("q quit"), "\(hints)")
        // Wide enough, every hint in its order.
        let wide = UITestSupport.state(UITestSupport.builtin, .en, width: 120, height: 30)
        let all = view(wide, size: wide.size).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(all.hasPrefix("↑↓ move  Enter open") && all.hasSuffix("? help  q quit"), "\(all)")
    }

    @Test func helpOnPeopleLeavesOutTheShelfMarks() {
        let people = Keymap.standard.help(for: Screen.people, .en).map(\.keys).joined(separator: "\n")
        for key in ["f / w / r / m", "f", "w", "r", "m"] {
            #expect(!people.split(separator: "\n").contains { $0.split(separator: " ").contains(Substring(key)) }, "\(key) on People:\n\(people)")
        }
        let films = Keymap.standard.help(for: Screen.films, .en)
        #expect(films.contains { $0.keys == "f / w / r / m" })
        let quotes = Keymap.standard.help(for: Screen.quotes, .en)
        #expect(quotes.contains { $0.keys == "f / m" && $0.text.contains("favorite") && $0.text.contains("note") }, "\(quotes)")
        #expect(Keymap.standard.help(for: Screen.festival, .en).contains { $0.keys == "e" }, "the festival page exports the festival")
    }
}
