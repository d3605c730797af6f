import FestivalCatalog
import FestivalIO
import Foundation
import TextGrid

/// Standard output, the one way commands print. Text for people passes the output boundary
/// (`Sanitize.text`: nothing from a catalog or an argument can act on the terminal); JSON is
/// written exact (its writer escapes controls and bidi characters). A reader that went away
/// ends the program quietly (SIGPIPE, as for any Unix filter); any other failure to write
/// (a full disk, `> /dev/full`) is thrown and ends it with exit 2.
enum Output {
    static func prepare() {
        signal(SIGPIPE, SIG_DFL)
    }

    /// People's text, with a final line break.
    static func write(_ text: String) throws {
        let safe = Sanitize.text(text)
        try raw(safe.hasSuffix("\n") ? safe : safe + "\n")
    }

    static func json(_ catalog: Catalog) throws {
        try raw(CatalogEncoder.json(catalog) + "\n")
    }

    /// Zero-width spaces, joiners, word joiners and BOMs as `<U+XXXX>`.
    static func namingInvisible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x200B...0x200D).contains($0.value) || $0.value == 0x2060 || $0.value == 0xFEFF })
        else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x200B...0x200D, 0x2060, 0xFEFF: out += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` exactly as given (already made safe, or JSON).
    static func raw(_ text: String) throws {
        prepare()
        var text = text
        let code = text.withUTF8 { AtomicFile.writeAll(STDOUT_FILENO, UnsafeRawBufferPointer($0)) }
        if let code { throw CLIFailure.cannotWrite("standard output", code) }
    }

    /// A message for standard error, made safe, with zero-width characters named (an error
    /// quoting a value must show what is in it: `"a<U+200B>b"`); a failure to write it is
    /// ignored (the exit code still says what happened).
    static func error(_ text: String) {
        var safe = Self.namingInvisible(Sanitize.text(text))
        if !safe.hasSuffix("\n") { safe += "\n" }
        _ = safe.withUTF8 { AtomicFile.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }
}
