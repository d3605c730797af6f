import Synchronization

/// Positions of films, people and quotes by id, and of quotes by speaker and by film, so
/// a 100 000-quote catalog answers `quote(id)` or `quotes(by:)` without a scan. Built on
/// first use; the catalog replaces it whenever its arrays change, and an id hit is still
/// checked against the array.
final class CatalogLookup: Sendable {
    struct Tables {
        var film: [String: Int]?
        var person: [String: Int]?
        var quote: [String: Int]?
        var topic: [String: Int]?
        var source: [String: Int]?
        var venue: [String: Int]?
        var screening: [String: Int]?
        var screeningsByFilm: [String: [Int]]?
        var bySpeaker: [String: [Int]]?
        var byFilm: [String: [Int]]?
    }

    private let tables = Mutex(Tables())

    /// A table, built on first use. It is built outside the lock, so a reader never waits
    /// for another thread building a table (two may build the same one; the first is kept).
    private func table<V: Sendable>(_ path: WritableKeyPath<Tables, V?>, build: () -> V) -> V {
        if let table = tables.withLock({ $0[keyPath: path] }) { return table }
        let built = build()
        return tables.withLock { tables in
            if let existing = tables[keyPath: path] { return existing }
            tables[keyPath: path] = built
            return built
        }
    }

    func find<T: Identifiable>(_ id: String, in items: [T], _ path: WritableKeyPath<Tables, [String: Int]?>) -> T?
    where T.ID == String {
        if items.count < 64 { return items.first { $0.id == id } }
        let positions = table(path, build: { Self.positions(items) })
        if let i = positions[id], i < items.count, items[i].id == id { return items[i] }
        // A table of every item (ids are unique) that lacks the id: it is not there. A shelf
        // of 300,000 ids the catalog does not have must not read the list 300,000 times.
        if positions[id] == nil && positions.count == items.count { return nil }
        // Not in the table, or the table is stale: scan, and rebuild when it was stale.
        guard let i = items.firstIndex(where: { $0.id == id }) else { return nil }
        let rebuilt = Self.positions(items)
        tables.withLock { $0[keyPath: path] = rebuilt }
        return items[i]
    }

    /// Builds every table now (a lookup of an id that is not there would also scan).
    func prepare(films: [Film], people: [Person], quotes: [Quote]) {
        _ = table(\.person) { Self.positions(people) }
        _ = table(\.film) { Self.positions(films) }
        _ = self.quotes(of: "", in: quotes, byFilm: true)
        _ = self.quotes(of: "", in: quotes, byFilm: false)
        _ = table(\.quote) { Self.positions(quotes) }
    }

    /// Positions of the quotes whose speaker (or film) is `id`, in catalog order.
    func quotes(of id: String, in quotes: [Quote], byFilm: Bool) -> [Int] {
        table(byFilm ? \.byFilm : \.bySpeaker) {
            var map: [String: [Int]] = [:]
            for (i, quote) in quotes.enumerated() {
                if let key = byFilm ? quote.film : quote.speaker { map[key, default: []].append(i) }
            }
            return map
        }[id] ?? []
    }

    /// Positions of the screenings that show the film `id`, in catalog order.
    func screenings(of id: String, in screenings: [Screening]) -> [Int] {
        table(\.screeningsByFilm) {
            var map: [String: [Int]] = [:]
            for (i, screening) in screenings.enumerated() {
                for film in screening.films { map[film, default: []].append(i) }
            }
            return map
        }[id] ?? []
    }

    static func positions<T: Identifiable>(_ items: [T]) -> [String: Int] where T.ID == String {
        var map: [String: Int] = [:]
        map.reserveCapacity(items.count)
        for (i, item) in items.enumerated() where map[item.id] == nil { map[item.id] = i }
        return map
    }
}
