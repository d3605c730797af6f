import FestivalCatalog
import FestivalLibrary
import FestivalText

/// A list that holds quotes, films, people and perhaps the festival itself (the browser's
/// search results, a person's page, the shelf), as files: Markdown in one document (each
/// kind under its own heading, the festival first),
/// JSON as one catalog of all, CSV as one file per kind (their columns differ). With a
/// `shelf`, the user's marks and notes go with the films and quotes (`ShelfExport`); in
/// JSON as a part "shelf" when any exported item has an entry. `part` is nil for the main
/// file, else "festival", "quotes", "films", "people" or "shelf".
/// iCalendar is one file: the `screenings` given, else those of every film the list holds
/// or refers to (all of them with the festival).
public func exportList(quotes: [Quote], films: [Film], people: [Person] = [], festival: Bool = false,
                       screenings: [String] = [], from catalog: Catalog,
                       language: Language, format: ExportFormat, title: String,
                       shelf: Shelf? = nil) -> [(part: String?, text: String)] {
    if format == .ics {
        if !screenings.isEmpty { return [(nil, ICalendar.screenings(screenings, catalog, shelf ?? Shelf(), language))] }
        let ids = festival ? catalog.films.map(\.id)
            : films.map(\.id) + quotes.compactMap(\.film) + people.flatMap { catalog.films(directedBy: $0.id).map(\.id) }
        return [(nil, ICalendar.screenings(ofFilms: ids, catalog, shelf ?? Shelf(), language))]
    }
    var parts: [(part: String, text: (ExportFormat, String) -> String)] = []
    if festival {
        parts.append(("festival", { exportFestival(from: catalog, language: language, format: $0, title: $1) }))
    }
    if !films.isEmpty {
        parts.append(("films", { exportFilms(films, from: catalog, language: language, format: $0, title: $1, shelf: shelf) }))
    }
    if !people.isEmpty {
        parts.append(("people", { exportPeople(people, from: catalog, language: language, format: $0, title: $1) }))
    }
    if !quotes.isEmpty {
        parts.append(("quotes", { exportQuotes(quotes, from: catalog, language: language, format: $0, title: $1, shelf: shelf) }))
    }
    let shelfPart = format == .json ? ShelfExport.json(films: films, quotes: quotes, shelf, catalogID: catalog.id) : nil
    if parts.count <= 1 {
        let main = parts.first?.text(format, title) ?? exportQuotes([], from: catalog, language: language, format: format, title: title)
        return [(nil, main)] + (shelfPart.map { [("shelf", $0)] } ?? [])
    }
    func heading(_ part: String) -> String {
        let name: UIString = switch part {
        case "festival": .festival
        case "films": .films
        case "people": .people
        default: .quotes
        }
        return title + " · " + name.text(language)
    }
    switch format {
    case .md:
        return [(nil, parts.map { $0.text(.md, heading($0.part)) }.joined(separator: "\n"))]
    case .json:
        return [(nil, CatalogEncoder.json(catalog.subset(films: films.map(\.id), people: people.map(\.id), quotes: quotes.map(\.id))))]
            + (shelfPart.map { [("shelf", $0)] } ?? [])
    case .csv, .ics:
        return parts.map { ($0.part, $0.text(format, heading($0.part))) }
    }
}
