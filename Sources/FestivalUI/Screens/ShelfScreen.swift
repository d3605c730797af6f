import FestivalCatalog
import FestivalLibrary
import FestivalText
import TextGrid

/// The Shelf section: favorite films and quotes, watched and rated films, notes.
enum ShelfScreen {
    static func page(_ state: AppState, width: Int) -> Page {
        let c = state.catalog, l = state.language, shelf = state.shelf
        var d = DocumentBuilder(width: width, language: l, pending: state.loading != nil)
        d.title(UIString.shelf.text(l), subtitle: nil)
        if shelf.isEmpty {
            d.blank()
            d.paragraph(UIString.emptyShelf.text(l), style: DocumentBuilder.muted)
            return d.page
        }
        func films(_ label: UIString, _ ids: [String]) {
            let found = ids.compactMap { c.film($0) }
            guard !found.isEmpty else { return }
            d.heading(label, count: found.count)
            for film in found { d.item(marks(film.id, shelf) + film.title.text(l), detail: Format.award(film, in: c, l), target: .film(film.id)) }
        }
        films(.favoriteFilms, shelf.favoriteFilms)
        films(.watchedFilms, shelf.watchedFilms)
        films(.ratedFilms, shelf.rated)
        let quotes = shelf.favoriteQuotes.compactMap { c.quote($0) }
        if d.pending, !shelf.favoriteQuotes.isEmpty {
            d.stillLoading(.favoriteQuotes)
        } else if !quotes.isEmpty {
            d.heading(.favoriteQuotes, count: quotes.count)
            for q in quotes { d.item(c.personName(q.speaker, l) + ": " + Format.quoteText(q, l), target: .quote(q.id)) }
        }
        let noted = shelf.noted
        if !noted.isEmpty {
            d.heading(.notes, count: noted.count)
            for item in noted {
                let (name, target): (String, Target) = switch item {
                case .film(let id): (c.film(id)?.title.text(l) ?? id, .film(id))
                case .quote(let id): (c.quote(id).map { c.personName($0.speaker, l) + ": " + Format.quoteText($0, l) } ?? id, .quote(id))
                }
                d.item(name, target: target)
                d.paragraph(shelf.note(item) ?? "", style: DocumentBuilder.muted, indent: 4)
            }
        }
        return d.page
    }

    /// "★ ✓ ★★★★ " before a film's title in lists: what the shelf says about it.
    static func marks(_ id: String, _ shelf: Shelf) -> String {
        var parts: [String] = []
        if shelf.isFavorite(.film(id)) { parts.append("★") }
        if shelf.isWatched(film: id) { parts.append("✓") }
        if let r = shelf.rating(film: id) { parts.append(String(repeating: "●", count: r)) }
        return parts.isEmpty ? "" : parts.joined(separator: " ") + " "
    }

    /// The "Shelf" line of a detail page, or nil when the item is not on the shelf.
    static func summary(_ item: ShelfItem, _ shelf: Shelf, _ l: Language) -> String? {
        var parts: [String] = []
        if shelf.isFavorite(item) { parts.append("★ " + UIString.favorite.text(l)) }
        if case .film(let id) = item {
            if shelf.isWatched(film: id) { parts.append("✓ " + UIString.watched.text(l)) }
            if let r = shelf.rating(film: id) { parts.append(UIString.rating.text(l) + " " + String(repeating: "●", count: r) + String(repeating: "○", count: 5 - r)) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
