import Foundation
import Synchronization

/// The user's shelf for one catalog: favorite films and quotes, watched films, ratings and
/// notes. A value: change it with the methods below (usually inside `ShelfStore.update`),
/// which stamp the changed entry so lists can show the most recent first. An entry with
/// nothing set is removed.
public struct Shelf: Sendable, Equatable {
    /// What the user set on one film.
    public struct FilmEntry: Sendable, Equatable {
        public internal(set) var favorite = false
        public internal(set) var watched = false
        /// 1...5, or nil when not rated.
        public internal(set) var rating: Int?
        /// Never empty nor whitespace only.
        public internal(set) var note: String?
        /// How much the user wants to see it, 0...5 (0: not at all), for the planner; nil
        /// when not set. Not a rating, which is for after seeing.
        public internal(set) var priority: Int?
        /// When the entry last changed (whole milliseconds, UTC).
        public internal(set) var updated: Date

        var isEmpty: Bool { !favorite && !watched && rating == nil && note == nil && priority == nil }
    }

    /// What the user set on one quote.
    public struct QuoteEntry: Sendable, Equatable {
        public internal(set) var favorite = false
        /// Never empty nor whitespace only.
        public internal(set) var note: String?
        /// When the entry last changed (whole milliseconds, UTC).
        public internal(set) var updated: Date

        var isEmpty: Bool { !favorite && note == nil }
    }

    /// Ratings a film may have.
    public static let ratings = 1...5
    /// Priorities a film may have.
    public static let priorities = 0...5

    /// Entries by film id; no entry is empty.
    public internal(set) var films: [String: FilmEntry] = [:] { didSet { changed() } }
    /// Entries by quote id; no entry is empty.
    public internal(set) var quotes: [String: QuoteEntry] = [:] { didSet { changed() } }
    /// Picks and tickets by screening id; no entry is empty.
    public internal(set) var screenings: [String: ScreeningEntry] = [:] { didSet { changed() } }
    /// Times the user cannot attend, in the order given.
    public internal(set) var unavailable: [Unavailable] = [] { didSet { changed() } }
    /// Different for every shelf made or changed in this process (copies share it): what a
    /// screen derived from the shelf is kept under, without comparing every entry.
    public private(set) var revision = Shelf.nextRevision()
    /// The latest stamp, once known (a change sets it; any other edit forgets it), so a run
    /// of changes does not look at every entry each time.
    private var latestKnown: Date?

    private mutating func changed() {
        latestKnown = nil
        revision = Self.nextRevision()
    }

    private static let revisions = Atomic<UInt64>(0)
    private static func nextRevision() -> UInt64 { revisions.add(1, ordering: .relaxed).newValue }

    /// Shelves are equal when their entries are.
    public static func == (a: Shelf, b: Shelf) -> Bool {
        a.films == b.films && a.quotes == b.quotes && a.screenings == b.screenings && a.unavailable == b.unavailable
    }

    public init() {}

    /// True when nothing is on the shelf.
    public var isEmpty: Bool { films.isEmpty && quotes.isEmpty && screenings.isEmpty && unavailable.isEmpty }

    // MARK: - Reading

    public func isFavorite(_ item: ShelfItem) -> Bool {
        switch item {
        case .film(let id): return films[id]?.favorite ?? false
        case .quote(let id): return quotes[id]?.favorite ?? false
        }
    }

    public func isWatched(film id: String) -> Bool { films[id]?.watched ?? false }

    public func rating(film id: String) -> Int? { films[id]?.rating }

    public func priority(film id: String) -> Int? { films[id]?.priority }

    public func note(_ item: ShelfItem) -> String? {
        switch item {
        case .film(let id): return films[id]?.note
        case .quote(let id): return quotes[id]?.note
        }
    }

    /// When the item's entry last changed; nil when it has none.
    public func updated(_ item: ShelfItem) -> Date? {
        switch item {
        case .film(let id): return films[id]?.updated
        case .quote(let id): return quotes[id]?.updated
        }
    }

    /// The entries of these films and quotes only (for exporting what a list shows).
    package func keeping(films: Set<String>, quotes: Set<String>) -> Shelf {
        var part = Shelf()
        part.films = self.films.filter { films.contains($0.key) }
        part.quotes = self.quotes.filter { quotes.contains($0.key) }
        part.screenings = screenings
        part.unavailable = unavailable
        return part
    }

    // MARK: - Changing

    /// Marks the item a favorite, or unmarks it.
    public mutating func toggleFavorite(_ item: ShelfItem, at now: Date = Date()) {
        switch item {
        case .film(let id): changeFilm(id, at: now) { $0.favorite.toggle() }
        case .quote(let id): changeQuote(id, at: now) { $0.favorite.toggle() }
        }
    }

