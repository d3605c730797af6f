import FestivalCatalog
import FestivalLibrary
import Testing
import TextGrid
@testable import FestivalUI

/// f, w, r, m and the Shelf section, in the pure core.
@Suite struct ShelfUITests {
    typealias S = UITestSupport

    @Test func favoriteWatchedAndRatingOnAFilm() {
        var state = S.state()
        S.press(&state, .down)                                   // JAILBIRD
        #expect(S.press(&state, .char("f")) == [.saveShelf(.favorite(.film("jailbird"), true), at: UITestSupport.now)])
        #expect(state.shelf.isFavorite(.film("jailbird")))
        #expect(state.message == "Added to favorites ★")
        #expect(S.press(&state, .char("w")) == [.saveShelf(.watched(film: "jailbird", true), at: UITestSupport.now)])
        S.press(&state, .char("r"))
        #expect((state.mode == .rating))
        #expect(S.press(&state, .char("4")) == [.saveShelf(.rate(film: "jailbird", 4), at: UITestSupport.now)])
        #expect(state.shelf.rating(film: "jailbird") == 4)
        #expect(state.section == .films)                        // 4 rated; it did not switch sections
        S.press(&state, .char("r"), .char("x"))                  // anything else cancels
        #expect(!(state.mode == .rating) && state.shelf.rating(film: "jailbird") == 4)
        S.press(&state, .char("r"), .char("0"))
        #expect(state.shelf.rating(film: "jailbird") == nil)
        // The list marks it.
        #expect(view(state, size: state.size).text.contains("★ ✓ JAILBIRD"))
    }

    @Test func watchedAndRatingNeedAFilm() {
        var state = S.state()
        S.press(&state, .char("2"))
        #expect(S.press(&state, .char("w")).isEmpty)
        #expect(state.message == "Select a film first.")
        #expect(S.press(&state, .char("f")) == [.saveShelf(.favorite(.quote(state.catalog.quotes[0].id), true), at: UITestSupport.now)])
    }

    @Test func notesInlineWhenThereIsNoEditor() {
        var state = S.state()
        let effects = S.press(&state, .char("m"))
        #expect(effects == [.editNote(.film("total-pixel-space"), "")])
        UITestSupport.send(&state, .noEditor(.film("total-pixel-space"), ""))  // what the shell does without $EDITOR
        for c in "Borges 電影!" { S.press(&state, .char(c)) }
        #expect(view(state, size: state.size).text.contains("Note: Borges 電影!"))
        // The note editor is a field like the others: move into it and insert.
        for key in [Key.home, .alt("f"), .char(","), .end] { S.press(&state, key) }
        let canvas = view(state, size: state.size)
        #expect(canvas.text.contains("Note: Borges, 電影!"))
        #expect(canvas.cursor == Canvas.Cursor(x: DisplayWidth.of("Note: Borges, 電影!"), y: state.size.height - 1))
        let saved = S.press(&state, .enter)
        #expect(saved == [.saveShelf(.note(.film("total-pixel-space"), "Borges, 電影!"), at: UITestSupport.now)])
        #expect(state.shelf.note(.film("total-pixel-space")) == "Borges, 電影!")
        S.press(&state, .char("m"))
        UITestSupport.send(&state, .noEditor(.film("total-pixel-space"), "draft"))
        S.press(&state, .escape)                                  // Esc drops the edit
        #expect(state.mode == .browse && state.shelf.note(.film("total-pixel-space")) == "Borges, 電影!")
    }

    /// N5: a page shows at most `DocumentBuilder.textLimit` characters of one text (a shelf
    /// note has no catalog limit), so its rows are bounded whatever the note.
    @Test func aHugeNoteIsShownCut() {
        var state = S.state()
        let note = String(repeating: "word ", count: 600_000)   // 3 MB
        S.send(&state, .noteEdited(.film("total-pixel-space"), .edited(note)))
        let page = Screens.page(state, screen: .shelf, width: 80)
        #expect(page.count > 800 && page.count < 1_200, "\(page.count) rows")
        #expect(DocumentBuilder.bounded(String(repeating: "é", count: 70_000)).count == DocumentBuilder.textLimit + 1)
        #expect(DocumentBuilder.bounded("short") == "short")
    }

    /// N6: the Shelf page is built once for a shelf (its revision), not on every key.
    @Test func theShelfHasARevisionEachChangeRenews() {
        var shelf = Shelf()
        let first = shelf.revision
        let copy = shelf
        #expect(copy.revision == first, "a copy is the same shelf")
        shelf.toggleFavorite(.film("a"), at: S.now)
        #expect(shelf.revision != first && copy.revision == first)
        let other = Shelf()
        #expect(other.revision != first, "another shelf, another revision")
    }

