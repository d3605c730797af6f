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
        var bySpeaker: [String: [Int]]?
        var byFilm: [String: [Int]]?
    }

    private let tables = Mutex(Tables())

    func find<T: Identifiable>(_ id: String, in items: [T], _ table: WritableKeyPath<Tables, [String: Int]?>) -> T?
    where T.ID == String {
        if items.count < 64 { return items.first { $0.id == id } }
        let position = tables.withLock { tables -> Int?? in
            if tables[keyPath: table] == nil { tables[keyPath: table] = Self.positions(items) }
            return tables[keyPath: table]?[id]
        }
        if case .some(.some(let i)) = position, i < items.count, items[i].id == id { return items[i] }
        // Not in the table, or the table is stale: scan, and rebuild when it was stale.
        guard let i = items.firstIndex(where: { $0.id == id }) else { return nil }
        tables.withLock { $0[keyPath: table] = Self.positions(items) }
        return items[i]
    }

    /// Positions of the quotes whose speaker (or film) is `id`, in catalog order.
    func quotes(of id: String, in quotes: [Quote], byFilm: Bool) -> [Int] {
        let table: WritableKeyPath<Tables, [String: [Int]]?> = byFilm ? \.byFilm : \.bySpeaker
        return tables.withLock { tables in
            if tables[keyPath: table] == nil {
                var map: [String: [Int]] = [:]
                for (i, quote) in quotes.enumerated() {
                    if let key = byFilm ? quote.film : quote.speaker { map[key, default: []].append(i) }
                }
                tables[keyPath: table] = map
            }
            return tables[keyPath: table]?[id] ?? []
        }
    }

    static func positions<T: Identifiable>(_ items: [T]) -> [String: Int] where T.ID == String {
        var map: [String: Int] = [:]
        map.reserveCapacity(items.count)
        for (i, item) in items.enumerated() where map[item.id] == nil { map[item.id] = i }
        return map
    }
}
