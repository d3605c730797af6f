import Foundation
import FestivalCatalog

/// Every film, person and quote of a catalog as folded text, searchable as you type: the
/// folded corpus, and beside it a word index and a character index that answer most terms
/// without reading the corpus (see `matches`).
///
/// Ranking: the exact phrase as whole words, then every word matching at a word start,
/// then plain substrings; ties keep catalog order (films, people, quotes).
public struct SearchIndex: Sendable {
    public enum Kind: String, CaseIterable, Sendable, Comparable {
        /// The festival itself: its names, description, organizer, edition and events.
        case festival
        case film, person, quote
        public static func < (a: Kind, b: Kind) -> Bool { a.order < b.order }
        var order: Int { Kind.allCases.firstIndex(of: self)! }
    }

    public enum Tier: Int, Comparable, Sendable {
        case phrase, wordStart, substring
        public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    /// A searchable thing: which array of the catalog, and where in it.
    public struct Document: Equatable, Sendable {
        public var kind: Kind
        public var index: Int
    }

    public struct Hit: Equatable, Sendable {
        public var document: Int
        public var tier: Tier
    }

    public let documents: [Document]
    let corpus: ByteCorpus
    /// The corpus's words, for terms made only of letters and digits.
    let words: WordIndex
    /// Where each non-ASCII character is, for terms holding any (nil for a corpus too
    /// large for its 32-bit offsets).
    let characters: CharacterIndex?
    /// Per filter field: the folded key (id and names) of every entity, and per document
    /// the entities it refers to.
    let keys: [SearchQuery.Field: [[UInt8]]]
    let references: [SearchQuery.Field: EntityReferences]

    public init(catalog: Catalog) { self.init(catalog: catalog, parallel: true) }

