/// A parsed search: words and "quoted phrases" that must all match (AND), and field
/// filters such as `speaker:valenzuela`, `topic:copyright`, `film:total-pixel-space`.
/// Everything is kept folded (see `Fold`).
public struct SearchQuery: Equatable, Sendable {
    public enum Field: String, CaseIterable, Sendable { case speaker, topic, film }

    public struct Filter: Equatable, Sendable {
        public var field: Field
        public var value: [UInt8]
    }

    /// Folded words and phrases; a phrase keeps its inner spaces.
    public var terms: [[UInt8]]
    public var filters: [Filter]
    /// The plain words and phrases joined by one space: the "exact phrase" used for ranking.
    public var phrase: [UInt8]

    public var isEmpty: Bool { terms.isEmpty && filters.isEmpty }

    public init(_ text: String) {
        terms = []
        filters = []
        for token in Self.tokens(text) {
            if let colon = token.text.firstIndex(of: ":"), !token.quotedKey,
               let field = Field(rawValue: token.text[..<colon].lowercased()) {
                let value = Fold.bytes(String(token.text[token.text.index(after: colon)...]))
                if !value.isEmpty { filters.append(Filter(field: field, value: value)) }
                continue
            }
            var folded = Fold.bytes(token.text)
            while folded.last == 0x20 { folded.removeLast() }
            if !folded.isEmpty { terms.append(folded) }
        }
        phrase = Array(terms.joined(separator: [0x20]))
        terms = Self.distinct(terms)
    }

    /// Each term once, and none that another term contains: a record holding "ea" holds
    /// "e", so "e" narrows nothing beside it. A query costs what its distinct words cost,
    /// however often a pasted text repeats them. (Containment is looked for among the first
    /// `containmentLimit` distinct terms only: it takes time quadratic in their number.)
    static func distinct(_ terms: [[UInt8]]) -> [[UInt8]] {
        var seen = Set<[UInt8]>()
        let unique = terms.filter { seen.insert($0).inserted }
        guard unique.count > 1, unique.count <= containmentLimit else { return unique }
        return unique.enumerated().filter { i, term in
            !unique.enumerated().contains { j, other in
                j != i && other.count > term.count && SearchIndex.contains(other, term)
            }
        }.map(\.element)
    }

    static let containmentLimit = 256

    /// Whitespace-separated tokens; double quotes group (`"a b"`, `speaker:"a b"`), and an
    /// unterminated quote runs to the end (the user is still typing).
    static func tokens(_ text: String) -> [(text: String, quotedKey: Bool)] {
        var result: [(String, Bool)] = []
        var current = ""
        var inQuotes = false
        var startedQuoted = false
        for character in text {
            if character == "\"" {
                if current.isEmpty && !inQuotes { startedQuoted = true }
                inQuotes.toggle()
            } else if !inQuotes && character.isWhitespace {
                if !current.isEmpty { result.append((current, startedQuoted)) }
                current = ""
                startedQuoted = false
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, startedQuoted)) }
        return result
    }
}

extension SearchQuery {
    /// True when every match of this query is also a match of `previous` (the user typed
    /// on: a word grew, a word or a filter was added), so only `previous`'s hits need a look.
    public func narrows(_ previous: SearchQuery) -> Bool {
        guard !previous.isEmpty, terms.count >= previous.terms.count, filters.count >= previous.filters.count else { return false }
        let termsKept = zip(terms, previous.terms).allSatisfy { SearchIndex.contains($0, $1) }
        let filtersKept = zip(filters, previous.filters).allSatisfy { $0.field == $1.field && SearchIndex.contains($0.value, $1.value) }
        return termsKept && filtersKept
    }
}
