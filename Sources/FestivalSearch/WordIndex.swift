#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FestivalIO

/// The distinct words of a corpus (runs of a–z and 0–9 in the folded text) and, per word,
/// the records holding it.
///
/// A term made only of letters and digits can only occur inside a word, so the records
/// containing it, and how well (inside a word, at its start, or the whole word), follow from
/// the words containing it: a scan of the small vocabulary and a walk over their record
/// lists, instead of a scan of the whole corpus.
struct WordIndex: Sendable {
    /// The words, one per record, in order of first appearance.
    let words: ByteCorpus
    /// `postings[postingStarts[w]..<postingStarts[w + 1]]`: the records holding word w, ascending.
    let postingStarts: Column<Int32>
    let postings: Column<Int32>

    /// True when a folded term can be looked up here (it has only word bytes).
    static func covers(_ term: [UInt8]) -> Bool { !term.isEmpty && term.allSatisfy(ByteCorpus.isWordByte) }

    init(words: ByteCorpus, postingStarts: Column<Int32>, postings: Column<Int32>, recordCount: Int) throws(BinaryReader.Corrupt) {
        let ascending = postingStarts.withUnsafeBufferPointer { s in s.count < 2 || (1..<s.count).allSatisfy { s[$0 - 1] <= s[$0] } }
        let inRange = postings.withUnsafeBufferPointer { p in p.allSatisfy { $0 >= 0 && Int($0) < recordCount } }
        guard postingStarts.count == words.count + 1, postingStarts.first == 0,
              postingStarts.last.map(Int.init) == postings.count, ascending, inRange else {
            throw BinaryReader.Corrupt(description: "index: word lists are inconsistent")
        }
        self.words = words
        self.postingStarts = postingStarts
        self.postings = postings
    }

    /// The words of `corpus` and where they occur.
    init(corpus: ByteCorpus) {
        var table = WordTable()
        // (word, record) for each word's first occurrence in each record, in record order.
        var pairWords: [Int32] = [], pairRecords: [Int32] = []
        var lastRecord: [Int32] = []
        corpus.bytes.withUnsafeBufferPointer { bytes in
            for record in 0..<corpus.count {
                var i = corpus.starts[record]
                let end = corpus.end(of: record)
                while i < end {
                    guard ByteCorpus.isWordByte(bytes[i]) else { i += 1; continue }
                    var j = i + 1
                    while j < end && ByteCorpus.isWordByte(bytes[j]) { j += 1 }
                    let word = table.id(of: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    if Int(word) == lastRecord.count { lastRecord.append(-1) }
                    if lastRecord[Int(word)] != Int32(record) {
                        lastRecord[Int(word)] = Int32(record)
                        pairWords.append(word)
                        pairRecords.append(Int32(record))
                    }
                    i = j
                }
            }
        }
        var starts = [Int32](repeating: 0, count: table.count + 1)
        for word in pairWords { starts[Int(word) + 1] += 1 }
        for w in 0..<table.count { starts[w + 1] += starts[w] }
        var next = starts
        var postings = [Int32](repeating: 0, count: pairWords.count)
        for (word, record) in zip(pairWords, pairRecords) {
            postings[Int(next[Int(word)])] = record
            next[Int(word)] += 1
        }
        var words = ByteCorpus.Builder()
        table.forEachWord { words.append(fields: [Array($0)]) }
        self.words = words.finish()
        postingStarts = Column(starts)
        self.postings = Column(postings)
    }

    /// Per record, 0 when `term` is not in it, else 1 + the best `MatchClass` rawValue of
    /// its occurrences (inside a word, at a word start, the whole word).
    func bestClasses(of term: [UInt8], recordCount: Int) -> [UInt8] {
        var best = [UInt8](repeating: 0, count: recordCount)
        guard !term.isEmpty, words.bytes.count >= term.count else { return best }
        let needle = words.needle(term)
        var word = 0
        best.withUnsafeMutableBufferPointer { best in
            postings.withUnsafeBufferPointer { postings in
                words.scan(needle, in: 0..<words.bytes.count) { start in
                    word = words.record(containing: start, from: word)
                    let first = words.starts[word], end = words.end(of: word)
                    // The first occurrence in a word is its best: only it can be at the start.
                    let rank: UInt8 = start != first ? 1 : start + term.count == end ? 3 : 2
                    for i in Int(postingStarts[word])..<Int(postingStarts[word + 1]) {
                        let record = Int(postings[i])
                        if best[record] < rank { best[record] = rank }
                    }
                    return end + 1
                }
            }
        }
        return best
    }
}

/// An open-addressing hash table giving each distinct word (byte string) an id, in order
/// of first appearance.
private struct WordTable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots = [Int32](repeating: -1, count: 1 << 12)

    var count: Int { starts.count - 1 }

    mutating func id(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            let s = starts[Int(id)], e = starts[Int(id) + 1]
            if e - s == word.count && bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + s, word.baseAddress!, word.count) == 0 }) {
                return id
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        slots[slot] = id
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        if count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<count {
            var slot = Self.hash(bytes[starts[id]..<starts[id + 1]]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a, folded to an Int.
    private static func hash(_ word: some Sequence<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    func forEachWord(_ body: (ArraySlice<UInt8>) -> Void) {
        for id in 0..<count { body(bytes[starts[id]..<starts[id + 1]]) }
    }
}
