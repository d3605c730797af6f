import Foundation

/// The shelf's lists for display: most recently changed first; entries changed at the same
/// instant by id (films before quotes), so the order is always the same.
extension Shelf {
    /// Ids of the favorite films.
    public var favoriteFilms: [String] { Self.recentFirst(films.filter { $0.value.favorite }.map { ($0.key, $0.value.updated) }) }

    /// Ids of the favorite quotes.
    public var favoriteQuotes: [String] { Self.recentFirst(quotes.filter { $0.value.favorite }.map { ($0.key, $0.value.updated) }) }

    /// Ids of the watched films.
    public var watchedFilms: [String] { Self.recentFirst(films.filter { $0.value.watched }.map { ($0.key, $0.value.updated) }) }

    /// Ids of the rated films (`rating(film:)` gives the rating).
    public var rated: [String] { Self.recentFirst(films.filter { $0.value.rating != nil }.map { ($0.key, $0.value.updated) }) }

    /// Films and quotes with a note (`note(_:)` gives it).
    public var noted: [ShelfItem] {
        let items = films.filter { $0.value.note != nil }.map { (ShelfItem.film($0.key), $0.value.updated) }
            + quotes.filter { $0.value.note != nil }.map { (ShelfItem.quote($0.key), $0.value.updated) }
        return items.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            switch (a.0, b.0) {
            case let (.film(x), .film(y)), let (.quote(x), .quote(y)): return x < y
            case (.film, .quote): return true
            case (.quote, .film): return false
            }
        }.map(\.0)
    }

    private static func recentFirst(_ entries: [(String, Date)]) -> [String] {
        entries.sorted { a, b in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }.map(\.0)
    }
}
