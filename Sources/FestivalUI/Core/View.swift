import FestivalCatalog
import FestivalText
import TextGrid

/// Draws the whole screen for a state at a size. Pure: the same state and size give the
/// same canvas.
public func view(_ state: AppState, size: Size, keymap: Keymap = .standard) -> Canvas {
    var canvas = Canvas(width: size.width, height: size.height)
    var state = state
    state.size = size
    let layout = Layout(state)
    if layout.isTooSmall {
        TooSmall.draw(&canvas, state.language)
        return canvas
    }
    TabBar.draw(&canvas, state)
    var page = Screens.page(state, width: layout.contentWidth)
    if page.count == 0, Filters.narrowing(state) { page.empty = Filters.emptyRow(state, keymap: keymap) }
    Navigator.clamp(&state, page: page, layout: layout)
    if state.screen == .schedule, ScheduleGrid.fits(state, width: layout.contentWidth) {
        ScheduleGrid.draw(&canvas, state, selected: state.viewport.selected, x: 0, top: layout.contentTop,
                          width: layout.contentWidth, height: layout.contentHeight)
    } else {
        PageView.draw(&canvas, page: page, viewport: state.viewport, find: state.find,
                      x: 0, top: layout.contentTop, width: layout.contentWidth, height: layout.contentHeight)
    }
    if layout.hasPreview {
        Preview.draw(&canvas, state, page: page, layout: layout)
    }
    StatusBar.draw(&canvas, state, page: page, layout: layout)
    HintLine.draw(&canvas, state, keymap: keymap)
    if state.mode == .search, state.screen == .search, layout.contentTop > 0 {
        let x = SearchScreen.prompt(state, width: layout.contentWidth).cursorX
        if x < layout.contentWidth { canvas.cursor = Canvas.Cursor(x: x, y: layout.contentTop - 1) }
    }
    if state.mode == .help { HelpOverlay.draw(&canvas, state, keymap: keymap) }
    if case .picker(let picker) = state.mode { PickerOverlay.draw(&canvas, picker, state.language) }
    if case .planPreview(let preview) = state.mode { PlanPreviewOverlay.draw(&canvas, state, preview) }
    return canvas
}

/// "terminal too small", centred, in what room there is.
enum TooSmall {
    static func draw(_ canvas: inout Canvas, _ l: Language) {
        guard canvas.height > 0, canvas.width > 0 else { return }
        let text = Wrap.truncate(UIString.tooSmall.text(l), width: canvas.width)
        let x = max(0, (canvas.width - DisplayWidth.of(text)) / 2)
        canvas.put(text, x: x, y: canvas.height / 2, style: Style(.error, bold: true))
    }
}

/// The section tabs on the top row. When the names do not all fit, the active tab is shown
/// whole and the others by their numbers, with names from the left as room allows.
enum TabBar {
    static func labels(_ state: AppState, width: Int) -> [(Section, String)] {
        let full = Section.allCases.map { ($0, " \($0.rawValue + 1) \($0.title.text(state.language)) ") }
        if fits(full, width) { return full }
        var labels = full.map { section, label in (section, section == state.section ? label : " \(section.rawValue + 1) ") }
        for i in labels.indices where labels[i].0 != state.section {
            let short = labels[i].1
            labels[i].1 = full[i].1
            if !fits(labels, width) { labels[i].1 = short }
        }
        // Narrower still: the other tabs by their bare numbers.
        if !fits(labels, width) {
            for i in labels.indices where labels[i].0 != state.section { labels[i].1 = "\(labels[i].0.rawValue + 1)" }
        }
        return labels
    }

    private static func fits(_ labels: [(Section, String)], _ width: Int) -> Bool {
        labels.reduce(0) { $0 + DisplayWidth.of($1.1) + 1 } - 1 <= width
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        canvas.fill(x: 0, y: 0, width: canvas.width, height: 1, style: Style(.tab))
        var x = 0
        for (section, label) in labels(state, width: canvas.width) {
            let active = section == state.section
            x += canvas.put(label, x: x, y: 0, style: active ? Style(.activeTab, bold: true, reverse: true) : Style(.tab))
            x += canvas.put(" ", x: x, y: 0, style: Style(.tab))
        }
        let name = state.catalog.festival.shortName
        let w = DisplayWidth.of(name)
        if x + w + 2 <= canvas.width { canvas.put(name, x: canvas.width - w - 1, y: 0, style: Style(.muted, dim: true)) }
    }

