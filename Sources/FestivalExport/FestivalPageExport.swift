import FestivalCatalog
import FestivalLibrary
import FestivalText
/// Writes the festival itself (what its page shows) as Markdown, CSV or a catalog JSON.
///
/// Markdown: `# title`, then a heading with the festival's name (and the other language's
/// name), organizer, edition, submissions, finalists and website (unknown ones said so),
/// the description, then the events (name, date, place, note), prizes and jury, and
/// sources. CSV: one row under the header `name_zh_hant, name_en, short_name, organizer,
/// edition, website, description, events, prizes, jury, sources` (texts in `language`,
/// events and prizes separated by "; ", source URLs by spaces). JSON: `catalog.subset()`,
/// which always holds the festival.
public func exportFestival(from catalog: Catalog, language: Language, format: ExportFormat, title: String) -> String {
    switch format {
    case .md: return FestivalPageExport.markdown(catalog, language, title)
    case .csv: return FestivalPageExport.csv(catalog, language)
    case .json: return CatalogEncoder.json(catalog.subset())
    case .ics: return ICalendar.screenings(ofFilms: catalog.films.map(\.id), catalog, Shelf(), language)
    }
}

enum FestivalPageExport {
    static let csvHeader = ["name_zh_hant", "name_en", "short_name", "organizer", "edition", "website", "description",
                            "events", "prizes", "jury", "sources"]

    static func markdown(_ catalog: Catalog, _ language: Language, _ title: String) -> String {
        let labels = ExportLabels(language: language)
        let f = catalog.festival
        func text(_ s: UIString) -> String { s.text(language) }
        func field(_ label: UIString, _ value: String) -> String {
            "- " + labels.lead(text(label)) + MarkdownText.inline(value)
        }
        var out: [String] = ["# " + MarkdownText.inline(title), "", "## " + MarkdownText.inline(f.name.text(language))]
        if let other = f.name.subtitle(language) { out += ["", "*" + MarkdownText.inline(other) + "*"] }
        out += ["", field(.organizer, f.organizer?.text(language) ?? Format.unknown(language)),
                field(.edition, f.edition?.text(language) ?? labels.unknown)]
        if let s = f.submissions {
            out.append(field(.submissions, (s.approximate ? text(.approximately) : "") + s.count.groupedDigits))
            out += subItem(s.note?.text(language))
        } else {
            out.append(field(.submissions, labels.unknown))
        }
        out.append(field(.finalists, f.finalistCount.map(String.init) ?? labels.unknown))
        if let site = f.website {
            let link = MarkdownText.destination(site) != nil
            out.append(link ? "- " + labels.lead(text(.website)) + MarkdownText.link(site, site) : field(.website, site))
        }
        let description = MarkdownText.lines(f.description.text(language))
        if !description.isEmpty { out += ["", "### " + MarkdownText.inline(text(.about)), ""] + description }
        if !f.events.isEmpty {
            out += ["", "### " + MarkdownText.inline(text(.events)), ""]
            for e in f.events {
                out.append("- " + MarkdownText.inline(event(e, language, note: false)))
                out += subItem(e.dateNote?.text(language))
            }
        }
        if !f.prizeTiers.isEmpty {
            out += ["", "### " + MarkdownText.inline(text(.prizeTiers)), ""]
            for t in f.prizeTiers {
                out.append("- " + MarkdownText.inline(prize(t, language, note: false)))
                out += subItem(t.note?.text(language))
            }
        }
        if !f.jury.isEmpty {
            out += ["", "### " + MarkdownText.inline(text(.jury)), ""]
            for id in f.jury {
                var line = catalog.personName(id, language)
                if let position = catalog.person(id)?.title?.text(language), !position.isEmpty { line += " — " + position }
                out.append("- " + MarkdownText.inline(line))
            }
            if let note = f.juryNote?.text(language) { out += ["", "*" + MarkdownText.inline(note) + "*"] }
        }
        out += QuoteExport.sources(f.sources, catalog, labels)
        return out.joined(separator: "\n") + "\n"
    }

    /// A note under a list item, as an item of its own one level in.
    static func subItem(_ note: String?) -> [String] {
        note.map { ["  - " + MarkdownText.inline($0)] } ?? []
    }

    static func csv(_ catalog: Catalog, _ language: Language) -> String {
        let f = catalog.festival
        return CSVText.record(csvHeader) + CSVText.record([
            f.name.zhHant ?? "",
            f.name.en ?? "",
            f.shortName,
            f.organizer?.text(language) ?? "",
            f.edition?.text(language) ?? "",
            f.website ?? "",
            f.description.text(language),
            f.events.map { event($0, language) }.joined(separator: "; "),
            f.prizeTiers.map { prize($0, language) }.joined(separator: "; "),
            f.jury.map { catalog.personName($0, language) }.joined(separator: "; "),
            QuoteExport.sourceURLs(f.sources, catalog),
        ])
    }

    /// "Premiere — 2025-06-05 — Broad Stage, Santa Monica (note)", as the page lists it.
    static func event(_ e: Event, _ language: Language, note: Bool = true) -> String {
        var line = Format.eventHeading(e, language)
        let place = Format.place(e, language)
        if !place.isEmpty { line += " — " + place }
        if note, let text = e.dateNote?.text(language) { line += Format.parenthetical(text, language) }
        return line
    }

    /// "Grand Prix (1) — US$15,000 (note)", as the page lists it.
    static func prize(_ t: PrizeTier, _ language: Language, note: Bool = true) -> String {
        var line = Format.prizeTier(t, language)
        if note, let text = t.note?.text(language) { line += Format.parenthetical(text, language) }
        return line
    }
}
