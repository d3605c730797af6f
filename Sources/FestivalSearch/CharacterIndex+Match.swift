import FestivalCatalog
import FestivalIO
import Foundation
import Synchronization

/// Finding a term through the character index: where it can start (its characters' offset
/// lists intersected, each moved back by its distance from the term's start), then what it
/// is at each of those starts. Long lists are intersected and visited on every core.
///
/// Typing adds a character at a time, so the starts of the last few multi-character terms
/// are remembered: the next term intersects only its new characters' lists with them.
extension CharacterIndex {
    /// Candidate lists at least this long are intersected and visited on every core.
    static let parallelStarts = 65_536

    /// One non-ASCII character of a term: which of the index's it is, how often it occurs
    /// and its distance from the term's start.
    struct Part: Sendable {
        let slot: Int, count: Int, shift: Int32
    }

    /// Where a term can start, ascending: `values[range]`, each moved back by `shift`.
    struct Starts: Sendable {
        let values: Column<Int32>
        let range: Range<Int>
        let shift: Int32
        /// The term is made only of non-ASCII characters, so every start is a match.
        let onlyCharacters: Bool
    }

    /// The records holding `term`, ascending, with the best class of its occurrences; nil
    /// when the term has no non-ASCII character (this index cannot help).
    func matches(_ term: [UInt8], in corpus: ByteCorpus) -> [(record: Int, match: SearchIndex.MatchClass)]? {
        guard let starts = starts(of: term) else { return nil }
        var found: [(record: Int, match: SearchIndex.MatchClass)] = []
        visit(starts, starts.range, term: term, corpus: corpus) { record, match in
            if let last = found.last, last.record == record {
                if match > last.match { found[found.count - 1].match = match }
            } else {
                found.append((record, match))
            }
        }
        return found
    }

    /// The best class of `term` in each record (`MatchClass.rawValue + 1`, 0 for none), as
    /// `SearchIndex.classes(of:)` gives them; nil when this index cannot help.
    func classes(_ term: [UInt8], in corpus: ByteCorpus, parallelAbove: Int = parallelStarts) -> [UInt8]? {
        guard let starts = starts(of: term, parallelAbove: parallelAbove) else { return nil }
        var classes = [UInt8](repeating: 0, count: corpus.count)
        let chunks = recordChunks(starts, corpus: corpus, parallelAbove: parallelAbove)
        classes.withUnsafeMutableBufferPointer { out in
            let target = SharedMemory(pointer: out.baseAddress!)
            let visitChunk: @Sendable (Int) -> Void = { c in
                visit(starts, chunks[c], term: term, corpus: corpus) { record, match in
                    let value = UInt8(match.rawValue + 1)
                    if target.pointer[record] < value { target.pointer[record] = value }
                }
            }
            if chunks.count == 1 { visitChunk(0) } else { DispatchQueue.concurrentPerform(iterations: chunks.count, execute: visitChunk) }
        }
        return classes
    }

    /// Where `term` can start; nil when it has no non-ASCII character.
    func starts(of term: [UInt8], parallelAbove: Int = parallelStarts) -> Starts? {
        guard let (parts, onlyCharacters) = parts(of: term) else {
            return Starts(values: Column(), range: 0..<0, shift: 0, onlyCharacters: true)   // a character that never occurs
        }
        guard !parts.isEmpty else { return nil }
        if let (known, knownLength) = memo.longestPrefix(of: term) {
            let rest = parts.filter { $0.shift >= knownLength }.sorted { $0.count < $1.count }
            // A long term (a pasted sentence) is narrowed by its rarest characters only, and
            // each place they leave is then read whole: the frequent ones' lists, decoded,
            // would cost more than the reading.
            let capped = rest.count > Self.partsIntersected
            let values = rest.isEmpty ? known : intersect(Column(known), shift: 0, with: Array(rest.prefix(Self.partsIntersected)),
                                                          parallelAbove: parallelAbove)
            if !rest.isEmpty && !capped { memo.remember(term, values) }
            return Starts(values: Column(values), range: 0..<values.count, shift: 0, onlyCharacters: onlyCharacters && !capped)
        }
        let sorted = parts.sorted { $0.count < $1.count }
        let first = Column(offsets(of: sorted[0].slot))
        guard sorted.count > 1 else {
            return Starts(values: first, range: 0..<first.count, shift: sorted[0].shift, onlyCharacters: onlyCharacters)
        }
        let capped = sorted.count > Self.partsIntersected + 1
        let values = intersect(first, shift: sorted[0].shift, with: Array(sorted.dropFirst().prefix(Self.partsIntersected)),
                               parallelAbove: parallelAbove)
        if !capped { memo.remember(term, values) }
        return Starts(values: Column(values), range: 0..<values.count, shift: 0, onlyCharacters: onlyCharacters && !capped)
    }

    /// How many characters besides the rarest a term's starts are intersected with; the
    /// rest of a longer term is compared byte by byte at each start left.
    static let partsIntersected = 3

