/// "Did you mean …?": the candidates nearest a mistyped word, for unknown commands and ids.
enum Suggestions {
    /// Up to `limit` of `candidates`, nearest first: those that start with or contain
    /// `word`, then those within a few edits of it (one edit in three letters, at least one).
    static func nearest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return [] }
        let allowed = max(1, typed.count / 3)
        var scored: [(score: Int, candidate: String)] = []
        for candidate in candidates {
            let lower = candidate.lowercased()
            let score: Int
            if lower.hasPrefix(String(typed)) {
                score = 0
            } else if lower.contains(String(typed)) {
                score = 1
            } else {
                let distance = editDistance(typed, Array(lower), limit: allowed)
                guard distance <= allowed else { continue }
                score = 1 + distance
            }
            scored.append((score, candidate))
        }
        return scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.candidate < $1.candidate }
            .prefix(limit).map(\.candidate)
    }

    /// " (did you mean a or b?)" or "".
    static func phrase(_ nearest: [String]) -> String {
        guard !nearest.isEmpty else { return "" }
        let quoted = nearest.map { "'\($0)'" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        return "; did you mean \(list)?"
    }

    /// Levenshtein distance with adjacent swaps counted as one edit; stops early (returning
    /// `limit + 1`) once every path is longer than `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
