extension SearchQuery {
    /// Where the query's words and phrases occur in `text`, as ranges of Character
    /// offsets in the original (unfolded) text, sorted and merged. Folding may change
    /// lengths (`ß` → `ss`, a dropped combining mark); the ranges still cover whole
    /// characters of the original.
    public func highlights(in text: String) -> [Range<Int>] {
        guard !terms.isEmpty, !text.isEmpty else { return [] }
        let (folded, grapheme) = Fold.mapped(text)
        var ranges: [Range<Int>] = []
        for term in terms where term.count <= folded.count {
            var start = 0
            while start <= folded.count - term.count {
                if folded[start] == term[0], folded[start..<(start + term.count)].elementsEqual(term) {
                    let first = Int(grapheme[start]), last = Int(grapheme[start + term.count - 1])
                    ranges.append(first..<(last + 1))
                    start += term.count
                } else {
                    start += 1
                }
            }
        }
        return Self.merge(ranges)
    }

    /// True when any word or phrase of the query occurs in `text` (folded).
    public func matches(_ text: String) -> Bool {
        let folded = Fold.bytes(text)
        return terms.contains { SearchIndex.contains(folded, $0) }
    }

    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