    /// The section whose tab covers column x.
    static func section(at x: Int, _ state: AppState) -> Section? {
        var start = 0
        for (section, label) in labels(state, width: state.size.width) {
            let w = DisplayWidth.of(label)
            if x >= start && x < start + w { return section }
            start += w + 1
        }
        return nil
    }
}

/// The rows of a page in a rectangle: header, selection bar, find highlights.
enum PageView {
    static func draw(_ canvas: inout Canvas, page: Page, viewport: Viewport, find: FindState?,
                     x: Int, top: Int, width: Int, height: Int) {
        if let header = page.header {
            drawRow(&canvas, header, x: x, y: top - 1, width: width)
        }
        if page.count == 0 {
            drawRow(&canvas, page.empty, x: x + 1, y: top, width: width - 1)
            return
        }
        for offset in 0..<height {
            let i = viewport.scroll + offset
            guard i < page.count else { break }
            let y = top + offset
            drawRow(&canvas, page.row(i), x: x, y: y, width: width)
            if viewport.selected == i {
                canvas.restyle(x: x, y: y, width: width) { $0.reverse = true; $0.role = .selection }
            }
            // After the selection bar, so the current match shows in its color on the bar too.
            if let find, !find.query.isEmpty {
                let current = find.current.map { find.matches[$0] == i } ?? false
                highlight(&canvas, query: find.query, current: current, x: x, y: y, width: width)
            }
        }
    }

    static func drawRow(_ canvas: inout Canvas, _ row: Row, x: Int, y: Int, width: Int) {
        var col = x
        if let trailing = row.trailing {
            let w = DisplayWidth.of(trailing.text)
            if w < width { canvas.put(trailing.text, x: x + width - w, y: y, style: trailing.style) }
        }
        for span in row.spans {
            guard col < x + width else { break }
            col += canvas.put(span.text, x: col, y: y, style: span.style, maxWidth: x + width - col)
        }
        if case .link(let url) = row.target {
            // The link's own text: after the leading marker and indentation.
            let start = (x..<col).first { !canvas[$0, y].text.allSatisfy { $0 == " " || $0 == "▸" } } ?? x
            canvas.addLink(x: start, y: y, width: col - start, url: url)
        }
    }

    /// Marks occurrences of the find query in an already drawn row: underlined, and on the
    /// current match's row (where `n`/`N` stand) also in the highlight color, as vim marks
    /// the match it is on.
    static func highlight(_ canvas: inout Canvas, query: String, current: Bool, x: Int, y: Int, width: Int) {
        var cells: [(col: Int, text: String)] = []
        for col in x..<min(canvas.width, x + width) where !canvas[col, y].isContinuation {
            cells.append((col, canvas[col, y].text))
        }
        let text = cells.map(\.text).joined()
        let chars = Array(text)
        guard chars.count == cells.count else { return }
        var searchStart = text.startIndex
        while let r = text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], range: searchStart..<text.endIndex) {
            let from = text.distance(from: text.startIndex, to: r.lowerBound)
            let to = text.distance(from: text.startIndex, to: r.upperBound)
            for k in from..<min(to, cells.count) {
                let c = cells[k].col
                let w = Int(canvas[c, y].width)
                canvas.restyle(x: c, y: y, width: max(1, w)) { style in
                    style.bold = true
                    style.underline = true
                    if current { style.role = .highlight; style.reverse = false }
                }
            }
            searchStart = r.upperBound
            if r.isEmpty { break }
        }
    }
}

