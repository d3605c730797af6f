import FestivalCatalog
import FestivalLibrary
import FestivalText
import TextGrid

/// The Shelf section: favorite films and quotes, watched and rated films, notes.
enum ShelfScreen {
    /// The page, built once for each shelf, catalog, language and width (a key on a shelf
    /// of 300,000 entries would otherwise build it again, twice).
    static func page(_ state: AppState, width: Int) -> Page {
        Page(rows: memo.value(for: PageKey(state, width: width)) { build(state, width: width) })
    }

    private static let memo = ListMemo<PageKey, [Row]>()

    /// What the page depends on: the shelf by its revision, the catalog by its arrays' storage.
    struct PageKey: Equatable, Sendable {
        let shelf: UInt64
        let films: StorageIdentity<Film>, quotes: StorageIdentity<Quote>, people: StorageIdentity<Person>
        let language: Language
        let width: Int
        let pending: Bool

        init(_ state: AppState, width: Int) {
            shelf = state.shelf.revision
            films = StorageIdentity(state.catalog.films)
            quotes = StorageIdentity(state.catalog.quotes)
            people = StorageIdentity(state.catalog.people)
            language = state.language
            self.width = width
            pending = state.loading != nil
        }
    }

    private static func build(_ state: AppState, width: Int) -> [Row] {
        let c = state.catalog, l = state.language, shelf = state.shelf
        var d = DocumentBuilder(width: width, language: l, pending: state.loading != nil)
        d.title(UIString.shelf.text(l), subtitle: nil)
        if shelf.isEmpty {
            d.blank()
            d.paragraph(UIString.emptyShelf.text(l), style: DocumentBuilder.muted)
            return d.builtRows
        }
        func films(_ label: UIString, _ ids: [String]) {
            let found = ids.compactMap { c.film($0) }
            guard !found.isEmpty else { return }
            d.heading(label, count: found.count)
            for film in found { d.item(marks(.film(film.id), shelf) + film.title.text(l), detail: Format.award(film, in: c, l), target: .film(film.id)) }
        }
        films(.favoriteFilms, shelf.favoriteFilms)
        films(.watchedFilms, shelf.watchedFilms)
        films(.ratedFilms, shelf.rated)
        let quotes = shelf.favoriteQuotes.compactMap { c.quote($0) }
        if d.pending, !shelf.favoriteQuotes.isEmpty {
            d.stillLoading(.favoriteQuotes)
        } else if !quotes.isEmpty {
            d.heading(.favoriteQuotes, count: quotes.count)
            for q in quotes { d.item(marks(.quote(q.id), shelf) + c.personName(q.speaker, l) + ": " + Format.quoteLine(q, l), target: .quote(q.id)) }
        }
        let noted = shelf.noted
        if !noted.isEmpty {
            d.heading(.notes, count: noted.count)
            for item in noted {
                let (name, target): (String, Target) = switch item {
                case .film(let id): (c.film(id)?.title.text(l) ?? id, .film(id))
                case .quote(let id): (c.quote(id).map { c.personName($0.speaker, l) + ": " + Format.quoteLine($0, l) } ?? id, .quote(id))
                }
                d.item(name, target: target)
                d.paragraph(shelf.note(item) ?? "", style: DocumentBuilder.muted, indent: 4)
            }
        }
        return d.builtRows
    }

    /// The one notation of the shelf, used in every list, page and message: ★ favorite,
    /// ✓ watched, ●●●○○ a rating out of five, ✎ a note of yours.
    static func marks(_ item: ShelfItem, _ shelf: Shelf) -> String {
        var parts: [String] = []
        if shelf.isFavorite(item) { parts.append("★") }
        if case .film(let id) = item {
            if shelf.isWatched(film: id) { parts.append("✓") }
            if let r = shelf.rating(film: id) { parts.append(stars(r)) }
        }
        if shelf.note(item) != nil { parts.append("✎") }
        return parts.isEmpty ? "" : parts.joined(separator: " ") + " "
    }

    /// A rating out of five: "●●●●○".
    static func stars(_ rating: Int) -> String {
        let r = min(5, max(0, rating))
        return String(repeating: "●", count: r) + String(repeating: "○", count: 5 - r)
    }

    /// The "Shelf" line of a detail page, or nil when the item is not on the shelf.
    static func summary(_ item: ShelfItem, _ shelf: Shelf, _ l: Language) -> String? {
        var parts: [String] = []
        if shelf.isFavorite(item) { parts.append("★ " + UIString.favorite.text(l)) }
        if case .film(let id) = item {
            if shelf.isWatched(film: id) { parts.append("✓ " + UIString.watched.text(l)) }
            if let r = shelf.rating(film: id) { parts.append(UIString.rating.text(l) + " " + stars(r)) }
        }
        if shelf.note(item) != nil { parts.append("✎ " + UIString.yourNote.text(l)) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
