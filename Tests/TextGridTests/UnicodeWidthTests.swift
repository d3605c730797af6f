import Foundation
import Glibc
import Testing
@testable import TextGrid

/// The width model against the C library's `wcwidth` (which ncurses trusts), Python's
/// `wcwidth` package and Unicode's own test data (Debian's `unicode-data`): no letter is
/// dropped, every drawn cell has the width ncurses will give it, emoji are whole or in
/// their documented fallback.
@_silgen_name("wcwidth") func c_wcwidth(_ character: Int32) -> Int32

@Suite struct UnicodeWidthTests {
    init() { _ = setlocale(LC_ALL, "C.UTF-8") }

    /// Text in scripts whose letters used to go missing, and wide characters the old
    /// table did not know.
    static let scripts = ["हिन्दी फ़िल्म", "น้ำ กำ", "বাংলা", "ｶﾞｷﾞ", "䷀䷁", "தமிழ்", "ಕನ್ನಡ",
                          "Ελληνικά", "עברית", "العربية", "각 한국어", "電影 film", "é ñ ü", "🀄"]

    /// The text a row of cells shows (continuation cells add nothing).
    static func shown(_ text: String, width: Int = 80) -> (text: String, columns: Int) {
        var canvas = Canvas(width: width, height: 1)
        let columns = canvas.put(text, x: 0, y: 0)
        let cells = (0..<columns).map { canvas[$0, 0] }
        return (cells.filter { !$0.isContinuation }.map(\.text).joined(), columns)
    }

    static func cWidth(_ scalar: Unicode.Scalar) -> Int { Int(c_wcwidth(Int32(bitPattern: scalar.value))) }

    /// Every cell of `text` has the width `wcwidth` gives its base and carries only
    /// scalars `wcwidth` counts as zero after it (those the C library knows).
    static func agreesWithTheCLibrary(_ text: String) -> Bool {
        for character in text {
            for unit in DisplayWidth.units(character) {
                let scalars = Array(unit.text.unicodeScalars)
                let base = cWidth(scalars[0])
                if base >= 0 && base != unit.width && !(scalars[0] == " " && unit.width == 1) { return false }
                if scalars.dropFirst().contains(where: { cWidth($0) > 0 }) { return false }
            }
        }
        return true
    }

    @Test(arguments: scripts)
    func noLetterIsDroppedAndTheWidthIsTheCLibrarys(_ text: String) {
        let (shown, columns) = Self.shown(text)
        #expect(shown == text)
        #expect(columns == DisplayWidth.of(text))
        #expect(columns == text.unicodeScalars.reduce(0) { $0 + max(0, Self.cWidth($1)) })
        #expect(Self.agreesWithTheCLibrary(text))
    }

    @Test func emojiAreWholeOrInTheirFallback() {
        let cases: [(String, String, Int)] = [
            ("🇹🇼", "🇹🇼", 2),                 // two regional indicators, one cell each: a flag where fonts have it
            ("👨‍👩‍👧‍👦", "👨👩👧👦", 8),            // a ZWJ sequence: its parts side by side
            ("❤️", "❤", 1),                   // VS16 left out: text presentation
            ("👍🏽", "👍", 2),                  // the skin tone left out
            ("1️⃣", "1\u{20E3}", 1),           // keycap: the digit and its enclosing mark
            ("🏴󠁧󠁢󠁥󠁮󠁧󠁿", "🏴", 2),                  // tag sequence: the base flag
            ("😀", "😀", 2),
        ]
        for (emoji, drawn, width) in cases {
            #expect(DisplayWidth.drawn(emoji) == drawn, "\(emoji)")
            #expect(DisplayWidth.of(emoji) == width, "\(emoji)")
            #expect(Self.shown("a" + emoji + "b") == ("a" + drawn + "b", width + 2), "\(emoji)")
            #expect(Self.agreesWithTheCLibrary(emoji), "\(emoji)")
        }
    }

