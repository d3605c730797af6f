import Testing
import TextGrid

/// `Sanitize.text` reads bytes and decodes only the lead bytes that can start a scalar to
/// replace; it must give what replacing scalar by scalar gives, for every kind of text.
@Suite struct SanitizeTextTests {
    /// The rule as the documentation states it, one scalar at a time.
    static func reference(_ text: String, keepNewlines: Bool) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if keepNewlines && scalar == "\n" {
                if previousCR { out.removeLast() }
                out.append("\n")
            } else {
                out.append(Sanitize.replacement(for: scalar) ?? scalar)
            }
        }
        return String(out)
    }

    static let pieces = ["a", "電影", "，", "…", "é", "👍🏽", "\n", "\r", "\r\n", "\t", "\u{1B}[31m", "\u{7F}", "\u{9B}", "\u{85}",
                         "\u{202E}", "\u{2066}", "\u{061C}", "\u{2028}", "\u{FFF9}", "\u{FFFD}", "\u{200B}", "\u{E0041}", "€", "ß"]

    @Test(arguments: [true, false]) func bytesGiveWhatScalarsGive(keepNewlines: Bool) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            #expect(Sanitize.text(text, keepNewlines: keepNewlines) == Self.reference(text, keepNewlines: keepNewlines), "\(text.debugDescription)")
        }
        let clean = String(repeating: "電影，…是光。 light\n", count: 1_000)
        #expect(Sanitize.text(clean) == clean)
    }
}
