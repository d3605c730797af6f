/// Untrusted text made safe to draw: no control character, escape sequence or bidi
/// override from a catalog ever reaches the terminal.
public enum Sanitize {
    /// Replaces C0/C1 controls, DEL and bidi controls with visible symbols; tabs and
    /// newlines become spaces (wrap paragraphs before calling this).
    public static func line(_ text: some StringProtocol) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where replacement(for: scalar) != nil {
            needsWork = true
            break
        }
        if !needsWork { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let rep = replacement(for: scalar) { out.append(rep) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// True when a character holds a scalar `line` replaces.
    @inline(__always)
    public static func needsWork(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F }
        return character.unicodeScalars.contains { replacement(for: $0) != nil }
    }

    /// The visible stand-in for a scalar that must not be written raw, or nil if it is safe.
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A, 0x0D: return " "
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + v)          // ␀ … ␟ (␛ for ESC)
        case 0x7F: return "\u{2421}"                                   // ␡
        case 0x80..<0xA0: return "\u{FFFD}"                            // C1 controls
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return "\u{FFFD}" // bidi
        case 0x2028, 0x2029: return " "                                // line, paragraph separators
        case 0xFFF9...0xFFFB: return "\u{FFFD}"                        // interlinear annotations
        default: return nil
        }
    }

    /// `text` on one line: each line break (LF, CRLF, CR, NEL, U+2028, U+2029) shown as ␤, so
    /// a value quoted in a message can never start a line of its own. Other characters are
    /// left for `text` or `line` to make safe.
    public static func oneLine(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: { isLineBreak($0) }) else { return String(text) }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if scalar == "\n" && previousCR { continue }
            out.append(isLineBreak(scalar) ? "\u{2424}" : scalar)
        }
        return String(out)
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Bidi embedding, override, isolate and mark characters.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }

    /// The output boundary: text that leaves the program for a person (standard output,
    /// error messages, the clipboard, Markdown and CSV) rendered as the browser renders it:
    /// control characters, DEL, C1 and bidi controls become visible stand-ins, so nothing
    /// in it can act on a terminal, a shell's paste or a reader's eyes. With
    /// `keepNewlines`, line feeds (and CRLF, as one) stay line breaks; tabs and every other
    /// break become spaces.
    public static func text(_ text: some StringProtocol, keepNewlines: Bool = true) -> String {
        var string = String(text)
        return string.withUTF8 { bytes in
            // One pass over the bytes; only a lead byte that can start a scalar to replace
            // (C0, DEL, C2: C1 controls, D8: U+061C, E2: bidi and separators, EF: U+FFF9–FFFB)
            // is decoded. Clean text, however long, is returned as it is.
            guard let first = firstToReplace(bytes, keepNewlines: keepNewlines) else { return String(decoding: bytes, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + bytes.count / 8)
            out.append(contentsOf: bytes[..<first])
            var i = first
            while i < bytes.count {
                let (scalar, length) = decode(bytes, at: i)
                if keepNewlines && scalar == 0x0A {
                    if i > 0 && bytes[i - 1] == 0x0D { out.removeLast() }   // CRLF is one break (the CR's space goes)
                    out.append(0x0A)
                } else if let rep = Unicode.Scalar(scalar).flatMap({ replacement(for: $0) }) {
                    out.append(contentsOf: String(rep).utf8)
                } else {
                    out.append(contentsOf: bytes[i..<(i + length)])
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The offset of the first scalar `text` would replace, or nil.
    static func firstToReplace(_ bytes: UnsafeBufferPointer<UInt8>, keepNewlines: Bool) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if (b < 0x20 && !(keepNewlines && b == 0x0A)) || b == 0x7F { return i }
                i += 1
                continue
            }
            let (scalar, length) = decode(bytes, at: i)
            if b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF, let s = Unicode.Scalar(scalar), replacement(for: s) != nil { return i }
            i += length
        }
        return nil
    }

    /// The scalar at `i` of valid UTF-8 and how many bytes it takes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = UInt32(bytes[i])
        if b < 0x80 { return (b, 1) }
        if b < 0xE0 { return ((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b < 0xF0 { return ((b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3) }
        return ((b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
    }
}