/// Beside a list on wide screens: the selected item's page.
enum Preview {
    static func draw(_ canvas: inout Canvas, _ state: AppState, page: Page, layout: Layout) {
        for y in layout.contentTop - 1..<layout.contentTop + layout.contentHeight {
            canvas.put("│", x: layout.contentWidth, y: y, style: Style(.muted, dim: true))
        }
        guard let sel = state.viewport.selected, sel < page.count, let target = page.row(sel).target else { return }
        let screen: Screen
        switch target {
        case .festival: screen = .festival
        case .query: return
        case .film(let id): screen = .film(id)
        case .person(let id): screen = .person(id)
        case .quote(let id): screen = .quote(id)
        case .screening(let id): screen = .screening(id)
        case .link: return
        }
        let preview = Screens.page(state, screen: screen, width: layout.previewWidth, limit: layout.contentHeight + 1)
        PageView.draw(&canvas, page: preview, viewport: Viewport(), find: nil, x: layout.previewX + 1,
                      top: layout.contentTop - 1, width: layout.previewWidth, height: layout.contentHeight + 1)
    }
}

/// The reverse-video bar above the bottom line: where you are, and the position.
enum StatusBar {
    static func draw(_ canvas: inout Canvas, _ state: AppState, page: Page, layout: Layout) {
        let y = canvas.height - 2
        let style = Style(.status, reverse: true)
        canvas.fill(x: 0, y: y, width: canvas.width, height: 1, style: style)
        let vp = state.viewport
        var position: String
        if page.isList {
            position = page.count == 0 ? "0/0" : "\((vp.selected ?? 0) + 1)/\(page.count)"
        } else {
            let last = min(page.count, vp.scroll + layout.contentHeight)
            position = page.count == 0 ? "0/0" : "\(vp.scroll + 1)-\(last)/\(page.count)"
        }
        if state.history.count > 1 { position = "◂\(state.history.count - 1) " + position }
        if let loading = state.loading { position = "⋯ " + loading.text(state.language) + "  " + position }
        let pw = DisplayWidth.of(position)
        canvas.put(position, x: max(0, canvas.width - pw - 1), y: y, style: style)
        let title = Wrap.truncate(Screens.title(state, state.screen), width: max(0, canvas.width - pw - 3))
        canvas.put(" " + title, x: 0, y: y, style: Style(.status, bold: true, reverse: true), maxWidth: canvas.width - pw - 2)
    }
}

/// The bottom line: the find prompt, a message, or the most useful keys.
enum HintLine {
    static func draw(_ canvas: inout Canvas, _ state: AppState, keymap: Keymap) {
        let y = canvas.height - 1
        let l = state.language
        if let find = state.find {
            let count: String
            if find.query.isEmpty { count = "" }
            else if let c = find.current { count = "  \(c + 1)/\(find.matches.count)" }
            else { count = "  " + UIString.noMatches.text(l) }
            let room = max(2, canvas.width - 1 - DisplayWidth.of(count))
            let (shown, cursorX) = find.field.window(width: room)
            let x = canvas.put("/" + shown, x: 0, y: y, style: Style(.accent, bold: true))
            canvas.put(count, x: x, y: y, style: Style(.muted, dim: true))
            if state.mode == .find { canvas.cursor = Canvas.Cursor(x: 1 + cursorX, y: y) }
            return
        }
        if state.mode == .exportFormat {
            canvas.put(UIString.exportPrompt.text(l), x: 0, y: y, style: Style(.accent, bold: true))
            return
        }
        if state.mode == .rating {
            canvas.put(UIString.ratePrompt.text(l), x: 0, y: y, style: Style(.accent, bold: true))
            return
        }
        if case .note(let editor) = state.mode {
            field(&canvas, UIString.notePrompt.text(l), editor.field, y: y)
            return
        }
        if case .exportPath(let prompt) = state.mode {
            field(&canvas, UIString.exportPathPrompt.text(l), prompt.field, y: y)
            return
        }
        if let message = state.message { return Self.message(&canvas, message) }
        // The search field's own keys are fixed; elsewhere each hint shows the key the
        // keymap binds to its command here (none bound: no hint).
        let hints: [(String, String)]
        switch state.mode {
        case .search:
            hints = [("Enter", UIString.open.text(l)), ("^N ^P", UIString.move.text(l)), ("↑↓", UIString.history.text(l)),
                     ("Tab", UIString.toResults.text(l)), ("Esc", UIString.back.text(l))]
        case .picker:
            hints = [("Enter", UIString.choose.text(l)), ("↑↓", UIString.move.text(l)), ("Esc", UIString.cancel.text(l))]
        default:
            hints = browseHints(state.screen.kind, l, keymap: keymap)
        }
        var x = 0
        for (key, text) in fitting(hints, width: canvas.width) {
            x += canvas.put(key, x: x, y: y, style: Style(.accent, bold: true))
            x += canvas.put(" " + text + "  ", x: x, y: y, style: Style(.muted))
        }
    }

