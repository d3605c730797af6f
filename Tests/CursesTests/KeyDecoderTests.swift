import CNCursesw
@testable import Curses
import Testing
import TextGrid

@Suite struct KeyDecoderTests {
    func char(_ code: UInt32) -> Key? { KeyDecoder.decode(status: OK, code: code) }
    func key(_ code: Int32) -> Key? { KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(code)) }

    @Test func timeoutIsNil() {
        #expect(KeyDecoder.decode(status: ERR, code: 0) == nil)
    }

    @Test func printableAndWideCharacters() {
        #expect(char(0x61) == .char("a"))
        #expect(char(0x20) == .char(" "))
        #expect(char(0x5168) == .char("全"))
        #expect(char(0x1F44D) == .char("👍"))
        #expect(char(0xE9) == .char("é"))
    }

    @Test func controlCodes() {
        #expect(char(1) == .ctrl("a"))
        #expect(char(26) == .ctrl("z"))
        #expect(char(3) == .ctrl("c"))
        #expect(char(9) == .tab)
        #expect(char(10) == .enter)
        #expect(char(13) == .enter)
        #expect(char(27) == .escape)
        #expect(char(127) == .backspace)
        #expect(char(8) == .backspace)
        #expect(char(0) == .unknown(0))
        #expect(char(0x9B) == .unknown(0x9B))   // C1 CSI is never a character
    }

    @Test func keyCodes() {
        #expect(key(KEY_UP) == .up)
        #expect(key(KEY_DOWN) == .down)
        #expect(key(KEY_LEFT) == .left)
        #expect(key(KEY_RIGHT) == .right)
        #expect(key(KEY_HOME) == .home)
        #expect(key(KEY_END) == .end)
        #expect(key(KEY_PPAGE) == .pageUp)
        #expect(key(KEY_NPAGE) == .pageDown)
        #expect(key(KEY_DC) == .delete)
        #expect(key(KEY_IC) == .insert)
        #expect(key(KEY_BTAB) == .backTab)
        #expect(key(KEY_ENTER) == .enter)
        #expect(key(KEY_BACKSPACE) == .backspace)
        #expect(key(KEY_RESIZE) == .resize)
        #expect(key(cn_key_f(1)) == .function(1))
        #expect(key(cn_key_f(12)) == .function(12))
        #expect(key(KEY_MOUSE) == .unknown(Int(KEY_MOUSE)))
    }

    @Test func mouseButtons() {
        #expect(KeyDecoder.mouse(buttons: cn_button1_pressed(), x: 3, y: 4) == MouseEvent(.press, x: 3, y: 4))
        #expect(KeyDecoder.mouse(buttons: cn_button1_released(), x: 3, y: 4) == MouseEvent(.release, x: 3, y: 4))
        #expect(KeyDecoder.mouse(buttons: cn_button1_clicked(), x: 0, y: 0) == MouseEvent(.click, x: 0, y: 0))
        #expect(KeyDecoder.mouse(buttons: cn_button1_double_clicked(), x: 1, y: 2)
            == MouseEvent(.doubleClick, x: 1, y: 2))
        #expect(KeyDecoder.mouse(buttons: cn_button4_pressed(), x: 5, y: 6) == MouseEvent(.wheelUp, x: 5, y: 6))
        #expect(KeyDecoder.mouse(buttons: cn_button5_pressed(), x: 5, y: 6) == MouseEvent(.wheelDown, x: 5, y: 6))
        #expect(KeyDecoder.mouse(buttons: 0, x: 0, y: 0) == nil)
    }
}

@Suite struct ClickTrackerTests {
    @Test func pressReleaseOnSameCellIsClickThenDoubleClick() {
        var t = ClickTracker()
        #expect(t.resolve(MouseEvent(.press, x: 2, y: 3), atMs: 0).kind == .press)
        #expect(t.resolve(MouseEvent(.release, x: 2, y: 3), atMs: 80).kind == .click)
        #expect(t.resolve(MouseEvent(.press, x: 2, y: 3), atMs: 200).kind == .press)
        #expect(t.resolve(MouseEvent(.release, x: 2, y: 3), atMs: 260).kind == .doubleClick)
        // A third click starts over.
        _ = t.resolve(MouseEvent(.press, x: 2, y: 3), atMs: 300)
        #expect(t.resolve(MouseEvent(.release, x: 2, y: 3), atMs: 350).kind == .click)
    }

    @Test func slowOrMovedClicksAreSingle() {
        var t = ClickTracker(doubleClickMs: 400)
        #expect(t.resolve(MouseEvent(.click, x: 1, y: 1), atMs: 0).kind == .click)
        #expect(t.resolve(MouseEvent(.click, x: 1, y: 1), atMs: 900).kind == .click)
        #expect(t.resolve(MouseEvent(.click, x: 2, y: 1), atMs: 950).kind == .click)
    }

    @Test func dragIsRelease() {
        var t = ClickTracker()
        _ = t.resolve(MouseEvent(.press, x: 1, y: 1), atMs: 0)
        #expect(t.resolve(MouseEvent(.release, x: 9, y: 1), atMs: 100) == MouseEvent(.release, x: 9, y: 1))
        #expect(t.resolve(MouseEvent(.wheelUp, x: 9, y: 1), atMs: 100).kind == .wheelUp)
    }
}
