import Foundation
import Testing
import TextGrid
@testable import FestivalUI

/// The readline keys every field shares, and the window that keeps the cursor in view.
@Suite struct TextFieldTests {
    static func typed(_ text: String, _ keys: [Key]) -> TextField {
        var field = TextField(text)
        for key in keys {
            let handled = field.edit(key)
            #expect(handled, "\(key) is an editing key")
        }
        return field
    }

    @Test func movingAndInsertingInTheMiddle() {
        var f = Self.typed("abc", [.left, .left, .char("X")])
        #expect(f.text == "aXbc" && f.cursor == 2)
        f = Self.typed("abc", [.home, .char("<"), .end, .char(">")])
        #expect(f.text == "<abc>")
        f = Self.typed("abc", [.ctrl("a"), .ctrl("f"), .ctrl("d")])
        #expect(f.text == "ac" && f.cursor == 1)
        f = Self.typed("abc", [.ctrl("b"), .backspace])
        #expect(f.text == "ac" && f.cursor == 1)
        f = Self.typed("ab", [.right, .right, .delete, .home, .backspace, .left])
        #expect(f.text == "ab" && f.cursor == 0, "nothing to delete or move past at the ends")
    }

    @Test func wordsAndKills() {
        var f = Self.typed("total pixel space", [.alt("b")])
        #expect(f.cursor == 12)
        f = Self.typed("total pixel space", [.ctrlLeft, .ctrlLeft, .ctrlRight])
        #expect(f.cursor == 11)
        f = Self.typed("total pixel space", [.ctrl("w")])
        #expect(f.text == "total pixel " && f.cursor == 12)
        f = Self.typed("total speaker:valenzuela", [.ctrl("w")])
        #expect(f.text == "total ", "Ctrl-w goes back to white space, as readline's does")
        f = Self.typed("a b  ", [.ctrl("w")])
        #expect(f.text == "a ", "trailing spaces go with the word before them")
        f = Self.typed("total pixel space", [.alt("b"), .alt("b"), .alt("d")])
        #expect(f.text == "total  space")
        f = Self.typed("total pixel space", [.alt("b"), .ctrl("k")])
        #expect(f.text == "total pixel ")
        f = Self.typed("total pixel space", [.alt("b"), .ctrl("u")])
        #expect(f.text == "space" && f.cursor == 0)
        f = Self.typed("電影 畫面", [.alt("b"), .char("的")])
        #expect(f.text == "電影 的畫面", "words in any script")
    }

    @Test func otherKeysAreNotEditing() {
        var f = TextField("x")
        for key in [Key.enter, .escape, .up, .tab, .ctrl("n"), .alt("x"), .function(2)] {
            let handled = f.edit(key)
            #expect(!handled, "\(key)")
        }
        #expect(f == TextField("x"))
    }

    @Test func theWindowKeepsTheCursorAndFitsTheWidth() {
        #expect(TextField("abc").window(width: 10) == ("abc", 3))
        let long = TextField(String(repeating: "abcdefghij", count: 5))
        let end = long.window(width: 12)
        #expect(end.text.hasPrefix("…") && end.text.hasSuffix("hij") && end.cursorX == 11, "typing at the end: the end in view")
        var middle = long
        for _ in 0..<25 { _ = middle.edit(.left) }
        let w = middle.window(width: 12)
        #expect(w.text.hasPrefix("…") && w.text.hasSuffix("…") && DisplayWidth.of(w.text) <= 12)
        let chinese = TextField("電影畫面的另一半電影畫面的另一半")
        let c = chinese.window(width: 11)
        #expect(DisplayWidth.of(c.text) <= 11 && c.cursorX <= 10 && c.cursorX == DisplayWidth.of(c.text), "wide characters: \(c)")
    }

    @Test func escAndAKeyTogetherStillMeanBoth() {
        var state = UITestSupport.state()
        _ = update(&state, .key(.char("2")), now: Date())
        #expect(state.screen == .quotes)
        _ = update(&state, .key(.alt("1")), now: Date())
        #expect(state.screen == .films, "Alt-1 outside a field is Esc then 1")
    }

    @Test func theRealCursorSitsAtTheInsertionPoint() {
        var state = UITestSupport.state()
        _ = update(&state, .key(.char("s")), now: Date())
        for c in "電影ab" { _ = update(&state, .key(.char(c)), now: Date()) }
        _ = update(&state, .key(.left), now: Date())
        let canvas = view(state, size: state.size)
        let label = DisplayWidth.of("Search: ")
        #expect(canvas.cursor?.x == label + 5, "after 電影a: 2 + 2 + 1 cells")
        #expect(canvas.cursor.map { canvas.text.split(separator: "\n", omittingEmptySubsequences: false)[$0.y].contains("電影ab") } == true)
        _ = update(&state, .key(.escape), now: Date())
        #expect(view(state, size: state.size).cursor == nil, "no field, no cursor")
    }
}
