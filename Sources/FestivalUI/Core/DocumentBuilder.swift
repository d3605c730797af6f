import FestivalCatalog
import FestivalLibrary
import FestivalText
import TextGrid

/// Builds the rows of a detail page for a width: headings, labelled fields, wrapped
/// paragraphs and selectable link lines.
struct DocumentBuilder {
    let width: Int
    let language: Language
    /// Rows past this many are not built (a preview shows only the top of a page).
    let limit: Int
    /// Only the catalog's start is loaded: quotes and sources are still on their way.
    let pending: Bool
    private(set) var rows: [Row] = []

    init(width: Int, language: Language, limit: Int = .max, pending: Bool = false) {
        self.width = max(1, width)
        self.language = language
        self.limit = limit
        self.pending = pending
    }

    /// True once `limit` rows are built: the rest is skipped.
    var isFull: Bool { rows.count >= limit }

    static let heading = Style(.heading, bold: true)
    static let muted = Style(.muted, dim: true)
    static let title = Style(.title, bold: true)
    static let link = Style(.link, underline: true)

    mutating func blank() {
        if isFull { return }
        if let last = rows.last, last.spans.isEmpty { return }
        if !rows.isEmpty { rows.append(.blank) }
    }

    mutating func title(_ text: String, subtitle: String?) {
        paragraph(text, style: Self.title)
        if let subtitle { paragraph(subtitle, style: Self.muted) }
    }

    mutating func heading(_ label: UIString, count: Int? = nil) {
        if isFull { return }
        blank()
        var text = label.text(language)
        if let count { text += " (\(count))" }
        rows.append(Row([Span(text, Self.heading)]))
    }

    /// Wrapped text; every line shares the style (and the target, if any).
    mutating func paragraph(_ text: String, style: Style = .plain, indent: Int = 0, target: Target? = nil) {
        if isFull { return }
        let pad = String(repeating: " ", count: indent)
        for line in Wrap.lines(text, width: max(1, width - indent)) {
            rows.append(Row([Span(pad), Span(line, style)], target: target))
        }
    }

    /// `Label     value`, the value wrapped under itself.
    mutating func field(_ label: UIString, _ value: String, style: Style = .plain, target: Target? = nil) {
        if isFull { return }
        let labelWidth = min(14, max(8, width / 5))
        let labelText = Wrap.pad(label.text(language), width: labelWidth)
        let lines = Wrap.lines(value, width: max(1, width - labelWidth - 1))
        for (i, line) in lines.enumerated() {
            let head = i == 0 ? Span(labelText + " ", Self.muted) : Span(String(repeating: " ", count: labelWidth + 1))
            rows.append(Row([head, Span(line, target == nil ? style : Self.link)], target: target))
        }
    }

    /// A selectable line leading somewhere: `▸ text`.
    mutating func item(_ text: String, detail: String? = nil, target: Target) {
        if isFull { return }
        var spans = [Span("  ▸ "), Span(Wrap.truncate(text, width: max(1, width - 4)), Self.link)]
        if let detail, DisplayWidth.of(text) + DisplayWidth.of(detail) + 7 <= width {
            spans.append(Span("  " + detail, Self.muted))
        }
        rows.append(Row(spans, target: target))
    }

    /// The catalog's sources for a list of ids, each a link line when it has a URL.
    /// What the shelf says about an item: a "Shelf" line and the note, when there are any.
    mutating func shelf(_ item: ShelfItem, _ shelf: Shelf) {
        if let summary = ShelfScreen.summary(item, shelf, language) {
            field(.onYourShelf, summary, style: Style(.accent, bold: true))
        }
        if let note = shelf.note(item) {
            heading(.notes)
            paragraph(note, style: Style(.accent))
        }
    }

    /// A heading whose items are still loading, and a line saying so.
    mutating func stillLoading(_ label: UIString) {
        heading(label)
        paragraph(UIString.stillLoading.text(language) + "…", style: Self.muted, indent: 2)
    }

    mutating func sources(_ ids: [String], in catalog: Catalog) {
        if pending, !ids.isEmpty { return stillLoading(.sources) }
        let found = ids.compactMap { catalog.source($0) }
        guard !found.isEmpty else { return }
        heading(.sources, count: found.count)
        for source in found {
            var text = source.title
            let by = [source.author, source.publisher].compactMap { $0 }.joined(separator: ", ")
            if !by.isEmpty { text += " — " + by }
            if let date = source.date { text += " (\(date))" }
            paragraph(text, indent: 2)
            if let note = source.note { paragraph(note.text(language), style: Self.muted, indent: 4) }
            if let url = source.url { paragraph(url, style: Self.link, indent: 4, target: .link(url)) }
        }
    }

    var page: Page { Page(rows: Array(rows.prefix(limit))) }
}
