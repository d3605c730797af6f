import CNCursesw
@testable import Curses
import Glibc
import Testing

/// What ncurses is handed per cell; needs a UTF-8 locale for wcwidth.
@Suite struct CellTextTests {
    init() { _ = cn_setup_locale() }

    func scalars(_ chars: [wchar_t]) -> [UInt32] { chars.dropLast().map { UInt32($0) } }

    @Test func asciiAndWide() {
        #expect(CellText.prepare("a", width: 1).chars == [0x61, 0])
        let wide = CellText.prepare("全", width: 2)
        #expect(scalars(wide.chars) == [0x5168])
        #expect(!wide.padNext)
    }

    @Test func combiningMarkStaysInTheCell() {
        #expect(scalars(CellText.prepare("e\u{301}", width: 1).chars) == [0x65, 0x301])
    }

    @Test func emojiSequencesKeepWhatNcursesCanDraw() {
        #expect(scalars(CellText.prepare("👍🏽", width: 2).chars) == [0x1F44D])
        #expect(scalars(CellText.prepare("👨‍👩‍👧", width: 2).chars) == [0x1F468])
        let heart = CellText.prepare("❤️", width: 2)     // wcwidth says 1: blank the rest
        #expect(scalars(heart.chars) == [0x2764])
        #expect(heart.padNext)
    }

    @Test func tooWideOrUnprintableBecomesReplacement() {
        #expect(scalars(CellText.prepare("全", width: 1).chars) == [0xFFFD])
    }
}