    /// A message, whole: one too long for the bottom line takes the lines above it as well
    /// (up to half the screen, the last one ending in "…" only beyond that), until the next key.
    static func message(_ canvas: inout Canvas, _ message: String) {
        var lines = Wrap.lines(message, width: canvas.width)
        let most = max(1, canvas.height / 2)
        if lines.count > most {
            lines = Array(lines.prefix(most))
            lines[most - 1] = Wrap.truncate(lines[most - 1] + "…", width: canvas.width)
        }
        let top = canvas.height - lines.count
        if lines.count > 1 { canvas.fill(x: 0, y: top, width: canvas.width, height: lines.count) }
        for (i, line) in lines.enumerated() {
            canvas.put(line, x: 0, y: top + i, style: Style(.accent, bold: true))
        }
    }

    /// A prompt and a text field being edited, with the terminal's cursor in it.
    static func field(_ canvas: inout Canvas, _ prompt: String, _ field: TextField, y: Int) {
        let x = canvas.put(prompt, x: 0, y: y, style: Style(.accent, bold: true))
        let (shown, cursorX) = field.window(width: canvas.width - x)
        canvas.put(shown, x: x, y: y, style: Style(.title, bold: true))
        if x + cursorX < canvas.width { canvas.cursor = Canvas.Cursor(x: x + cursorX, y: y) }
    }

    /// The hints that fit in `width`, in their order; when not all do, the last two (help
    /// and quit on a browsing screen, Tab and Esc in the search field) are kept first.
    static func fitting(_ hints: [(key: String, text: String)], width: Int) -> [(key: String, text: String)] {
        func cost(_ hint: (key: String, text: String)) -> Int { DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.text) + 2 }
        if hints.reduce(0, { $0 + cost($1) }) - 2 <= width { return hints }
        var kept = Set<Int>(), used = 0
        let order = Array(hints.indices.suffix(2).reversed()) + Array(hints.indices.dropLast(2))
        for i in order where used + cost(hints[i]) - 2 <= width {
            kept.insert(i)
            used += cost(hints[i])
        }
        return hints.indices.filter(kept.contains).map { hints[$0] }
    }
}

extension HintLine {
    /// The most useful commands on a kind of screen, each with its first key here; help and
    /// quit last (`fitting` keeps them when room is short).
    static func browseHints(_ kind: ScreenKind, _ l: Language, keymap: Keymap) -> [(String, String)] {
        let entries: [([Command], UIString)] = [
            ([.up, .down], .move), ([.open], .open), ([.back], .back), ([.nextSection], .section),
            ([.search], .searchKey), ([.find], .findKey), ([.toggleLanguage], .otherLanguage),
            ([.help], .help), ([.quit], .quit),
        ]
        var shown = Set<Key>()
        return entries.compactMap { commands, text in
            let keys = commands.compactMap { command in
                keymap.keys(for: command).first { !shown.contains($0) && keymap.command(for: $0, on: kind) == command }
            }
            guard keys.count == commands.count else { return nil }
            shown.formUnion(keys)
            return (keys.map(\.label).joined(), text.text(l))
        }
    }
}

