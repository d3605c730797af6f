import Testing
@testable import TextGrid

@Suite struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("全像素空間") == 10)
        #expect(DisplayWidth.of("ＡＢ") == 4)                 // full-width forms
        #expect(DisplayWidth.of("e\u{301}") == 1)            // combining mark
        #expect(DisplayWidth.of("👍🏽") == 2)                  // skin tone modifier
        #expect(DisplayWidth.of("👨‍👩‍👧") == 6)                  // ZWJ sequence: its parts side by side
        #expect(DisplayWidth.of("❤️") == 1)                  // VS16 left out: ❤ in text presentation
        #expect(DisplayWidth.of("❤") == 1)                   // text presentation
        #expect(DisplayWidth.of("，。「」") == 8)
    }
}

@Suite struct SanitizeTests {
    @Test func controlsBecomeVisible() {
        #expect(Sanitize.line("a\u{1B}[31mb") == "a\u{241B}[31mb")
        #expect(Sanitize.line("x\u{7}\u{0}\u{9B}y") == "x\u{2407}\u{2400}\u{FFFD}y")
        #expect(Sanitize.line("\u{202E}evil") == "\u{FFFD}evil")
        #expect(Sanitize.line("tab\there") == "tab here")
        let many = "a" + String(repeating: "\u{301}", count: 10_000)
        #expect(DisplayWidth.units(Character(many)).map(\.text.unicodeScalars.count) == [DisplayWidth.maxScalarsPerUnit])
    }
}

@Suite struct CanvasTests {
    @Test func wideCharactersNeverSplit() {
        var c = Canvas(width: 5, height: 1)
        let used = c.put("ab全像", x: 0, y: 0)
        #expect(used == 5)
        #expect(c.text == "ab全")          // 像 does not fit in the last column
        #expect(c[3, 0].isContinuation)
        c.put("X", x: 3, y: 0)               // overwriting the right half blanks the left half
        #expect(c.text == "ab X")
    }

    @Test func fillRepairsCutWideCharacters() {
        var c = Canvas(width: 6, height: 1)
        c.put("全像素", x: 0, y: 0)
        c.fill(x: 1, y: 0, width: 2, height: 1)
        #expect(c.line(0) == "    素")
    }

    @Test func escapeSequencesDoNotReachCells() {
        var c = Canvas(width: 20, height: 1)
        c.put("\u{1B}]52;c;AAAA\u{7}", x: 0, y: 0)
        #expect(!c.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) } })
    }

    @Test func outOfBoundsIsIgnored() {
        var c = Canvas(width: 3, height: 2)
        #expect(c.put("abc", x: 5, y: 0) == 0)
        #expect(c.put("abc", x: 0, y: 9) == 0)
        #expect(c.put("abcdef", x: -2, y: 1) == 5)   // columns advanced, two of them off the left edge
        #expect(c.line(1) == "cde")
    }
}

@Suite struct WrapTests {
    @Test func englishAtSpaces() {
        #expect(Wrap.lines("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(Wrap.lines("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
    }

    @Test func chineseBetweenCharactersWithPunctuationRules() {
        // 10 columns: five characters a line; "，" may not start a line, so it stays with 間.
        let lines = Wrap.lines("全像素空間，很美。「好」", width: 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(!lines.contains { $0.hasPrefix("，") || $0.hasPrefix("。") || $0.hasPrefix("」") })
        #expect(!lines.contains { $0.hasSuffix("「") })
        #expect(lines.joined() == "全像素空間，很美。「好」")
    }

    /// A word longer than the line (a URL) is cut, but closing punctuation never starts the
    /// next line and opening punctuation never ends one, after URLs and ellipses alike.
    @Test func aCutWordKeepsItsPunctuation() {
        let texts = ["網址（https://example.org/a/very/long/path/to/somewhere）。之後", "https://example.org/abcdefghijklmn，好",
                     "他說……好", "abcdefghijklmnopqrs……", "見「https://example.org/abcdefghijkl」"]
        for text in texts {
            for width in 6...24 {
                let lines = Wrap.lines(text, width: width)
                #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(text) at \(width)")
                #expect(!lines.dropFirst().contains { $0.first.map(Wrap.noLineStart.contains) ?? false }, "\(text) at \(width): \(lines)")
                #expect(!lines.dropLast().contains { $0.last.map(Wrap.noLineEnd.contains) ?? false }, "\(text) at \(width): \(lines)")
                #expect(lines.joined() == text.replacingOccurrences(of: " ", with: ""), "\(text)")
            }
        }
    }

    @Test func paragraphsAndTruncation() {
        #expect(Wrap.lines("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(Wrap.truncate("全像素空間", width: 5) == "全像…")
        #expect(Wrap.pad("全", width: 4) == "全  ")
    }

    /// Truncation stops early on long text; the result is what the slow definition gives:
    /// the sanitized text if it fits, else the longest prefix fitting width - 1, then "…".
    @Test func truncationMatchesItsDefinition() {
        func reference(_ text: String, _ width: Int) -> String {
            let clean = Sanitize.line(text)
            if DisplayWidth.of(clean) <= width { return clean }
            var out = "", col = 0
            for c in clean {
                if col + DisplayWidth.of(c) > width - 1 { break }
                out.append(c)
                col += DisplayWidth.of(c)
            }
            return out + "…"
        }
        let texts = ["", "abc", "abcdef", "全像素空間", "a全b像c", "e\u{301}x\u{301}y", "\u{1B}[31mred",
                     "tab\there", "crlf\r\nx", "👩‍👩‍👧 family", "x\u{200B}\u{200B}y", "全\u{7F}全",
                     String(repeating: "long words ", count: 500)]
        for text in texts {
            for width in 1...12 {
                #expect(Wrap.truncate(text, width: width) == reference(text, width), "\(text.debugDescription) at \(width)")
                #expect(DisplayWidth.of(Wrap.truncate(text, width: width)) <= width)
                #expect(Wrap.measuredTruncation(text, width: width).width == DisplayWidth.of(reference(text, width)))
                #expect(DisplayWidth.of(Wrap.pad(text, width: width)) == width)
            }
        }
        #expect(Wrap.truncate("abc", width: 0) == "")
        #expect(!Wrap.truncate("a\u{1B}b", width: 5).contains("\u{1B}"))
    }
}

/// The output boundary: what every command prints, every error, the clipboard.
@Suite struct OutputBoundaryTests {
    @Test func controlsAndBidiAreShownAsTheBrowserShowsThem() {
        #expect(Sanitize.text("a\u{1B}]52;c;SGk=\u{07}b") == "a\u{241B}]52;c;SGk=\u{2407}b")
        #expect(Sanitize.text("x\u{9B}31m\u{202E}y\u{7F}") == "x\u{FFFD}31m\u{FFFD}y\u{2421}")
        #expect(Sanitize.text("paste\u{1B}[201~\nrm -rf ~") == "paste\u{241B}[201~\nrm -rf ~")
    }

    @Test func lineBreaksStayWhereAllowed() {
        #expect(Sanitize.text("one\r\ntwo\nthree\rfour\tfive") == "one\ntwo\nthree four five")
        #expect(Sanitize.text("one\ntwo", keepNewlines: false) == "one two")
        #expect(Sanitize.text("line\u{2028}sep") == "line sep")
    }

    @Test func plainTextIsUntouched() {
        let text = "電影是光。👨‍👩‍👧 Café — “quoted”"
        #expect(Sanitize.text(text) == text)
    }
}
