import FestivalCatalog
import FestivalText

/// A list that holds quotes and films (the browser's search results, a person's page), as
/// files: Markdown in one document (the quotes, then the films under their own heading),
/// JSON as one catalog of both, CSV as one file per kind (their columns differ). `part` is
/// nil for the one file, else "quotes" or "films".
public func exportList(quotes: [Quote], films: [Film], from catalog: Catalog, language: Language,
                       format: ExportFormat, title: String) -> [(part: String?, text: String)] {
    if films.isEmpty { return [(nil, exportQuotes(quotes, from: catalog, language: language, format: format, title: title))] }
    if quotes.isEmpty { return [(nil, exportFilms(films, from: catalog, language: language, format: format, title: title))] }
    let filmTitle = title + " · " + UIString.films.text(language)
    switch format {
    case .md:
        return [(nil, exportQuotes(quotes, from: catalog, language: language, format: .md, title: title) + "\n"
                 + exportFilms(films, from: catalog, language: language, format: .md, title: filmTitle))]
    case .json:
        return [(nil, CatalogEncoder.json(catalog.subset(films: films.map(\.id), quotes: quotes.map(\.id))))]
    case .csv:
        return [("quotes", exportQuotes(quotes, from: catalog, language: language, format: .csv, title: title)),
                ("films", exportFilms(films, from: catalog, language: language, format: .csv, title: filmTitle))]
    }
}
