import FestivalSearch

/// Where a search looks.
public enum SearchScope: Sendable, Equatable {
    case everything, quotes

    var kinds: Set<SearchIndex.Kind> { self == .quotes ? [.quote] : Set(SearchIndex.Kind.allCases) }
}

/// The global search: the query being typed, its results, and earlier queries.
public struct SearchState: Sendable {
    /// The query being typed, with its cursor.
    public internal(set) var field = TextField()
    public var input: String { field.text }
    public internal(set) var scope = SearchScope.everything
    public internal(set) var hits: [SearchIndex.Hit] = []
    /// The parsed query the hits belong to, to narrow the next keystroke's scan.
    var query = SearchQuery("")
    /// Earlier queries, oldest first, and the one Up/Down shows (nil: the current input).
    public internal(set) var history: [String] = []
    public internal(set) var historyCursor: Int?
    var draft = ""

    public static let maxHistory = 50
}
