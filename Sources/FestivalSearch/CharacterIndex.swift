import FestivalIO
/// Where every non-ASCII character of a corpus (a Han character, a kana, a Greek letter…)
/// occurs, as byte offsets.
///
/// A term holding such characters can only start where each of them sits at its distance
/// from the term's start: intersecting their offset lists, each moved back by that distance,
/// gives the possible starts without reading the corpus. A term made only of such
/// characters matches exactly there (and always as a whole word, see `ByteCorpus.matchClass`);
/// any other term is compared in place at those starts only.
struct CharacterIndex: Sendable {
    /// The characters present, ascending; `scalars[k]` occurs `starts[k + 1] - starts[k]`
    /// times, at the offsets `offsets(of: k)` gives, ascending.
    let scalars: Column<UInt32>
    let starts: Column<Int32>
    /// The offsets, bit-packed (a third of their size as Int32s), decoded a character at a
    /// time when a term needs them.
    let packed: PackedLists
    /// Characters' offsets decoded lately (a term typed a character at a time asks for the
    /// same lists again).
    let decoded = DecodedLists()
    /// The starts of the last multi-character terms looked up (see `CharacterIndex+Match`).
    let memo = StartsMemo()

    /// Nil for a corpus too large for 32-bit offsets (terms are then scanned for).
    init?(corpus: ByteCorpus) {
        guard corpus.bytes.count < Int(Int32.max) else { return nil }
        // Counts per scalar value, the array as long as the largest one seen (Han text needs
        // 64k entries, not all 1.1M).
        var slot: [Int32] = []
        Self.forEachCharacter(in: corpus.bytes) { scalar, _ in
            if Int(scalar) >= slot.count { slot += repeatElement(0, count: max(Int(scalar) + 1, 2 * slot.count) - slot.count) }
            slot[Int(scalar)] += 1
        }
        var scalars: [UInt32] = [], starts: [Int32] = [0]
        for scalar in slot.indices where slot[scalar] > 0 {
            let count = slot[scalar]
            slot[scalar] = Int32(scalars.count)   // from here on: the character's position
            scalars.append(UInt32(scalar))
            starts.append(starts.last! + count)
        }
        // Packed as they are found, in corpus order (each list ascending): the offsets are
        // never all held as Int32s.
        var packers = [PackedLists.Packer](repeating: PackedLists.Packer(), count: scalars.count)
        Self.forEachCharacter(in: corpus.bytes) { scalar, offset in
            packers[Int(slot[Int(scalar)])].append(Int32(offset))
        }
        self.scalars = Column(scalars)
        self.starts = Column(starts)
        packed = PackedLists(packers)
    }

    /// An index read back from a cache, checked so every lookup stays in bounds.
    init(scalars: Column<UInt32>, starts: Column<Int32>, packedOffsets: Column<UInt8>, packedStarts: Column<Int>,
         corpusSize: Int) throws(BinaryReader.Corrupt) {
        let ascending = starts.withUnsafeBufferPointer { s in s.count < 2 || (1..<s.count).allSatisfy { s[$0 - 1] <= s[$0] } }
        let distinct = scalars.withUnsafeBufferPointer { s in s.count < 2 || (1..<s.count).allSatisfy { s[$0 - 1] < s[$0] } }
        guard starts.count == scalars.count + 1, starts.first == 0, ascending, distinct else {
            throw BinaryReader.Corrupt(description: "index: character offsets are inconsistent")
        }
        self.scalars = scalars
        self.starts = starts
        packed = try PackedLists(bytes: packedOffsets, byteStarts: packedStarts, lists: scalars.count, limit: corpusSize)
    }

    /// How often character k occurs.
    func count(of k: Int) -> Int { Int(starts[k + 1]) - Int(starts[k]) }

    /// Where character k occurs, ascending.
    func offsets(of k: Int) -> [Int32] {
        decoded.list(k) { packed.list(k, count: count(of: k)) }
    }

    /// Bytes in a UTF-8 sequence, from its lead byte.
    static func scalarLength(_ lead: UInt8) -> Int { lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }

    /// Each non-ASCII scalar of valid UTF-8 and its offset.
    private static func forEachCharacter(in bytes: Column<UInt8>, _ body: (UInt32, Int) -> Void) {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                if b[i] < 0x80 { i += 1; continue }
                guard i + Self.scalarLength(b[i]) <= b.count else { return }
                let (scalar, length) = Fold.decode(b, at: i)
                if scalar < 0x110000 { body(scalar, i) }
                i += length
            }
        }
    }

    func slot(of scalar: UInt32) -> Int? {
        var low = 0, high = scalars.count
        while low < high {
            let mid = (low + high) / 2
            if scalars[mid] < scalar { low = mid + 1 } else { high = mid }
        }
        return low < scalars.count && scalars[low] == scalar ? low : nil
    }
}