/// `?`: the keys that work on this screen, from the keymap itself, in one or two columns.
enum HelpOverlay {
    /// A key while the help is open; false when it is to act as usual once the help has
    /// closed (quit). The keymap's moving keys scroll it; the help and back keys, `q`
    /// and Esc close it; any other key does nothing (it never acts behind the help).
    static func key(_ state: inout AppState, _ key: Key, keymap: Keymap) -> Bool {
        let page = max(1, state.size.height - 6)
        if key == .escape || key == .char("q") {
            close(&state)
            return true
        }
        if case .mouse(let event) = key, event.kind == .wheelDown || event.kind == .wheelUp {
            scroll(&state, by: event.kind == .wheelDown ? 3 : -3, keymap: keymap)
            return true
        }
        switch keymap.command(for: key, on: state.screen.kind) {
        case .help, .back: close(&state)
        case .quit:
            close(&state)
            return false
        case .down: scroll(&state, by: 1, keymap: keymap)
        case .up: scroll(&state, by: -1, keymap: keymap)
        case .pageDown, .halfDown: scroll(&state, by: page, keymap: keymap)
        case .pageUp, .halfUp: scroll(&state, by: -page, keymap: keymap)
        case .top: scroll(&state, by: -state.helpScroll, keymap: keymap)
        case .bottom: scroll(&state, by: .max / 2, keymap: keymap)
        default: break
        }
        return true
    }

    private static func close(_ state: inout AppState) {
        state.mode = .browse
        state.helpScroll = 0
    }

    private static func scroll(_ state: inout AppState, by lines: Int, keymap: Keymap) {
        state.helpScroll = min(max(0, state.helpScroll + lines), maxScroll(state, keymap: keymap))
    }

    /// The widths of the key and text columns for these entries.
    static func columnWidths(_ entries: [(keys: String, text: String)]) -> (keys: Int, text: Int) {
        (min(20, entries.map { DisplayWidth.of($0.keys) }.max() ?? 0), min(36, entries.map { DisplayWidth.of($0.text) }.max() ?? 0))
    }

    /// Lines that can be scrolled away: none when every entry is in view (in one column or
    /// two), else the entries beyond what one column shows.
    static func maxScroll(_ state: AppState, keymap: Keymap) -> Int {
        let entries = keymap.help(for: state.screen, state.language)
        let rows = max(1, state.size.height - 4)
        let (keyWidth, textWidth) = columnWidths(entries)
        let twoFit = state.size.width >= 2 * (keyWidth + 2 + textWidth) + 7
        if entries.count <= rows || (twoFit && (entries.count + 1) / 2 <= rows) { return 0 }
        return entries.count - rows
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, keymap: Keymap) {
        let l = state.language
        let all = keymap.help(for: state.screen, l)
        // Scrolled: one column from the first line shown; otherwise as many columns as fit.
        let scroll = min(state.helpScroll, maxScroll(state, keymap: keymap))
        let entries = Array(all.dropFirst(scroll))
        let (keyWidth, textWidth) = columnWidths(entries)
        let columnWidth = keyWidth + 2 + textWidth
        let rowsAvailable = max(1, canvas.height - 4)
        let columns = scroll == 0 && entries.count > rowsAvailable && canvas.width >= 2 * columnWidth + 7 ? 2 : 1
        let perColumn = (entries.count + columns - 1) / columns
        let w = min(canvas.width - 2, columns * columnWidth + (columns - 1) * 3 + 4)
        let h = min(canvas.height - 2, perColumn + 2)
        guard w > 8, h > 3 else { return }
        let (x0, y0) = Box.draw(&canvas, width: w, height: h, title: UIString.keysHere.text(l))
        let shown = h - 2
        for (i, entry) in entries.enumerated() {
            let column = i / perColumn, line = i % perColumn
            guard line < shown else { continue }
            let x = x0 + 2 + column * (columnWidth + 3)
            let y = y0 + 1 + line
            canvas.put(Wrap.pad(entry.keys, width: keyWidth), x: x, y: y, style: Style(.accent, bold: true), maxWidth: x0 + w - 2 - x)
            canvas.put(entry.text, x: x + keyWidth + 2, y: y, maxWidth: max(0, min(textWidth, x0 + w - 2 - (x + keyWidth + 2))))
        }
        if perColumn > shown {
            canvas.put("↓", x: x0 + w - 3, y: y0 + h - 2, style: Style(.muted, dim: true))
        }
        if scroll > 0 {
            canvas.put("↑", x: x0 + w - 3, y: y0 + 1, style: Style(.muted, dim: true))
        }
    }
}