    @Test func aClusterIsNeverSplitAtTheEdge() {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put("ab👨‍👩‍👧", x: 0, y: 0) == 5)
        #expect((0..<5).map { canvas[$0, 0].text }.joined() == "ab   ")
        #expect(Self.shown("ab🇹🇼", width: 3).text == "ab ")        // never half a flag
    }

    /// Python's `wcwidth` (the reference most terminal programs use) agrees on the width
    /// of everything as drawn, except that its grapheme model counts some Indic vowel
    /// signs (Mc) as 0 where the C library, ncurses, xterm and VTE give them a cell.
    @Test func pythonsWcwidthAgrees() throws {
        let emoji = try Self.emojiTest()
        let texts = Self.scripts.filter { !$0.unicodeScalars.contains { $0.properties.generalCategory == .spacingMark } }
            + emoji.map { DisplayWidth.drawn($0) }
        let input = texts.joined(separator: "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, wcwidth\nfor l in sys.stdin.read().split('\\n'): print(wcwidth.wcswidth(l))"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 with the wcwidth package is needed")
        let widths = output.split(separator: "\n").map { Int($0) }
        try #require(widths.count == texts.count)
        for (text, width) in zip(texts, widths) {
            #expect(DisplayWidth.of(text) == width, "\(text)")
        }
    }

    /// Every code point the C library knows has the width it gives it, but for the ones
    /// both Unicode and the C library leave to the terminal: unassigned, private use and
    /// surrogates.
    @Test func everyCodePointHasTheCLibrarysWidth() {
        var disagreements: [String] = []
        for v in UInt32(0x20)...0x3FFFD {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = Self.cWidth(scalar)
            guard c >= 0 else { continue }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate, .control: continue
            default: break
            }
            let ours = DisplayWidth.scalarWidth(scalar)
            if ours != c { disagreements.append(String(format: "%04X %d/%d", v, ours, c)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(40))")
    }

    /// Every fully-qualified emoji in emoji-test.txt, as drawn.
    static func emojiTest() throws -> [String] {
        let path = "/usr/share/unicode/emoji/emoji-test.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix("#"), line.contains("; fully-qualified"),
                  let hash = line.firstIndex(of: "#") else { return nil }
            let codes = line[..<line.firstIndex(of: ";")!].split(separator: " ")
            var view = String.UnicodeScalarView()
            for code in codes { view.append(Unicode.Scalar(UInt32(code, radix: 16)!)!) }
            _ = hash
            return String(view)
        }
    }

    @Test func everyEmojiInUnicodesTestDataIsDrawnWholeOrInItsFallback() throws {
        let all = try Self.emojiTest()
        #expect(all.count > 3000)
        var unknownToTheCLibrary = 0
        for emoji in all {
            let drawn = DisplayWidth.drawn(emoji)
            let scalars = drawn.unicodeScalars
            #expect(!drawn.isEmpty && DisplayWidth.of(emoji) >= 1, "\(emoji)")
            #expect(!scalars.contains { $0.value == 0x200D || $0.value == 0xFE0F }, "\(emoji)")
            // A flag keeps both its letters.
            let flags = emoji.unicodeScalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }.count
            #expect(scalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }.count == flags, "\(emoji)")
            if scalars.contains(where: { Self.cWidth($0) < 0 }) { unknownToTheCLibrary += 1; continue }
            #expect(Self.agreesWithTheCLibrary(emoji), "\(emoji)")
            #expect(Self.shown(emoji).columns == DisplayWidth.of(emoji), "\(emoji)")
        }
        // Emoji newer than the C library's data are drawn as � (a documented limit).
        #expect(unknownToTheCLibrary < all.count / 10)
    }

    /// GraphemeBreakTest.txt: every cluster is drawn with every letter, in cells whose
    /// widths are the C library's.
    @Test func graphemeBreakTestClustersKeepEveryLetter() throws {
        let text = try String(contentsOfFile: "/usr/share/unicode/auxiliary/GraphemeBreakTest.txt", encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let body = line[..<(line.firstIndex(of: "#") ?? line.endIndex)]
            for cluster in body.split(separator: "÷").map({ $0.trimmingCharacters(in: .whitespaces) }) where !cluster.isEmpty {
                var view = String.UnicodeScalarView()
                for code in cluster.split(separator: "×") {
                    view.append(Unicode.Scalar(UInt32(code.trimmingCharacters(in: .whitespaces), radix: 16)!)!)
                }
                let string = Sanitize.line(String(view))
                if string.unicodeScalars.contains(where: { Self.cWidth($0) < 0 }) { continue }
                // Letters (spacing, not emoji parts) all reach the cells.
                let drawn = DisplayWidth.drawn(string).unicodeScalars
                for scalar in string.unicodeScalars where Self.cWidth(scalar) > 0 && !DisplayWidth.isEmojiPart(scalar) {
                    #expect(drawn.contains(scalar), "\(cluster)")
                }
                #expect(Self.agreesWithTheCLibrary(string), "\(cluster)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }
}