    /// Marks the film watched, or unmarks it.
    public mutating func toggleWatched(film id: String, at now: Date = Date()) {
        changeFilm(id, at: now) { $0.watched.toggle() }
    }

    /// Makes the item a favorite or not (nothing changes when it already is as asked).
    public mutating func setFavorite(_ item: ShelfItem, _ on: Bool, at now: Date) {
        guard isFavorite(item) != on else { return }
        toggleFavorite(item, at: now)
    }

    /// Marks the film watched or not (nothing changes when it already is as asked).
    public mutating func setWatched(film id: String, _ on: Bool, at now: Date) {
        guard isWatched(film: id) != on else { return }
        toggleWatched(film: id, at: now)
    }

    /// Rates the film 1...5, or clears its rating with nil. A rating outside 1...5 is
    /// rejected: the shelf is left as it was and the result is false.
    @discardableResult
    public mutating func setRating(film id: String, _ rating: Int?, at now: Date = Date()) -> Bool {
        if let rating, !Self.ratings.contains(rating) { return false }
        changeFilm(id, at: now) { $0.rating = rating }
        return true
    }

    /// Sets the film's priority 0...5, or clears it with nil; anything else is rejected
    /// (false, the shelf unchanged).
    @discardableResult
    public mutating func setPriority(film id: String, _ priority: Int?, at now: Date = Date()) -> Bool {
        if let priority, !Self.priorities.contains(priority) { return false }
        changeFilm(id, at: now) { $0.priority = priority }
        return true
    }

    /// Attaches a note to the item; nil, empty or whitespace-only text removes it.
    public mutating func setNote(_ item: ShelfItem, _ text: String?, at now: Date = Date()) {
        let note = Self.normalizedNote(text)
        switch item {
        case .film(let id): changeFilm(id, at: now) { $0.note = note }
        case .quote(let id): changeQuote(id, at: now) { $0.note = note }
        }
    }

    /// The note as stored: nil for nil, empty or whitespace-only text.
    static func normalizedNote(_ text: String?) -> String? {
        guard let text, text.contains(where: { !$0.isWhitespace }) else { return nil }
        return text
    }

    // MARK: - Entries

    private mutating func changeFilm(_ id: String, at now: Date, _ change: (inout FilmEntry) -> Void) {
        let old = films[id]
        var entry = old ?? FilmEntry(updated: now)
        change(&entry)
        guard old.map({ !$0.sameContent(as: entry) }) ?? !entry.isEmpty else { return }
        let stamp = nextStamp(now)
        entry.updated = stamp
        films[id] = entry.isEmpty ? nil : entry
        latestKnown = stamp
    }

    mutating func changeScreening(_ id: String, at now: Date, _ change: (inout ScreeningEntry) -> Void) {
        let old = screenings[id]
        var entry = old ?? ScreeningEntry(updated: now)
        change(&entry)
        guard old.map({ $0.picked != entry.picked || $0.ticket != entry.ticket }) ?? !entry.isEmpty else { return }
        let stamp = nextStamp(now)
        entry.updated = stamp
        screenings[id] = entry.isEmpty ? nil : entry
        latestKnown = stamp
    }

    private mutating func changeQuote(_ id: String, at now: Date, _ change: (inout QuoteEntry) -> Void) {
        let old = quotes[id]
        var entry = old ?? QuoteEntry(updated: now)
        change(&entry)
        guard old.map({ !$0.sameContent(as: entry) }) ?? !entry.isEmpty else { return }
        let stamp = nextStamp(now)
        entry.updated = stamp
        quotes[id] = entry.isEmpty ? nil : entry
        latestKnown = stamp
    }

    /// `now` in whole milliseconds, but always later than every stamp on the shelf, so the
    /// entry changed last is listed first even when the clock stands still or steps back.
    private func nextStamp(_ now: Date) -> Date {
        let latest = latestKnown ?? [films.values.lazy.map(\.updated).max(), quotes.values.lazy.map(\.updated).max(),
                                     screenings.values.lazy.map(\.updated).max()].compactMap { $0 }.max()
        var millis = ShelfTime.milliseconds(now)
        if let latest { millis = max(millis, ShelfTime.milliseconds(latest) + 1) }
        return ShelfTime.date(milliseconds: millis)
    }
}

extension Shelf.FilmEntry {
    func sameContent(as other: Self) -> Bool {
        favorite == other.favorite && watched == other.watched && rating == other.rating && note == other.note
            && priority == other.priority
    }
}

extension Shelf.QuoteEntry {
    func sameContent(as other: Self) -> Bool {
        favorite == other.favorite && note == other.note
    }
}