    /// The term's non-ASCII characters, and whether they are all it has; nil when one of
    /// them never occurs.
    private func parts(of term: [UInt8]) -> (parts: [Part], onlyCharacters: Bool)? {
        var parts: [Part] = []
        var onlyCharacters = true
        var i = 0
        while i < term.count {
            guard term[i] >= 0x80 else { onlyCharacters = false; i += 1; continue }
            guard i + Self.scalarLength(term[i]) <= term.count else { return nil }
            let (scalar, length) = term.withUnsafeBufferPointer { Fold.decode($0, at: i) }
            guard let k = slot(of: scalar) else { return nil }
            parts.append(Part(slot: k, count: count(of: k), shift: Int32(i)))
            i += length
        }
        return (parts, onlyCharacters)
    }

    /// The starts among `first` (moved back by `shift`) at which each part's character
    /// sits at its distance; in parallel parts for long lists.
    private func intersect(_ first: Column<Int32>, shift: Int32, with others: [Part], parallelAbove: Int) -> [Int32] {
        let range = 0..<first.count
        let chunks = range.count >= parallelAbove ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        let kept = Slots<[Int32]>(count: chunks, empty: [])
        // The others' offsets one after another, each part's at `bounds[k]..<bounds[k + 1]`
        // (one part's list as it is: typing adds one character at a time).
        var joined = others.count == 1 ? offsets(of: others[0].slot) : []
        var edges = [0, joined.count]
        if others.count > 1 {
            joined.reserveCapacity(others.reduce(0) { $0 + $1.count })
            edges = [0]
            for part in others {
                joined += offsets(of: part.slot)
                edges.append(joined.count)
            }
        }
        let bounds = edges
        first.withUnsafeBufferPointer { firstBuffer in
            joined.withUnsafeBufferPointer { offsetBuffer in
                let (candidates, lists) = (SharedMemory(pointer: firstBuffer), SharedMemory(pointer: offsetBuffer))
                let intersectChunk: @Sendable (Int) -> Void = { c in
                    let lower = range.lowerBound + range.count * c / chunks, upper = range.lowerBound + range.count * (c + 1) / chunks
                    var out: [Int32] = []
                    var cursors = Array(bounds.dropLast())
                    candidates: for i in lower..<upper {
                        let start = candidates.pointer[i] - shift
                        guard start >= 0 else { continue }
                        for k in others.indices {
                            let wanted = start + others[k].shift
                            cursors[k] = Self.firstIndex(in: lists.pointer, cursors[k]..<bounds[k + 1], notBelow: wanted)
                            if cursors[k] == bounds[k + 1] { break candidates }
                            if lists.pointer[cursors[k]] != wanted { continue candidates }
                        }
                        out.append(start)
                    }
                    kept[c] = out
                }
                if chunks == 1 { intersectChunk(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: intersectChunk) }
            }
        }
        if chunks == 1 { return kept[0] }
        var all: [Int32] = []
        all.reserveCapacity((0..<chunks).reduce(0) { $0 + kept[$1].count })
        for c in 0..<chunks { all.append(contentsOf: kept[c]) }
        return all
    }

    /// `starts.range` cut into one run per core, each holding whole records (so runs never
    /// write the same record's class).
    private func recordChunks(_ starts: Starts, corpus: ByteCorpus, parallelAbove: Int) -> [Range<Int>] {
        let range = starts.range
        let chunks = range.count >= parallelAbove ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        var bounds = [range.lowerBound]
        for c in 1..<max(chunks, 1) {
            var k = max(bounds.last!, range.lowerBound + range.count * c / chunks)
            guard k > range.lowerBound, k < range.upperBound else { continue }
            let record = corpus.record(containing: max(0, Int(starts.values[k - 1] - starts.shift)))
            while k < range.upperBound, Int(starts.values[k] - starts.shift) < corpus.recordEnd(record) { k += 1 }
            bounds.append(k)
        }
        bounds.append(range.upperBound)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// Calls `body` with the record and class of each occurrence of `term` at the starts in
    /// `chunk` of `starts`, in corpus order.
    private func visit(_ starts: Starts, _ chunk: Range<Int>, term: [UInt8], corpus: ByteCorpus,
                       _ body: (Int, SearchIndex.MatchClass) -> Void) {
        guard !chunk.isEmpty else { return }
        starts.values.withUnsafeBufferPointer { values in
            corpus.bytes.withUnsafeBufferPointer { bytes in
                var record = corpus.record(containing: max(0, Int(values[chunk.lowerBound] - starts.shift)))
                for i in chunk {
                    let start = Int(values[i] - starts.shift)
                    guard start >= 0, start + term.count <= bytes.count else { continue }
                    if !starts.onlyCharacters && !bytes[start..<(start + term.count)].elementsEqual(term) { continue }
                    record = corpus.record(containing: start, from: record)
                    body(record, starts.onlyCharacters ? .wholeWord : corpus.matchClass(at: start, length: term.count))
                }
            }
        }
    }

    /// The first index in `range` whose value is at least `wanted` (galloping, so a walk
    /// through a long list in steps costs little more than its short partner).
    static func firstIndex(in list: UnsafeBufferPointer<Int32>, _ range: Range<Int>, notBelow wanted: Int32) -> Int {
        var low = range.lowerBound, high = range.lowerBound, step = 1
        while high < range.upperBound && list[high] < wanted {
            low = high + 1
            high += step
            step *= 2
        }
        high = min(high, range.upperBound)
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < wanted { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
