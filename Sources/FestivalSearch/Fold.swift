/// The search form of text: UTF-8 bytes with case, width, diacritics and
/// Traditional/Simplified Chinese folded away, every space or control one U+0020.
///
/// `電影` and `电影`, `Cristóbal` and `CRISTOBAL`, `ＡＩ` and `ai` fold to the same bytes,
/// so a search is a byte scan (`memmem`) over pre-folded text. The per-scalar table is
/// generated (scripts/gen-fold-table.swift) from Foundation's folding and ICU's Hant-Hans.
public enum Fold {
    /// Folds `text` to its search bytes.
    public static func bytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return out
    }

    /// The folded texts, one space between them (missing and empty ones skipped).
    public static func joined(_ texts: [String?]) -> [UInt8] {
        var out: [UInt8] = []
        for text in texts {
            guard let text, !text.isEmpty else { continue }
            if !out.isEmpty { out.append(0x20) }
            append(text, to: &out)
        }
        return out
    }

    /// Appends `first` and `second` folded, one space between them when both give bytes:
    /// what `joined([first, second])` gives, written straight into `out`.
    public static func append(_ first: String?, _ second: String?, to out: inout [UInt8]) {
        let start = out.count
        if let first, !first.isEmpty { append(first, to: &out) }
        if let second, !second.isEmpty {
            if out.count > start { out.append(0x20) }
            append(second, to: &out)
        }
    }

    /// Folds `text` and appends it to `out`; runs of spaces collapse to one, also across
    /// the boundary with what `out` already ends with.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let (scalar, length) = decode(utf8, at: i)
                emit(scalar, from: utf8[i..<(i + length)], to: &out)
                i += length
            }
        }
    }

    /// Folds `text` and records, for every output byte, the index of the grapheme
    /// (Character) it came from — to map matches on folded text back to the original.
    public static func mapped(_ text: String) -> (bytes: [UInt8], grapheme: [Int32]) {
        var out: [UInt8] = []
        var grapheme: [Int32] = []
        out.reserveCapacity(text.utf8.count)
        grapheme.reserveCapacity(text.utf8.count)
        var buffer: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        for (index, character) in text.enumerated() {
            for scalar in character.unicodeScalars {
                let before = out.count
                withUnsafeMutableBytes(of: &buffer) { raw in
                    var n = 0
                    for byte in scalar.utf8 { raw[n] = byte; n += 1 }
                    let bytes = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
                    emit(scalar.value, from: bytes[...], to: &out)
                }
                for _ in before..<out.count { grapheme.append(Int32(index)) }
            }
        }
        return (out, grapheme)
    }

    /// The scalar at `i` and its length in bytes (valid UTF-8: Swift strings are).
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F), 4)
    }

    @inline(__always)
    static func emit(_ scalar: UInt32, from source: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        if scalar < 0x80 {
            var byte = UInt8(scalar)
            if byte < 0x20 || byte == 0x7F { byte = 0x20 }
            else if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte == 0x20 && startsAfterSpace(out) { return }
            out.append(byte)
            return
        }
        if scalar <= 0xFFFF {
            let entry = table.entries[Int(scalar)]
            if entry != Table.identity {
                let start = Int(entry >> 5), length = Int(entry & 0x1F)
                for k in start..<(start + length) {
                    let byte = table.pool[k]
                    if byte == 0x20 && startsAfterSpace(out) { continue }
                    out.append(byte)
                }
                return
            }
        }
        out.append(contentsOf: source)
    }

    /// True where a space would be redundant: at the start, after a space or a separator.
    @inline(__always)
    static func startsAfterSpace(_ out: [UInt8]) -> Bool {
        guard let last = out.last else { return true }
        return last == 0x20 || last == Separator.field || last == Separator.record
    }

    /// Bytes that never occur in folded text (controls fold to spaces).
    public enum Separator {
        public static let field: UInt8 = 0x1F
        public static let record: UInt8 = 0x1E
    }

    /// Per BMP scalar: `identity`, or (start << 5 | length) of its folded UTF-8 in `pool`.
    struct Table: Sendable {
        static let identity = UInt32.max
        var entries: [UInt32]
        var pool: [UInt8]

        init(source: String) {
            entries = Array(repeating: Self.identity, count: 0x10000)
            pool = []
            for entry in source.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
                let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, let from = UInt32(parts[0], radix: 16) else { continue }
                let start = pool.count
                for hex in parts[1].split(separator: ",") {
                    if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                        pool.append(contentsOf: String(scalar).utf8)
                    }
                }
                entries[Int(from)] = UInt32(start) << 5 | UInt32(pool.count - start)
            }
        }
    }

    static let table = Table(source: tableSource)
}
