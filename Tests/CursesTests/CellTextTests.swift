import CNCursesw
@testable import Curses
import Glibc
import Testing
import TextGrid

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

    @Test func everyCellOfAClusterIsDrawnWithTheWidthWcwidthGives() {
        // DisplayWidth's cells: each has the width the C library gives its base.
        for text in ["हिन्दी", "น้ำ", "ｶﾞ", "䷀", "🇹🇼", "👨‍👩‍👧", "❤️", "👍🏽", "1️⃣"] {
            for character in text {
                for unit in DisplayWidth.units(character) {
                    let prepared = CellText.prepare(unit.text, width: unit.width)
                    #expect(!prepared.padNext && prepared.chars.first != 0xFFFD, "\(unit.text)")
                    #expect(scalars(prepared.chars) == unit.text.unicodeScalars.map(\.value), "\(unit.text)")
                }
            }
        }
        let heart = CellText.prepare("❤", width: 2)       // wcwidth says 1: blank the rest
        #expect(scalars(heart.chars) == [0x2764] && heart.padNext)
    }

    @Test func tooWideOrUnprintableBecomesReplacement() {
        #expect(scalars(CellText.prepare("全", width: 1).chars) == [0xFFFD])
        // Newer than the C library's data (Unicode 15 emoji with glibc 2.36): wcwidth -1.
        if cn_wcwidth(0x1FAE8) < 0 { #expect(scalars(CellText.prepare("\u{1FAE8}", width: 2).chars) == [0xFFFD]) }
    }
}
