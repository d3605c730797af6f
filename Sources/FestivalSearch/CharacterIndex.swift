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
    /// The characters present, ascending; `offsets[starts[k]..<starts[k + 1]]` are where
    /// `scalars[k]` occurs, ascending.
    let scalars: [UInt32]
    let starts: [Int32]
    let offsets: [Int32]

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
            slot[scalar] = starts.last!           // from here on: where its next offset goes
            scalars.append(UInt32(scalar))
            starts.append(starts.last! + count)
        }
        var offsets = [Int32](repeating: 0, count: Int(starts.last!))
        Self.forEachCharacter(in: corpus.bytes) { scalar, offset in
            offsets[Int(slot[Int(scalar)])] = Int32(offset)
            slot[Int(scalar)] += 1
        }
        self.scalars = scalars
        self.starts = starts
        self.offsets = offsets
    }

    /// An index read back from a cache, checked so every lookup stays in bounds.
    init(scalars: [UInt32], starts: [Int32], offsets: [Int32], corpusSize: Int) throws(BinaryReader.Corrupt) {
        guard starts.count == scalars.count + 1, starts.first == 0, starts.last.map(Int.init) == offsets.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              zip(scalars, scalars.dropFirst()).allSatisfy({ $0 < $1 }),
              offsets.allSatisfy({ $0 >= 0 && Int($0) < corpusSize }) else {
            throw BinaryReader.Corrupt(description: "index: character offsets are inconsistent")
        }
        self.scalars = scalars
        self.starts = starts
        self.offsets = offsets
    }

    /// Bytes in a UTF-8 sequence, from its lead byte.
    static func scalarLength(_ lead: UInt8) -> Int { lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }

    /// Each non-ASCII scalar of valid UTF-8 and its offset.
    private static func forEachCharacter(in bytes: [UInt8], _ body: (UInt32, Int) -> Void) {
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

    /// The records holding `term`, ascending, with the best class of its occurrences; nil
    /// when the term has no non-ASCII character (this index cannot help).
    func matches(_ term: [UInt8], in corpus: ByteCorpus) -> [(record: Int, match: SearchIndex.MatchClass)]? {
        var found: [(record: Int, match: SearchIndex.MatchClass)] = []
        let helped = forEachMatch(term, in: corpus) { record, match in
            if let last = found.last, last.record == record {
                if match > last.match { found[found.count - 1].match = match }
            } else {
                found.append((record, match))
            }
        }
        return helped ? found : nil
    }

    /// The best class of `term` in each record (`MatchClass.rawValue + 1`, 0 for none), as
    /// `SearchIndex.classes(of:)` gives them; nil when this index cannot help.
    func classes(_ term: [UInt8], in corpus: ByteCorpus) -> [UInt8]? {
        var classes = [UInt8](repeating: 0, count: corpus.count)
        let helped = classes.withUnsafeMutableBufferPointer { classes in
            forEachMatch(term, in: corpus) { record, match in
                let c = UInt8(match.rawValue + 1)
                if classes[record] < c { classes[record] = c }
            }
        }
        return helped ? classes : nil
    }

    /// Calls `body` with the record and class of each occurrence of `term`, in corpus
    /// order; false when the term has no non-ASCII character (this index cannot help).
    private func forEachMatch(_ term: [UInt8], in corpus: ByteCorpus,
                              _ body: (Int, SearchIndex.MatchClass) -> Void) -> Bool {
        // Each character's offset list and its distance from the term's start.
        var parts: [(list: ArraySlice<Int32>, shift: Int)] = []
        var onlyCharacters = true
        var missing = false
        term.withUnsafeBufferPointer { t in
            var i = 0
            while i < t.count {
                guard t[i] >= 0x80 else { onlyCharacters = false; i += 1; continue }
                guard i + Self.scalarLength(t[i]) <= t.count else { missing = true; return }
                let (scalar, length) = Fold.decode(t, at: i)
                guard let k = slot(of: scalar) else { missing = true; return }
                parts.append((offsets[Int(starts[k])..<Int(starts[k + 1])], i))
                i += length
            }
        }
        if missing { return true }
        guard !parts.isEmpty else { return false }
        parts.sort { $0.list.count < $1.list.count }
        var record = 0
        corpus.bytes.withUnsafeBufferPointer { bytes in
            func visit(_ start: Int) {
                guard start + term.count <= bytes.count else { return }
                if !onlyCharacters && !bytes[start..<(start + term.count)].elementsEqual(term) { return }
                record = corpus.record(containing: start, from: record)
                body(record, onlyCharacters ? .wholeWord : corpus.matchClass(at: start, length: term.count))
            }
            // One character: its offsets are the starts; more: intersect, shortest list first.
            guard parts.count > 1 else {
                for offset in parts[0].list where Int(offset) >= parts[0].shift { visit(Int(offset) - parts[0].shift) }
                return
            }
            var candidates = parts[0].list.compactMap { Int($0) >= parts[0].shift ? Int($0) - parts[0].shift : nil }
            for part in parts.dropFirst() where !candidates.isEmpty {
                var kept: [Int] = []
                var j = part.list.startIndex
                for start in candidates {
                    let wanted = Int32(start + part.shift)
                    j = Self.firstIndex(in: part.list, from: j, notBelow: wanted)
                    if j == part.list.endIndex { break }
                    if part.list[j] == wanted { kept.append(start) }
                }
                candidates = kept
            }
            for start in candidates { visit(start) }
        }
        return true
    }

    private func slot(of scalar: UInt32) -> Int? {
        var low = 0, high = scalars.count
        while low < high {
            let mid = (low + high) / 2
            if scalars[mid] < scalar { low = mid + 1 } else { high = mid }
        }
        return low < scalars.count && scalars[low] == scalar ? low : nil
    }

    /// The first index at or after `from` whose value is at least `wanted` (galloping, so a
    /// walk through a long list in steps costs little more than its short partner).
    static func firstIndex(in list: ArraySlice<Int32>, from: Int, notBelow wanted: Int32) -> Int {
        var low = from, step = 1
        var high = from
        while high < list.endIndex && list[high] < wanted {
            low = high + 1
            high += step
            step *= 2
        }
        high = min(high, list.endIndex)
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < wanted { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
