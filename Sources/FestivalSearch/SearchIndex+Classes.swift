import FestivalCatalog
import Foundation

/// One-term searches answered from a class per record (0: no match, then substring, word
/// start, whole word), ranked straight into the hit list: a letter or a word of a million
/// records costs two passes over a byte per record, with no list of matches in between.
extension SearchIndex {
    /// The best match class of `term` in every record (`MatchClass.rawValue + 1`, 0 for
    /// none), when it can be had without scanning the corpus: one letter from the letter
    /// masks, letters and digits from the word index, a term with non-ASCII characters from
    /// where those are.
    func classes(of term: [UInt8]) -> [UInt8]? {
        if term.count == 1, let bit = ByteCorpus.letterBit(term[0]) {
            let (letters, wordStart, wholeWord) = (corpus.letters, corpus.wordStartLetters, corpus.wholeWordLetters)
            return [UInt8](unsafeUninitializedCapacity: letters.count) { out, initialized in
                for r in 0..<letters.count {
                    out[r] = letters[r] & bit == 0 ? 0 : wholeWord[r] & bit != 0 ? 3 : wordStart[r] & bit != 0 ? 2 : 1
                }
                initialized = letters.count
            }
        }
        if WordIndex.covers(term) { return words.bestClasses(of: term, recordCount: corpus.count) }
        return characters?.classes(term, in: corpus)
    }

    /// The records with a class, ranked as `rank` ranks (whole words first, then word
    /// starts, then the rest; each tier in catalog order), only those in `member` when given.
    /// Large lists are ranked on every core: each part counts its tiers, then writes its
    /// hits at their final places.
    func rankClasses(_ classes: [UInt8], member: [Bool]?, parallelAbove: Int = 200_000) -> [Hit] {
        let count = classes.count
        let parts = count >= parallelAbove ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        let bounds = (0...parts).map { count * $0 / parts }
        // Tier of a class: 3 (whole word) → phrase, 2 → word start, 1 → substring.
        let counted = Slots<[Int]>(count: parts, empty: [0, 0, 0])
        classes.withUnsafeBufferPointer { classes in
            let shared = SharedMemory(pointer: classes)
            let countPart: @Sendable (Int) -> Void = { part in
                var c = [0, 0, 0, 0]
                for r in bounds[part]..<bounds[part + 1] where member?[r] ?? true { c[Int(shared.pointer[r])] += 1 }
                counted[part] = [c[3], c[2], c[1]]
            }
            if parts == 1 { countPart(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: countPart) }
        }
        let tierCounts = (0..<parts).map { counted[$0] }
        // Where each part's run of each tier begins.
        var starts = [[Int]](repeating: [0, 0, 0], count: parts)
        var offset = 0
        for tier in 0..<3 {
            for part in 0..<parts {
                starts[part][tier] = offset
                offset += tierCounts[part][tier]
            }
        }
        let total = offset, partStarts = starts
        return [Hit](unsafeUninitializedCapacity: total) { out, initialized in
            let target = SharedMemory(pointer: out.baseAddress!)
            classes.withUnsafeBufferPointer { classes in
                let shared = SharedMemory(pointer: classes)
                let fillPart: @Sendable (Int) -> Void = { part in
                    var next = partStarts[part]
                    for r in bounds[part]..<bounds[part + 1] where member?[r] ?? true {
                        let c = Int(shared.pointer[r])
                        guard c > 0 else { continue }
                        let tier = 3 - c
                        (target.pointer + next[tier]).initialize(to: Hit(document: r, tier: Tier(rawValue: tier)!))
                        next[tier] += 1
                    }
                }
                if parts == 1 || total == 0 { fillPart(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: fillPart) }
            }
            initialized = total
        }
    }

    /// `search` narrowing `earlier` (the hits of a query this one narrows, as `search`
    /// returned them): a one-term query answered from classes needs only which documents
    /// they were, not their order.
    public func search(_ query: SearchQuery, in kinds: Set<Kind> = Set(Kind.allCases), narrowing earlier: [Hit]?) -> [Hit] {
        guard let earlier else { return search(query, in: kinds, within: nil) }
        // Nothing narrows to nothing (a query typed on past its last match).
        if earlier.isEmpty { return [] }
        guard query.terms.count == 1, let classes = classes(of: query.terms[0]) else {
            return search(query, in: kinds, within: Self.documentsInOrder(earlier))
        }
        return rankClasses(classes, member: member(earlier.lazy.map(\.document), allowed: allowedDocuments(query, kinds: kinds)))
    }

    /// The documents listed (in any order) that are also `allowed`, as a bitmap.
    func member(_ listed: some Sequence<Int>, allowed: [Bool]?) -> [Bool] {
        var member = [Bool](repeating: false, count: documents.count)
        for d in listed where allowed?[d] ?? true { member[d] = true }
        return member
    }
}
