import FestivalCatalog
import FestivalLibrary
import FestivalText
import TextGrid

/// Builds the rows of a detail page for a width: headings, labelled fields, wrapped
/// paragraphs and selectable link lines. Text keeps a readable measure on wide screens.
struct DocumentBuilder {
    /// The widest a page's text runs, in columns, however wide the screen (as glow does).
    static let measure = 100

    /// The text's width: the screen's, up to `measure`.
    let width: Int
    /// The screen's width, for lines that should not break (a URL).
    let screenWidth: Int
    let language: Language
    /// Rows past this many are not built (a preview shows only the top of a page).
    let limit: Int
    /// Only the catalog's start is loaded: quotes and sources are still on their way.
    let pending: Bool
    private(set) var rows: [Row] = []

    init(width: Int, language: Language, limit: Int = .max, pending: Bool = false) {
        self.width = max(1, min(width, Self.measure))
        self.screenWidth = max(1, width)
        self.language = language
        self.limit = limit
        self.pending = pending
    }

    /// The most characters of one text a page shows (a catalog's strings are at most 64 KiB;
    /// a shelf note may be longer): wrapping stays bounded whatever the text.
    static let textLimit = 65_536

    /// `text`, cut to `textLimit` characters with "…" after it when longer.
    static func bounded(_ text: String) -> String {
        guard text.utf8.count > textLimit, let end = text.index(text.startIndex, offsetBy: textLimit, limitedBy: text.endIndex),
              end < text.endIndex else { return text }
        return String(text[..<end]) + "…"
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
        if let count { text += Format.parenthetical(String(count), language) }
        rows.append(Row([Span(text, Self.heading)]))
    }

    /// Wrapped text; every line shares the style (and the target, if any). `measured`: false
    /// for a URL, which may run to the screen's edge rather than break at the measure.
    mutating func paragraph(_ text: String, style: Style = .plain, indent: Int = 0, target: Target? = nil,
                            measured: Bool = true) {
        if isFull { return }
        let pad = String(repeating: " ", count: indent)
        for line in Wrap.lines(Self.bounded(text), width: max(1, (measured ? width : screenWidth) - indent)) {
            rows.append(Row([Span(pad), Span(line, style)], target: target))
        }
    }

    /// `Label     value`, the value wrapped under itself. `continued`: another value of the
    /// field above, under it without the label. A label too wide for its column (on a narrow
    /// screen) gets a line of its own rather than being cut.
    mutating func field(_ label: UIString, _ value: String, style: Style = .plain, target: Target? = nil,
                        continued: Bool = false) {
        if isFull { return }
        let labelWidth = width >= 42 ? 14 : 8   // room for "On your shelf"; narrow: the short labels
        let name = label.text(language)
        var labelText = continued ? "" : name
        if DisplayWidth.of(labelText) > labelWidth {
            rows.append(Row([Span(Wrap.truncate(name, width: width), Self.muted)]))
            labelText = ""
        }
        let lines = Wrap.lines(Self.bounded(value), width: max(1, width - labelWidth - 1))
        for (i, line) in lines.enumerated() {
            let head = Span(Wrap.pad(i == 0 ? labelText : "", width: labelWidth) + " ", Self.muted)
            rows.append(Row([head, Span(line, target == nil ? style : Self.link)], target: target))
        }
    }

    /// A selectable line leading somewhere: `▸ text`, and its detail (a URL) after it when
    /// the screen has room for it.
    mutating func item(_ text: String, detail: String? = nil, target: Target) {
        if isFull { return }
        var spans = [Span("  ▸ "), Span(Wrap.truncate(text, width: max(1, width - 4)), Self.link)]
        if let detail, DisplayWidth.of(text) + DisplayWidth.of(detail) + 7 <= screenWidth {
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
            let by = [source.author, source.publisher].compactMap { $0 }.joined(separator: UIString.comma.text(language))
            if !by.isEmpty { text += " — " + by }
            if let date = source.date { text += Format.parenthetical(date.description, language) }
            paragraph(text, indent: 2)
            if let note = source.note { paragraph(note.text(language), style: Self.muted, indent: 4) }
            if let url = source.url { paragraph(url, style: Self.link, indent: 4, target: .link(url), measured: false) }
        }
    }

    var page: Page { Page(rows: builtRows) }
    /// The rows built, at most `limit`.
    var builtRows: [Row] { Array(rows.prefix(limit)) }
}
