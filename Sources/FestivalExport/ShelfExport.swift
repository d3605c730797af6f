import FestivalCatalog
import FestivalLibrary
import FestivalText

/// What the user set on the exported items, in each format: in Markdown a "Shelf:" line
/// (favorite, watched, rated n/5) and the note under each film or quote; in CSV the
/// columns `favorite, watched, rating, my_note` (films) and `favorite, my_note` (quotes);
/// in JSON a second file in the shelf format (docs/SHELF-FORMAT.md) holding the entries of
/// the exported items, since a catalog has no place for them.
enum ShelfExport {
    static let filmColumns = ["favorite", "watched", "rating", "my_note"]
    static let quoteColumns = ["favorite", "my_note"]

    /// The Markdown lines for an item's marks and note; none when it has neither.
    static func markdown(_ item: ShelfItem, _ shelf: Shelf?, _ labels: ExportLabels) -> [String] {
        guard let shelf else { return [] }
        var marks: [String] = []
        if shelf.isFavorite(item) { marks.append(UIString.favorite.text(labels.language)) }
        if case .film(let id) = item {
            if shelf.isWatched(film: id) { marks.append(UIString.watched.text(labels.language)) }
            if let rating = shelf.rating(film: id) {
                marks.append(UIString.rating.text(labels.language) + " \(rating)/\(Shelf.ratings.upperBound)")
            }
        }
        var out: [String] = []
        if !marks.isEmpty {
            out += ["", labels.lead(UIString.onYourShelf.text(labels.language), "**")
                        + MarkdownText.inline(marks.joined(separator: labels.listSeparator))]
        }
        if let note = shelf.note(item) {
            var lines = MarkdownText.lines(note)
            let lead = labels.lead(UIString.yourNote.text(labels.language), "*")
            if lines.isEmpty { lines = [lead] } else { lines[0] = lead + lines[0] }
            out += [""] + lines
        }
        return out
    }

    /// The CSV cells for an item, in the order of `filmColumns` or `quoteColumns`.
    static func csv(_ item: ShelfItem, _ shelf: Shelf) -> [String] {
        let favorite = shelf.isFavorite(item) ? "true" : "false", note = shelf.note(item) ?? ""
        switch item {
        case .film(let id):
            return [favorite, shelf.isWatched(film: id) ? "true" : "false", shelf.rating(film: id).map(String.init) ?? "", note]
        case .quote:
            return [favorite, note]
        }
    }

    /// The shelf file of the exported items' entries, or nil when none has one.
    static func json(films: [Film], quotes: [Quote], _ shelf: Shelf?, catalogID: String) -> String? {
        guard let shelf else { return nil }
        let part = shelf.keeping(films: Set(films.map(\.id)), quotes: Set(quotes.map(\.id)))
        guard !part.isEmpty else { return nil }
        return String(decoding: ShelfCoding.encode(part, catalogID: catalogID), as: UTF8.self)
    }
}
