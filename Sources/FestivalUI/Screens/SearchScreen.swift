import FestivalLibrary
import FestivalCatalog
import FestivalSearch
import FestivalText
import TextGrid

/// The search screen: the query as its header, one line per result with the matched
/// characters highlighted, best first. Rows are built only when shown.
enum SearchScreen {
    static func page(_ state: AppState) -> Page {
        let l = state.language, width = state.size.width
        let search = state.search
        let header = Row(prompt(state, width: width).spans)
        if let completion = SearchCompletion(search.input, catalog: state.catalog) {
            return completions(completion, l, width: width, header: header)
        }
        guard let library = state.library else { return Page(count: 0, isList: true, header: header) { _ in .blank } }
        let presenter = SearchPresenter(library: library)
        let hits = search.hits, query = search.query
        let labelWidth = SearchIndex.Kind.allCases.map { DisplayWidth.of($0.label(l)) }.max() ?? 0
        let headingWidth = min(22, max(8, width / 4))
        return Page(count: hits.count, isList: true, header: header) { i in
            let result = presenter.result(hits[i], query: query, language: l)
            var spans: [Span] = []
            if search.scope == .everything {
                spans.append(Span(Wrap.pad(result.kind.label(l), width: labelWidth) + " ", Style(.muted, dim: true)))
            }
            let heading = Wrap.truncate(Format.singleLine(result.heading), width: headingWidth)
            spans += highlighted(heading, result.headingHighlights, base: Style(.accent))
            spans.append(Span(String(repeating: " ", count: headingWidth - DisplayWidth.of(heading) + 2)))
            let room = width - spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let (text, ranges) = snippet(result.text, result.textHighlights, width: room)
            spans += highlighted(Format.singleLine(text), ranges, base: .plain)
            return Row(spans, target: target(result))
        }
    }

    /// The values a bare `topic:` (`speaker:`, `film:`) takes: id, then name (and the other
    /// script's); Enter types the id.
    static func completions(_ completion: SearchCompletion, _ l: Language, width: Int, header: Row) -> Page {
        let idWidth = min(max(8, width / 3), completion.values.map { DisplayWidth.of($0.id) }.max() ?? 0)
        return Page(count: completion.values.count, isList: true, header: header) { i in
            let value = completion.values[i]
            let id = Wrap.pad(Wrap.truncate(value.id, width: idWidth), width: idWidth)
            let name = ListScreens.withSecondary(value.name.text(l), value.name.subtitle(l), width: width - idWidth - 2)
            return Row([Span(id + "  ", Style(.accent)), Span(name, Style(.title, bold: true))],
                       target: .query(completion.completed(value.id)))
        }
    }

    /// "Search: query  12 results", the hint while nothing is typed, or what the search
    /// waits for ("Indexing…"), in `width` cells: a long query scrolls so that the cursor
    /// and the count stay in view. `cursorX` is the column of the insertion point.
    static func prompt(_ state: AppState, width: Int) -> (spans: [Span], cursorX: Int) {
        let search = state.search, l = state.language
        let waiting = state.library != nil ? nil : state.loading?.text(l) ?? UIString.indexing.text(l) + "…"
        let scope = search.scope == .quotes ? Format.parenthetical(UIString.searchQuotes.text(l), l) : ""
        let label = UIString.searchPrompt.text(l) + scope + ": "
        var after: Span?
        if let completion = SearchCompletion(search.input, catalog: state.catalog) {
            after = Span("  \(completion.values.count) " + completion.noun(l) + " · " + UIString.enterCompletes.text(l), Style(.muted))
        } else if let waiting {
            after = Span("  " + waiting, Style(.muted))
        } else if search.input.isEmpty {
            after = Span("  " + UIString.searchHint.text(l), Style(.muted, dim: true))
        } else if !search.query.isEmpty {
            let count = search.hits.isEmpty ? UIString.noMatches.text(l) : "\(search.hits.count) " + (search.hits.count == 1 ? UIString.result : UIString.results).text(l)
            after = Span("  " + count, Style(.muted))
        }
        let labelWidth = DisplayWidth.of(label)
        // The count keeps its room unless that would leave the query almost none.
        let afterWidth = search.input.isEmpty ? 0 : DisplayWidth.of(after?.text ?? "")
        let room = max(width - labelWidth - afterWidth, min(12, width - labelWidth))
        let (shown, cursorX) = search.field.window(width: max(2, room))
        var spans = [Span(label, Style(.heading, bold: true)), Span(shown, Style(.title, bold: true))]
        if let after { spans.append(after) }
        return (spans, labelWidth + cursorX)
    }

    /// The part of `text` shown in `width` cells, with the ranges moved to match: it shows
    /// the first match; when that would fall off the right edge, the text starts a little
    /// before it, after "…". Only about `width` characters are kept (the rest is clipped).
    static func snippet(_ text: String, _ ranges: [Range<Int>], width: Int) -> (String, [Range<Int>]) {
        let characters = Array(text.prefix((ranges.first?.upperBound ?? 0) + max(0, width) + 1))
        var start = 0
        if let first = ranges.first,
           DisplayWidth.of(String(characters[..<min(first.upperBound, characters.count)])) > width - 1 {
            start = max(0, first.lowerBound - max(4, width / 4))
        }
        let end = min(characters.count, start + max(0, width) + 1)
        let shift = start > 0 ? 1 : 0
        let shown = ranges.compactMap { r -> Range<Int>? in
            let lo = max(r.lowerBound, start), hi = min(r.upperBound, end)
            return lo < hi ? (lo - start + shift)..<(hi - start + shift) : nil
        }
        return ((start > 0 ? "…" : "") + String(characters[start..<end]), shown)
    }

    /// `text` cut into spans, the highlighted Character ranges in the highlight style.
    static func highlighted(_ text: String, _ ranges: [Range<Int>], base: Style) -> [Span] {
        guard !ranges.isEmpty else { return [Span(text, base)] }
        let characters = Array(text)
        var spans: [Span] = []
        var at = 0
        var mark = base
        mark.role = .highlight
        mark.bold = true
        mark.underline = true
        for range in ranges where range.lowerBound < characters.count {
            if range.lowerBound > at { spans.append(Span(String(characters[at..<range.lowerBound]), base)) }
            let end = min(range.upperBound, characters.count)
            spans.append(Span(String(characters[max(at, range.lowerBound)..<end]), mark))
            at = end
        }
        if at < characters.count { spans.append(Span(String(characters[at...]), base)) }
        return spans
    }

    static func target(_ result: SearchResult) -> Target {
        switch result.kind {
        case .festival: .festival
        case .quote: .quote(result.id)
        case .film: .film(result.id)
        case .person: .person(result.id)
        }
    }

    static func title(_ state: AppState) -> String {
        let l = state.language
        let q = state.search.input.isEmpty ? "" : " · " + state.search.input
        return UIString.search.text(l) + q
    }
}