    /// `parallel: false` folds every quote on this thread (to test the parallel build against).
    init(catalog: Catalog, parallel: Bool) {
        var builder = SearchIndexBuilder(catalog: catalog)
        var quotes = builder.quoteRuns(parallel: parallel)
        builder.addFestival()
        builder.addFilms(quotes)
        builder.addPeople(quotes)
        builder.addQuotes(&quotes)
        let corpus = builder.corpus.finish()
        // The two lookup structures are independent: one per core.
        let built = Slots<(WordIndex?, CharacterIndex?)>(count: 2, empty: (nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            built[part] = part == 0 ? (WordIndex(corpus: corpus), nil) : (nil, CharacterIndex(corpus: corpus))
        }
        self.init(documents: builder.documents, corpus: corpus, words: built[0].0!, characters: built[1].1,
                  keys: builder.keys, references: builder.references.mapValues(EntityReferences.init))
    }

    init(documents: [Document], corpus: ByteCorpus, words: WordIndex, characters: CharacterIndex?,
         keys: [SearchQuery.Field: [[UInt8]]], references: [SearchQuery.Field: EntityReferences]) {
        self.documents = documents
        self.corpus = corpus
        self.words = words
        self.characters = characters
        self.keys = keys
        self.references = references
    }

    /// Throwaway searches with many hits, so the first real keystroke finds the worker
    /// threads started, the corpus in the CPU caches and the allocator already serving
    /// large result arrays from its heap (the browser calls it on the index's thread).
    public func warmUp() {
        let all = search(SearchQuery("e"))
        _ = search(SearchQuery("en"), within: Self.documentsInOrder(all))
        _ = search(SearchQuery("e."))   // a full parallel scan
    }

    /// Documents matching `query`, best first. An empty query matches nothing.
    public func search(_ query: SearchQuery, in kinds: Set<Kind> = Set(Kind.allCases),
                       within universe: [Int]? = nil) -> [Hit] {
        guard !query.isEmpty else { return [] }
        let allowed = allowedDocuments(query, kinds: kinds)
        if query.terms.count == 1, let classes = classes(of: query.terms[0]) {
            return rankClasses(classes, member: universe.map { member($0, allowed: allowed) } ?? allowed)
        }
        var candidates: [Int]? = universe.map { list in allowed.map { a in list.filter { a[$0] } } ?? list }
        var allWordStart = [Bool](repeating: true, count: documents.count)
        // Longer terms first (they are mostly rarer): the candidates shrink sooner, and the
        // terms after them look only in those. Nothing left: nothing matches.
        for term in query.terms.sorted(by: { $0.count > $1.count }) {
            if candidates?.isEmpty == true { return [] }
            // One word alone ranks first where it is a whole word; with several words the
            // phrase does.
            let best: MatchClass = query.terms.count == 1 ? .wholeWord : .wordStart
            let found = matches(term, best: best, candidates: candidates, allowed: allowed)
            var next: [Int] = []
            next.reserveCapacity(found.count)
            for (record, match) in found {
                if match < .wordStart { allWordStart[record] = false }
                next.append(record)
            }
            if query.terms.count == 1 {
                return rank(found.map { ($0.record, $0.match == .wholeWord ? Tier.phrase : $0.match == .wordStart ? .wordStart : .substring) })
            }
            candidates = next
        }
        let list = candidates ?? (0..<documents.count).filter { allowed?[$0] ?? true }
        let phrase = corpus.needle(query.phrase)
        return rank(list.map { record in
            guard allWordStart[record] else { return (record, Tier.substring) }
            return (record, containsWholeWord(phrase, in: record) ? .phrase : .wordStart)
        })
    }

    /// The documents of `hits` (as `search` returns them) in ascending order: each tier's
    /// run is already ascending, so this merges instead of sorting.
    public static func documentsInOrder(_ hits: [Hit]) -> [Int] {
        var runs: [ArraySlice<Hit>] = []
        var start = 0
        for i in hits.indices.dropFirst() where hits[i].tier != hits[i - 1].tier {
            runs.append(hits[start..<i])
            start = i
        }
        if !hits.isEmpty { runs.append(hits[start...]) }
        var merged = runs.first.map { $0.map(\.document) } ?? []
        for run in runs.dropFirst() {
            var out: [Int] = []
            out.reserveCapacity(merged.count + run.count)
            var a = merged.startIndex
            var b = run.startIndex
            while a < merged.endIndex && b < run.endIndex {
                if merged[a] < run[b].document { out.append(merged[a]); a += 1 } else { out.append(run[b].document); b += 1 }
            }
            out += merged[a...]
            out += run[b...].map(\.document)
            merged = out
        }
        return merged
    }

    /// The catalog order of hits within each tier.
    func rank(_ scored: [(Int, Tier)]) -> [Hit] {
        // A counting sort into one array: no buckets to grow and join (a million hits).
        var next = [0, 0, 0]
        for (_, tier) in scored where tier.rawValue < 2 { next[tier.rawValue + 1] += 1 }
        next[2] += next[1]
        return [Hit](unsafeUninitializedCapacity: scored.count) { buffer, initialized in
            for (record, tier) in scored {
                (buffer.baseAddress! + next[tier.rawValue]).initialize(to: Hit(document: record, tier: tier))
                next[tier.rawValue] += 1
            }
            initialized = scored.count
        }
    }

    enum MatchClass: Int, Comparable {
        case substring, wordStart, wholeWord
        static func < (a: MatchClass, b: MatchClass) -> Bool { a.rawValue < b.rawValue }
    }

    /// At most this many candidates are read one by one rather than looked up.
    static let fewCandidates = 2_048

    /// Records containing `term`, ascending, with the best class of their occurrences (a
    /// scan of a record stops at the first occurrence of class `best`). One letter comes
    /// from the letter masks, letters and digits from the word index, a term with non-ASCII
    /// characters from where those are; anything else is scanned for, split at record
    /// boundaries across the cores.
    func matches(_ term: [UInt8], best: MatchClass, candidates: [Int]?, allowed: [Bool]?) -> [(record: Int, match: MatchClass)] {
        // A few candidates left (a query narrowed by its other terms): reading them costs
        // less than any index, whose lists run over every record.
        if let candidates, candidates.count <= Self.fewCandidates {
            return scan(corpus.needle(term), best: best, records: candidates[...])
        }
        if term.count == 1, let bit = ByteCorpus.letterBit(term[0]) {
            return letterMatches(bit, candidates: candidates, allowed: allowed)
        }
        if WordIndex.covers(term) { return wordMatches(term, candidates: candidates, allowed: allowed) }
        if let characters, let found = characters.matches(term, in: corpus) {
            return Self.restrict(found, to: candidates, allowed: allowed)
        }
        let needle = corpus.needle(term)
        // Few candidates: look in each; many: one pass over the corpus, skipping the others.
        let sparse = candidates.map { $0.count < corpus.count / 3 } ?? false
        var member = allowed
        if let candidates, !sparse {
            var bitmap = [Bool](repeating: false, count: corpus.count)
            for record in candidates { bitmap[record] = true }
            member = bitmap
        }
        let work = sparse ? candidates!.count : corpus.count
        let parts = work >= 20_000 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        let slots = Slots<[(record: Int, match: MatchClass)]>(count: parts, empty: [])
        let scanPart: @Sendable (Int) -> Void = { [self, member] part in
            let lo = work * part / parts, hi = work * (part + 1) / parts
            slots[part] = sparse
                ? scan(needle, best: best, records: candidates![lo..<hi])
                : scan(needle, best: best, from: lo, to: hi, member: member)
        }
        if parts == 1 { scanPart(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: scanPart) }
        return slots.joined()
    }

    /// The matches whose record is among `candidates` (ascending) and allowed.
    static func restrict(_ found: [(record: Int, match: MatchClass)], to candidates: [Int]?,
                         allowed: [Bool]?) -> [(record: Int, match: MatchClass)] {
        var kept = found
        if let allowed { kept.removeAll { !allowed[$0.record] } }
        guard let candidates else { return kept }
        var out: [(record: Int, match: MatchClass)] = []
        var j = 0
        for m in kept {
            while j < candidates.count && candidates[j] < m.record { j += 1 }
            if j == candidates.count { break }
            if candidates[j] == m.record { out.append(m) }
        }
        return out
    }

    /// A one-letter term, from the per-record letter masks.
    private func letterMatches(_ bit: UInt64, candidates: [Int]?, allowed: [Bool]?) -> [(record: Int, match: MatchClass)] {
        collect(candidates: candidates, allowed: allowed,
                count: { corpus.letters.reduce(0) { $0 + ($1 & bit != 0 ? 1 : 0) } }) { record in
            guard corpus.letters[record] & bit != 0 else { return nil }
            return corpus.wholeWordLetters[record] & bit != 0 ? .wholeWord
                : corpus.wordStartLetters[record] & bit != 0 ? .wordStart : .substring
        }
    }

    /// A term of letters and digits, from the words containing it.
    private func wordMatches(_ term: [UInt8], candidates: [Int]?, allowed: [Bool]?) -> [(record: Int, match: MatchClass)] {
        let best = words.bestClasses(of: term, recordCount: corpus.count)
        return collect(candidates: candidates, allowed: allowed, count: { best.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }) {
            best[$0] > 0 ? MatchClass(rawValue: Int(best[$0]) - 1) : nil
        }
    }

    /// The records among `candidates` (else every allowed record), ascending, that `match`
    /// gives a class. `count` is how many match in all (to size the result at once).
    private func collect(candidates: [Int]?, allowed: [Bool]?, count: () -> Int,
                         _ match: (Int) -> MatchClass?) -> [(record: Int, match: MatchClass)] {
        var result: [(record: Int, match: MatchClass)] = []
        if candidates == nil && allowed == nil { result.reserveCapacity(count()) }
        func check(_ record: Int) {
            if let found = match(record) { result.append((record, found)) }
        }
        if let candidates {
            for record in candidates { check(record) }
        } else {
            for record in 0..<corpus.count where allowed?[record] ?? true { check(record) }
        }
        return result
    }

    /// Each listed record on its own.
    private func scan(_ needle: ByteCorpus.Needle, best: MatchClass, records: ArraySlice<Int>) -> [(record: Int, match: MatchClass)] {
        var result: [(record: Int, match: MatchClass)] = []
        for record in records {
            var found: MatchClass?
            corpus.scan(needle, in: corpus.starts[record]..<corpus.end(of: record)) { start in
                let match = corpus.matchClass(at: start, length: needle.bytes.count)
                if found == nil || match > found! { found = match }
                return match >= best ? corpus.end(of: record) : start + 1
            }
            if let found { result.append((record, found)) }
        }
        return result
    }

    /// Records `first..<last` in one pass, those not in `member` skipped.
    private func scan(_ needle: ByteCorpus.Needle, best: MatchClass, from first: Int, to last: Int,
                      member: [Bool]?) -> [(record: Int, match: MatchClass)] {
        var result: [(record: Int, match: MatchClass)] = []
        var record = first
        corpus.scan(needle, in: corpus.starts[first]..<corpus.starts[last]) { start in
            record = corpus.record(containing: start, from: record)
            if let member, !member[record] { return corpus.starts[record + 1] }
            let match = corpus.matchClass(at: start, length: needle.bytes.count)
            if let previous = result.last, previous.record == record {
                if match > previous.match { result[result.count - 1].match = match }
            } else {
                result.append((record, match))
            }
            return result[result.count - 1].match >= best ? corpus.starts[record + 1] : start + 1
        }
        return result
    }

    private func containsWholeWord(_ needle: ByteCorpus.Needle, in record: Int) -> Bool {
        // A phrase longer than the record (a pasted query) is not in it: no scan.
        guard needle.bytes.count <= corpus.end(of: record) - corpus.starts[record] else { return false }
        var found = false
        corpus.scan(needle, in: corpus.starts[record]..<corpus.end(of: record)) { start in
            if corpus.matchClass(at: start, length: needle.bytes.count) == .wholeWord { found = true; return Int.max / 2 }
            return start + 1
        }
        return found
    }

    /// Documents of the wanted kinds that pass every filter; nil when all do.
    func allowedDocuments(_ query: SearchQuery, kinds: Set<Kind>) -> [Bool]? {
        if query.filters.isEmpty && kinds.count == Kind.allCases.count { return nil }
        var allowed = documents.map { kinds.contains($0.kind) }
        for filter in query.filters {
            let entityKeys = keys[filter.field] ?? []
            let passing = entityKeys.map { Self.contains($0, filter.value) }
            guard let refs = references[filter.field] else { continue }
            for d in documents.indices where allowed[d] {
                allowed[d] = refs.of(d).contains { passing[Int($0)] }
            }
        }
        return allowed
    }

    /// Whether folded `haystack` holds folded `needle`.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        if needle.isEmpty { return true }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

/// One result slot per parallel part; each part writes only its own slot.
final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value>

    init(count: Int, empty: Value) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: empty)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    subscript(i: Int) -> Value {
        get { storage[i] }
        set { storage[i] = newValue }
    }

    func joined<Element>() -> [Element] where Value == [Element] {
        storage.count == 1 ? storage[0] : Array(storage.joined())
    }
}
