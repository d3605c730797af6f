import FestivalCatalog
import FestivalLibrary
import FestivalText
/// Writes quotes as Markdown (with attribution and source links), CSV or a catalog JSON.
///
/// Markdown: `# title`, then per quote a blockquote with the exact words in `language`
/// (and the other language's words, labelled, when they exist), the attribution
/// "— Speaker, context (date)", the film it is from or about, and its sources as links
/// with author and publisher. Catalog text is escaped so it cannot break the document.
///
/// CSV: one row per quote under the header `id, speaker_id, speaker, text_zh_hant,
/// text_en, text_note, context, date, topics, film, sources` (names in `language`, source
/// URLs separated by spaces), and with a `shelf` its columns (`ShelfExport`). JSON:
/// `catalog.subset(quotes:)`, which loads on its own; `title` and the order of `quotes` do
/// not apply there (a catalog keeps catalog order), nor the shelf (see `exportList`).
/// With a `shelf`, Markdown shows each quote's marks and note.
public func exportQuotes(_ quotes: [Quote], from catalog: Catalog, language: Language, format: ExportFormat,
                         title: String, shelf: Shelf? = nil) -> String {
    switch format {
    case .md: return QuoteExport.markdown(quotes, catalog, language, title, shelf)
    case .csv: return QuoteExport.csv(quotes, catalog, language, shelf)
    case .json: return CatalogEncoder.json(catalog.subset(quotes: quotes.map(\.id)))
    case .ics: return ICalendar.screenings(ofFilms: quotes.compactMap(\.film), catalog, shelf ?? Shelf(), language)
    }
}

enum QuoteExport {
    static let csvHeader = ["id", "speaker_id", "speaker", "text_zh_hant", "text_en", "text_note", "context", "date", "topics",
                            "film", "sources"]

    static func markdown(_ quotes: [Quote], _ catalog: Catalog, _ language: Language, _ title: String, _ shelf: Shelf?) -> String {
        let labels = ExportLabels(language: language)
        var out: [String] = ["# " + MarkdownText.inline(title), ""]
        out.append(MarkdownText.inline(labels.intro(catalog.festival.name.text(language), count: quotes.count, quotes: true)))
        for quote in quotes {
            out += ["", "---", ""]
            out += markdown(quote, catalog, labels)
            out += ShelfExport.markdown(.quote(quote.id), shelf, labels)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One quote: its words, attribution, note, film and sources.
    static func markdown(_ quote: Quote, _ catalog: Catalog, _ labels: ExportLabels) -> [String] {
        let language = labels.language
        var out: [String] = []
        // The words in the export's language unlabelled; words in the other language
        // labelled with it (also when they are the only words there are).
        var blocks: [[String]] = []
        if let text = quote.text[language] {
            blocks.append(MarkdownText.lines(text))
        }
        if let other = quote.text[language.other] {
            var lines = MarkdownText.lines(other)
            let label = labels.lead(labels.name(of: language.other), "**")
            if lines.isEmpty { lines = [label] } else { lines[0] = label + lines[0] }
            blocks.append(lines)
        }
        out += MarkdownText.blockquote(Array(blocks.joined(separator: [""])))
        out += ["", "— " + attribution(quote, catalog, labels)]
        if let note = quote.textNote?.text(language) {
            out += ["", labels.lead(labels.note, "*") + MarkdownText.inline(note)]
        }
        if let filmID = quote.film {
            let film = catalog.film(filmID)
            let name = film?.title.text(language) ?? filmID
            out += ["", labels.lead(labels.film) + MarkdownText.link(name, film?.watchURL)]
        }
        out += sources(quote.sources, catalog, labels)
        return out
    }

    /// "Speaker Name, context (date)" (in Chinese "名字，情境（日期）"), escaped.
    static func attribution(_ quote: Quote, _ catalog: Catalog, _ labels: ExportLabels) -> String {
        let language = labels.language
        var text = MarkdownText.inline(catalog.personName(quote.speaker, language))
        let place = MarkdownText.inline(quote.context.place.text(language))
        if !place.isEmpty { text += labels.comma + place }
        if let date = quote.context.date { text += language == .en ? " (\(date))" : "（\(date)）" }
        return text
    }

    /// "Source:" or "Sources:" and a list of `[title](url) — author, publisher, date`.
    static func sources(_ ids: [String], _ catalog: Catalog, _ labels: ExportLabels) -> [String] {
        guard !ids.isEmpty else { return [] }
        var out = ["", MarkdownText.inline((ids.count == 1 ? labels.source : labels.sources) + labels.colon), ""]
        for id in ids {
            guard let source = catalog.source(id) else {
                out.append("- " + MarkdownText.inline(id))
                continue
            }
            out.append("- " + sourceLine(source))
        }
        return out
    }

    static func sourceLine(_ source: Source) -> String {
        var line = MarkdownText.link(source.title, source.url)
        let details = [source.author, source.publisher, source.date?.description].compactMap { $0 }.map(MarkdownText.inline)
            .filter { !$0.isEmpty }
        if !details.isEmpty { line += " — " + details.joined(separator: ", ") }
        return line
    }

    static func csv(_ quotes: [Quote], _ catalog: Catalog, _ language: Language, _ shelf: Shelf?) -> String {
        var out = CSVText.record(csvHeader + (shelf == nil ? [] : ShelfExport.quoteColumns))
        for q in quotes {
            out += CSVText.record([
                q.id,
                q.speaker,
                catalog.personName(q.speaker, language),
                q.text.zhHant ?? "",
                q.text.en ?? "",
                q.textNote?.text(language) ?? "",
                q.context.place.text(language),
                q.context.date?.description ?? "",
                q.topics.map { catalog.topic($0)?.name.text(language) ?? $0 }.joined(separator: "; "),
                q.film.map { catalog.film($0)?.title.text(language) ?? $0 } ?? "",
                sourceURLs(q.sources, catalog),
            ] + (shelf.map { ShelfExport.csv(.quote(q.id), $0) } ?? []))
        }
        return out
    }

    /// The URLs of the sources that have one, separated by spaces.
    static func sourceURLs(_ ids: [String], _ catalog: Catalog) -> String {
        ids.compactMap { catalog.source($0)?.url }.joined(separator: " ")
    }
}
