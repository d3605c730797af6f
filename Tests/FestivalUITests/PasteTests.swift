import Foundation
import Testing
import TextGrid
@testable import FestivalUI

/// A bracketed paste (`Key.paste`) is text: inserted into whatever field is open, never run
/// as commands; outside a field it opens the search with it or is refused.
@Suite struct PasteTests {
    typealias S = UITestSupport

    /// The review's repro: a note pasted with a line break and then `w`, `f`, `a`.
    static let note = "Loved the ending.\nwatch again with friends"

    @Test func aPasteIsOneLineOfTextWithNoControls() {
        var field = TextField("ab")
        _ = field.edit(.left)
        let handled = field.edit(.paste("x\r\ny\tz\u{1B}[A\u{7}\u{202E}q\u{2028}!"))
        #expect(handled)
        #expect(field.text == "ax y z[Aq !b", "CRLF is one space, ESC and BEL and the bidi override are dropped")
        #expect(field.cursor == 11, "the cursor ends after the paste")
        #expect(TextField.oneLine("電影\n🎬\r\r") == "電影 🎬  ")
    }

    @Test func aPasteIntoTheNoteEditorStaysInTheNote() {
        var state = S.state()
        let before = state.shelf
        S.press(&state, .char("m"))
        S.send(&state, .noEditor(.film("total-pixel-space"), ""))
        #expect(S.press(&state, .paste(Self.note)).isEmpty, "no effect: nothing saved, nothing run")
        #expect(state.shelf == before)
        guard case .note(let editor) = state.mode else { Issue.record("the editor closed: \(state.mode)"); return }
        #expect(editor.field.text == "Loved the ending. watch again with friends")
        let saved = S.press(&state, .enter)
        #expect(saved == [.saveShelf(.note(.film("total-pixel-space"), "Loved the ending. watch again with friends"), at: S.now)])
        #expect(!state.shelf.isWatched(film: "total-pixel-space") && !state.shelf.isFavorite(.film("total-pixel-space")))
    }

    @Test func aPasteIntoSearchIsTheQuery() {
        var state = S.state()
        S.press(&state, .char("s"))
        let effects = S.press(&state, .paste("Jailbird\nfw"))
        #expect(effects.isEmpty && state.mode == .search)
        #expect(state.search.field.text == "Jailbird fw")
        #expect(state.shelf == S.state().shelf)
    }

    @Test func aPasteIntoFindThePathPromptAndAMenuIsText() {
        var state = S.state()
        S.press(&state, .char("/"), .paste("pixel\nw"))
        #expect(state.mode == .find && state.find?.field.text == "pixel w")

        state = S.state()
        S.press(&state, .char("e"), .char("m"), .ctrl("u"), .paste("out\n.md"))
        guard case .exportPath(let prompt) = state.mode else { Issue.record("no prompt: \(state.mode)"); return }
        #expect(prompt.field.text == "out .md")

        state = S.state()
        S.press(&state, .char("a"), .paste("gold\nx"))
        guard case .picker(let picker) = state.mode else { Issue.record("no menu: \(state.mode)"); return }
        #expect(picker.field.text == "gold x")
    }

    @Test func aPasteOnAListOpensTheSearchWithIt() {
        var state = S.state()
        let effects = S.press(&state, .paste("Jailbird\nfw"))
        #expect(effects.isEmpty)
        #expect(state.screen == .search && state.mode == .search)
        #expect(state.search.field.text == "Jailbird fw")
        #expect(state.shelf == S.state().shelf)
    }

    @Test func aPasteWhereAKeyIsAwaitedIsRefused() {
        for keys in [[Key.char("r")], [.char("e")], [.char("?")]] {
            var state = S.state()
            S.press(&state, keys[0])
            let mode = state.mode
            #expect(S.press(&state, .paste("5")).isEmpty, "\(keys): a paste of 5 rates nothing")
            #expect(state.mode == mode)
            #expect(state.message == "A paste is text, not keys: nothing done.")
            #expect(state.shelf == S.state().shelf)
        }
    }

    @Test func ctrlCAndEscMeanTheSameInEveryField() {
        let opens: [[Key]] = [[.char("s")], [.char("/")], [.char("a")], [.char("e"), .char("m")]]
        for keys in opens {
            for cancel in [Key.escape, .ctrl("c"), .ctrl("g")] {
                var state = S.state()
                for key in keys { S.press(&state, key) }
                let effects = S.press(&state, cancel)
                #expect(!effects.contains(.quit), "\(keys) \(cancel)")
                #expect(state.mode == .browse, "\(keys) \(cancel): \(state.mode)")
            }
        }
        for cancel in [Key.escape, .ctrl("c"), .ctrl("g")] {
            var state = S.state()
            S.press(&state, .char("m"))
            S.send(&state, .noEditor(.film("total-pixel-space"), "draft"))
            S.press(&state, cancel)
            #expect(state.mode == .browse && state.shelf.note(.film("total-pixel-space")) == nil, "\(cancel)")
        }
    }
}
