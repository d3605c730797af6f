import FestivalCatalog
import FestivalLibrary
import FestivalText
/// Writes people as Markdown, CSV or a catalog JSON, like `exportQuotes`.
///
/// Markdown: `# title`, then per person a heading with the name (and the other language's
/// name), roles, position and affiliation, a note when there is one, and sources. CSV: one
/// row per person under the header `id, name_zh_hant, name_en, roles, position,
/// affiliation, note, sources` (texts in `language`, roles separated by "; ", source URLs
/// by spaces). JSON: `catalog.subset(people:)`.
public func exportPeople(_ people: [Person], from catalog: Catalog, language: Language, format: ExportFormat,
                         title: String) -> String {
    switch format {
    case .md: return PersonExport.markdown(people, catalog, language, title)
    case .csv: return PersonExport.csv(people, catalog, language)
    case .json: return CatalogEncoder.json(catalog.subset(people: people.map(\.id)))
    case .ics: return ICalendar.screenings(ofFilms: people.flatMap { catalog.films(directedBy: $0.id).map(\.id) }, catalog, Shelf(), language)
    }
}

enum PersonExport {
    static let csvHeader = ["id", "name_zh_hant", "name_en", "roles", "position", "affiliation", "note", "sources"]

    static func markdown(_ people: [Person], _ catalog: Catalog, _ language: Language, _ title: String) -> String {
        let labels = ExportLabels(language: language)
        var out: [String] = ["# " + MarkdownText.inline(title), ""]
        out.append(MarkdownText.inline(labels.intro(catalog.festival.name.text(language), count: people.count, kind: .people)))
        for person in people {
            out += [""]
            out += markdown(person, catalog, labels)
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func markdown(_ person: Person, _ catalog: Catalog, _ labels: ExportLabels) -> [String] {
        let language = labels.language
        var out = ["## " + MarkdownText.inline(person.name.text(language))]
        if let other = person.name.subtitle(language) { out += ["", "*" + MarkdownText.inline(other) + "*"] }
        out += ["", "- " + labels.lead(labels.roles) + MarkdownText.inline(Format.list(person.roles.map { Format.role($0, language) }, language))]
        if let position = person.title?.text(language), !position.isEmpty {
            out.append("- " + labels.lead(labels.position) + MarkdownText.inline(position))
        }
        if let affiliation = person.affiliation?.text(language), !affiliation.isEmpty {
            out.append("- " + labels.lead(labels.affiliation) + MarkdownText.inline(affiliation))
        }
        if let note = person.note?.text(language) {
            out += ["", labels.lead(labels.note, "*") + MarkdownText.inline(note)]
        }
        out += QuoteExport.sources(person.sources, catalog, labels)
        return out
    }

    static func csv(_ people: [Person], _ catalog: Catalog, _ language: Language) -> String {
        var out = CSVText.record(csvHeader)
        for p in people {
            out += CSVText.record([
                p.id,
                p.name.zhHant ?? "",
                p.name.en ?? "",
                p.roles.map { Format.role($0, language) }.joined(separator: "; "),
                p.title?.text(language) ?? "",
                p.affiliation?.text(language) ?? "",
                p.note?.text(language) ?? "",
                QuoteExport.sourceURLs(p.sources, catalog),
            ])
        }
        return out
    }
}
