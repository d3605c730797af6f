import FestivalCatalog
import Testing
import TextGrid
@testable import FestivalUI

/// Every screen as text at four sizes and in both languages, against golden files.
@Suite struct SnapshotTests {
    static let sizes = [(80, 24), (120, 40), (40, 12), (200, 60)]
    static let screens: [(String, Screen)] = [
        ("films", .films), ("quotes", .quotes), ("people", .people), ("festival", .festival),
        ("film-total-pixel-space", .film("total-pixel-space")), ("quote-q01", .quote("q01")),
        ("quote-q11", .quote("q11")), ("person-cristobal-valenzuela", .person("cristobal-valenzuela")),
    ]

    @Test(arguments: Language.allCases)
    func everyScreenAtEverySize(language: Language) {
        for (name, screen) in Self.screens {
            for (w, h) in Self.sizes {
                var state = UITestSupport.state(UITestSupport.builtin, language, width: w, height: h)
                state.open(screen)
                let canvas = view(state, size: Size(width: w, height: h))
                #expect(canvas.width == w && canvas.height == h)
                UITestSupport.assertSnapshot(canvas.text, named: "\(name)-\(language.rawValue)-\(w)x\(h)")
            }
        }
    }

    @Test(arguments: Language.allCases)
    func emojiAndCombiningMarks(language: Language) {
        for (w, h) in Self.sizes {
            var state = UITestSupport.state(UITestSupport.minimal, language, width: w, height: h)
            UITestSupport.assertSnapshot(view(state, size: Size(width: w, height: h)).text, named: "emoji-films-\(language.rawValue)-\(w)x\(h)")
            state.open(.quote("q1"))
            UITestSupport.assertSnapshot(view(state, size: Size(width: w, height: h)).text, named: "emoji-quote-\(language.rawValue)-\(w)x\(h)")
        }
    }

    @Test func helpOverlayAndFind() {
        var state = UITestSupport.state(UITestSupport.builtin, .en)
        UITestSupport.press(&state, .char("?"))
        UITestSupport.assertSnapshot(view(state, size: state.size).text, named: "help-films-en-80x24")
        UITestSupport.press(&state, .escape, .char("3"), .char("/"), .char("j"), .char("u"), .char("r"))
        UITestSupport.assertSnapshot(view(state, size: state.size).text, named: "find-people-en-80x24")
        var zh = UITestSupport.state(UITestSupport.builtin, .zhHant)
        zh.open(.film("total-pixel-space"))
        UITestSupport.press(&zh, .char("?"))
        UITestSupport.assertSnapshot(view(zh, size: zh.size).text, named: "help-film-zh-Hant-80x24")
    }

    @Test(arguments: Language.allCases)
    func loadingScreen(language: Language) {
        let tag = language == .en ? "en" : "zh"
        let canvas = loadingView(file: "/data/big.json", phase: .parsing, fraction: 0.42, language: language,
                                 size: Size(width: 60, height: 9))
        UITestSupport.assertSnapshot(canvas.text, named: "loading-\(tag)-60x9")
        #expect(canvas.text.contains("42%"))
        // Tiny terminals get an empty screen, not a crash.
        #expect(loadingView(file: "x", phase: .reading, fraction: nil, language: language, size: Size(width: 5, height: 2)).text
            .allSatisfy { $0 == " " || $0 == "\n" })
    }

    @Test func tinySizes() {
        let state = UITestSupport.state(UITestSupport.builtin, .en)
        UITestSupport.assertSnapshot(view(state, size: Size(width: 20, height: 6)).text, named: "films-en-20x6")
        UITestSupport.assertSnapshot(view(state, size: Size(width: 19, height: 6)).text, named: "too-small-en-19x6")
        for (w, h) in [(0, 0), (1, 1), (5, 2), (19, 30), (300, 5)] {
            let canvas = view(state, size: Size(width: w, height: h))
            #expect(canvas.width == w && canvas.height == h)
        }
    }
}
