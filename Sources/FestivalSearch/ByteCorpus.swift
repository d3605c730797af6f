#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FestivalIO

/// Folded records in one contiguous buffer (fold once, compare bytes, as DESIGN.md
/// measured). Scans test 32 positions at a time for the needle's rarest byte pair and
/// verify with `memcmp`; the word and character indexes spare most queries a scan.
struct ByteCorpus: Sendable {
    let bytes: Column<UInt8>
    /// `starts[r]..<starts[r + 1]` is record r (without its trailing record separator).
    let starts: Column<Int>
    /// How often each byte value occurs, to anchor a scan on a needle's rarest byte.
    let frequency: [Int]
    /// Per record, which of a–z and 0–9 occur anywhere, at a word start and as a word of
    /// their own: a one-letter query is answered from these without a scan.
    let letters: Column<UInt64>
    let wordStartLetters: Column<UInt64>
    let wholeWordLetters: Column<UInt64>

    /// The bit of an ASCII letter or digit in `letters`, if it is one.
    static func letterBit(_ byte: UInt8) -> UInt64? {
        switch byte {
        case 0x61...0x7A: return 1 << UInt64(byte - 0x61)
        case 0x30...0x39: return 1 << UInt64(26 + byte - 0x30)
        default: return nil
        }
    }

    var count: Int { starts.count - 1 }

    /// A corpus `Builder` made (consistent by construction).
    init(built bytes: Column<UInt8>, starts: Column<Int>, frequency: [Int], letters: Column<UInt64>,
         wordStartLetters: Column<UInt64>, wholeWordLetters: Column<UInt64>) {
        self.bytes = bytes
        self.starts = starts
        self.frequency = frequency
        self.letters = letters
        self.wordStartLetters = wordStartLetters
        self.wholeWordLetters = wholeWordLetters
    }

    /// A corpus read back from a cache; its shape is checked, so scans stay in bounds.
    init(bytes: Column<UInt8>, starts: Column<Int>, frequency: [Int], letters: Column<UInt64>,
         wordStartLetters: Column<UInt64>, wholeWordLetters: Column<UInt64>) throws(BinaryReader.Corrupt) {
        let increasing = starts.withUnsafeBufferPointer { s in s.count < 2 || (1..<s.count).allSatisfy { s[$0 - 1] < s[$0] } }
        guard frequency.count == 256, starts.first == 0, starts.last == bytes.count,
              letters.count == starts.count - 1, wordStartLetters.count == letters.count,
              wholeWordLetters.count == letters.count, increasing else {
            throw BinaryReader.Corrupt(description: "index: corpus offsets are inconsistent")
        }
        self.init(built: bytes, starts: starts, frequency: frequency, letters: letters,
                  wordStartLetters: wordStartLetters, wholeWordLetters: wholeWordLetters)
    }

    func end(of record: Int) -> Int { starts[record + 1] - 1 }

    /// A prepared needle: its bytes and the index of its rarest byte in this corpus.
    struct Needle {
        let bytes: [UInt8]
        let anchor: Int
    }

    func needle(_ bytes: [UInt8]) -> Needle {
        let anchor = bytes.indices.min { frequency[Int(bytes[$0])] < frequency[Int(bytes[$1])] } ?? 0
        return Needle(bytes: bytes, anchor: anchor)
    }

    /// Offsets of `needle` in `range`, in order, each passed to `visit`, which returns the
    /// offset to continue from (return `range.upperBound` to stop).
    func scan(_ needle: Needle, in range: Range<Int>, _ visit: (Int) -> Int) {
        var from = range.lowerBound
        while from < range.upperBound, let start = firstOccurrence(needle, in: from..<range.upperBound) {
            from = max(visit(start), start + 1)
        }
    }

    /// Where `needle` first occurs in `range`. Needles of two bytes or more: 32 positions at
    /// a time are tested for the anchor byte and the byte after it (or before, at the end),
    /// and only those are compared in full — much faster than one `memchr` per anchor when
    /// the anchor is common.
    func firstOccurrence(_ needle: Needle, in range: Range<Int>) -> Int? {
        let length = needle.bytes.count
        guard length > 0, range.lowerBound >= 0, range.upperBound <= bytes.count, range.count >= length else { return nil }
        return bytes.withUnsafeBufferPointer { corpus -> Int? in
            needle.bytes.withUnsafeBufferPointer { pattern -> Int? in
                let base = corpus.baseAddress!, pat = pattern.baseAddress!
                if length == 1 {
                    guard let hit = memchr(base + range.lowerBound, Int32(pat[0]), range.count) else { return nil }
                    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                let p = needle.anchor + 1 < length ? needle.anchor : needle.anchor - 1
                let c0 = pat[p], c1 = pat[p + 1]
                let v0 = SIMD32<UInt8>(repeating: c0), v1 = SIMD32<UInt8>(repeating: c1)
                let raw = UnsafeRawPointer(base)
                // i is where the pair starts; a match then starts at i - p.
                var i = range.lowerBound + p
                let lastI = range.upperBound - length + p
                while i + 31 <= lastI {
                    let a = raw.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)
                    let b = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD32<UInt8>.self)
                    let hits = (a .== v0) .& (b .== v1)
                    if any(hits) {
                        for k in 0..<32 where hits[k] && memcmp(base + i + k - p, pat, length) == 0 { return i + k - p }
                    }
                    i += 32
                }
                while i <= lastI {
                    if base[i] == c0 && base[i + 1] == c1 && memcmp(base + i - p, pat, length) == 0 { return i - p }
                    i += 1
                }
                return nil
            }
        }
    }

    /// The record holding byte `offset`, searching from `hint` forwards.
    func record(containing offset: Int, from hint: Int) -> Int {
        var r = hint
        while starts[r + 1] <= offset { r += 1 }
        return r
    }

    /// Where the record after `record` starts.
    func recordEnd(_ record: Int) -> Int { starts[record + 1] }

    /// Record containing `offset` by binary search.
    func record(containing offset: Int) -> Int {
        var low = 0, high = count
        while low + 1 < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid } else { high = mid }
        }
        return low
    }

    /// How an occurrence of `length` bytes at `start` sits among words: inside one, at the
    /// start of one, or a whole word (see `isWordStart` and `isWordEnd`).
    func matchClass(at start: Int, length: Int) -> SearchIndex.MatchClass {
        guard isWordStart(start) else { return .substring }
        return isWordEnd(start + length) ? .wholeWord : .wordStart
    }

    /// True when the byte before `offset` does not continue an ASCII word (or `offset`
    /// starts non-ASCII text, where every Han character counts as a word).
    func isWordStart(_ offset: Int) -> Bool {
        offset == 0 || !Self.isWordByte(bytes[offset - 1]) || bytes[offset] >= 0x80
    }

    func isWordEnd(_ offset: Int) -> Bool {
        offset >= bytes.count || !Self.isWordByte(bytes[offset]) || bytes[offset - 1] >= 0x80
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
