import FestivalCatalog
import FestivalLibrary
import FestivalText
/// Writes films as Markdown, CSV or a catalog JSON, like `exportQuotes`.
///
/// Markdown: `# title`, then per film a heading with its title (and the other language's
/// title), directors, award, running time, country and styles (unknown ones said so),
/// the synopsis, a note when there is one, links and sources.
///
/// CSV: one row per film under the header `id, title_zh_hant, title_en, directors, award,
/// runtime, country, styles, synopsis_zh_hant, synopsis_en, note, links, sources` (names in
/// `language`, lists separated by "; ", URLs by spaces; unknown values empty), and with a
/// `shelf` its columns (`ShelfExport`). JSON: `catalog.subset(films:)`.
public func exportFilms(_ films: [Film], from catalog: Catalog, language: Language, format: ExportFormat,
                        title: String, shelf: Shelf? = nil) -> String {
    switch format {
    case .md: return FilmExport.markdown(films, catalog, language, title, shelf)
    case .csv: return FilmExport.csv(films, catalog, language, shelf)
    case .json: return CatalogEncoder.json(catalog.subset(films: films.map(\.id)))
    case .ics: return ICalendar.screenings(ofFilms: films.map(\.id), catalog, shelf ?? Shelf(), language)
    }
}

enum FilmExport {
    static let csvHeader = ["id", "title_zh_hant", "title_en", "directors", "award", "runtime", "country", "styles",
                            "synopsis_zh_hant", "synopsis_en", "note", "links", "sources"]

    static func markdown(_ films: [Film], _ catalog: Catalog, _ language: Language, _ title: String, _ shelf: Shelf?) -> String {
        let labels = ExportLabels(language: language)
        var out: [String] = ["# " + MarkdownText.inline(title), ""]
        out.append(MarkdownText.inline(labels.intro(catalog.festival.name.text(language), count: films.count, quotes: false)))
        for film in films {
            out += [""]
            out += markdown(film, catalog, labels)
            out += ShelfExport.markdown(.film(film.id), shelf, labels)
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func markdown(_ film: Film, _ catalog: Catalog, _ labels: ExportLabels) -> [String] {
        let language = labels.language
        var out = ["## " + MarkdownText.inline(film.title.text(language))]
        if let subtitle = film.title.subtitle(language) {
            out += ["", "*" + MarkdownText.inline(subtitle) + "*"]
        }
        let directors = film.directors.map { catalog.personName($0, language) }.joined(separator: labels.listSeparator)
        let styles = film.styles.map { $0.text(language) }.joined(separator: labels.listSeparator)
        out += [
            "",
            "- " + labels.lead(labels.directors) + MarkdownText.inline(directors.isEmpty ? labels.unknown : directors),
            "- " + labels.lead(labels.award) + MarkdownText.inline(Format.award(film, in: catalog, labels.language)),
            "- " + labels.lead(labels.runtime) + MarkdownText.inline(film.runtimeText ?? labels.unknown),
            "- " + labels.lead(labels.country) + MarkdownText.inline(film.country?.text(language) ?? labels.unknown),
        ]
        if !styles.isEmpty { out.append("- " + labels.lead(labels.styles) + MarkdownText.inline(styles)) }
        let synopsis = MarkdownText.lines(film.synopsis?.text(language) ?? labels.unknown)
        if !synopsis.isEmpty { out += [""] + synopsis }
        if let note = film.note?.text(language) {
            out += ["", labels.lead(labels.note, "*") + MarkdownText.inline(note)]
        }
        let links = film.links.filter { MarkdownText.destination($0.url) != nil }
        if !links.isEmpty {
            out += ["", MarkdownText.inline(labels.links + labels.colon), ""]
            for link in links {
                out.append("- " + MarkdownText.link(link.label?.text(language) ?? labels.linkKind(link.kind), link.url))
            }
        }
        out += QuoteExport.sources(film.sources, catalog, labels)
        return out
    }

    static func csv(_ films: [Film], _ catalog: Catalog, _ language: Language, _ shelf: Shelf?) -> String {
        let labels = ExportLabels(language: language)
        var out = CSVText.record(csvHeader + (shelf == nil ? [] : ShelfExport.filmColumns))
        for f in films {
            out += CSVText.record([
                f.id,
                f.title.zhHant ?? "",
                f.title.en ?? "",
                f.directors.map { catalog.personName($0, language) }.joined(separator: "; "),
                f.award == nil ? "" : Format.award(f, in: catalog, labels.language),
                f.runtimeText ?? "",
                f.country?.text(language) ?? "",
                f.styles.map { $0.text(language) }.joined(separator: "; "),
                f.synopsis?.zhHant ?? "",
                f.synopsis?.en ?? "",
                f.note?.text(language) ?? "",
                f.links.map(\.url).joined(separator: " "),
                QuoteExport.sourceURLs(f.sources, catalog),
            ] + (shelf.map { ShelfExport.csv(.film(f.id), $0) } ?? []))
        }
        return out
    }
}