    /// Nothing typed into the note editor is lost: Esc (or Ctrl-c) keeps a changed note as a
    /// draft the next `m` opens; keys that edit nothing (PgUp, F1, the wheel) leave it open.
    @Test func anUnsavedNoteIsADraftNotALoss() {
        var state = S.state()
        S.press(&state, .char("m"))
        S.send(&state, .noEditor(.film("total-pixel-space"), ""))
        for c in "half a thought" { S.press(&state, .char(c)) }
        for key in [Key.pageUp, .function(1), .mouse(MouseEvent(.wheelDown, x: 3, y: 3)), .tab, .unknown(27)] {
            S.press(&state, key)
            guard case .note(let editor) = state.mode else { Issue.record("\(key) closed the editor"); return }
            #expect(editor.field.text == "half a thought")
        }
        S.press(&state, .ctrl("c"))
        #expect(state.mode == .browse && state.shelf.note(.film("total-pixel-space")) == nil)
        #expect(state.message == "Note not saved: the next note key brings it back.")
        #expect(S.press(&state, .char("m")) == [.editNote(.film("total-pixel-space"), "half a thought")])
        S.send(&state, .noEditor(.film("total-pixel-space"), "half a thought"))
        S.press(&state, .enter)
        #expect(state.shelf.note(.film("total-pixel-space")) == "half a thought" && state.noteDrafts.isEmpty)
        // Cancelled without a change: no draft, no message.
        S.press(&state, .char("m"))
        S.send(&state, .noEditor(.film("total-pixel-space"), "half a thought"))
        S.press(&state, .escape)
        #expect(state.noteDrafts.isEmpty && state.message == nil)
    }

    @Test func theEditorSaysWhenNothingChangedOrItFailed() {
        var state = S.state()
        let film = ShelfItem.film("total-pixel-space")
        #expect(S.send(&state, .noteEdited(film, .edited("first"))) == [.saveShelf(.note(film, "first"), at: UITestSupport.now)])
        #expect(state.message == "Note saved")
        // The same text again: nothing to save, and it says so.
        #expect(S.send(&state, .noteEdited(film, .edited("first"))).isEmpty)
        #expect(state.message == "Note unchanged")
        // An empty note left empty is unchanged too.
        #expect(S.send(&state, .noteEdited(.film("jailbird"), .edited(""))).isEmpty)
        #expect(state.message == "Note unchanged")
        #expect(S.send(&state, .noteEdited(film, .failed(ProgramFailure(program: "false", reason: .exitStatus(1))))).isEmpty)
        #expect(state.message == "The editor failed (false: exit status 1); the note is as it was")
        #expect(state.shelf.note(film) == "first")
        S.send(&state, .noteEdited(film, .failed(ProgramFailure(program: "vim -c 'set tw=72'", reason: .exitStatus(127)))))
        #expect(state.message == "The editor failed (vim -c 'set tw=72': not found or not runnable); the note is as it was")
        S.send(&state, .notOpened("https://x.org/", failure: ProgramFailure(program: "/bin/false", reason: .exitStatus(1))))
        #expect(state.message == "The browser failed (/bin/false: exit status 1). The link: https://x.org/")
        state.language = .zhHant
        S.send(&state, .notOpened("https://x.org/", failure: ProgramFailure(program: "firefox", reason: .signal(9))))
        #expect(state.message == "瀏覽器執行失敗（firefox：被訊號終止 9）。連結：https://x.org/")
    }

    @Test(arguments: Language.allCases)
    func shelfScreenSnapshots(language: Language) {
        let tag = language == .en ? "en" : "zh"
        var state = S.state(S.builtin, language)
        S.press(&state, .char("5"))
        #expect(state.section == .shelf)
        S.assertSnapshot(view(state, size: state.size).text, named: "shelf-empty-\(tag)")
        for change: ShelfChange in [.favorite(.film("jailbird"), true), .watched(film: "one", true), .rate(film: "one", 5),
                                    .favorite(.quote("q04"), true), .note(.quote("q04"), "版權：輸出端 vs 訓練資料")] {
            change.apply(to: &state.shelf, at: UITestSupport.now)
        }
        S.assertSnapshot(view(state, size: state.size).text, named: "shelf-\(tag)-80x24")
        S.assertSnapshot(view(state, size: Size(width: 40, height: 12)).text, named: "shelf-\(tag)-40x12")
        state.open(.quote("q04"))
        S.assertSnapshot(view(state, size: Size(width: 120, height: 40)).text, named: "shelf-quote-\(tag)-120x40")
    }
}
