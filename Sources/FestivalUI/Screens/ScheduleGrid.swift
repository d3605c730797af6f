import FestivalCatalog
import FestivalExport
import FestivalSchedule
import FestivalText
import TextGrid

/// The schedule's day grid: venues as columns (one showing two at once gets a column for each,
/// headed `″ 2`), time down the side, each screening a block
/// from its start to its end with its time and titles (cut to fit). Picks are in the
/// highlight color and marked `●` (`◆` with a ticket), screenings overlapping a pick `!`,
/// sold-out and cancelled ones muted with their status; after a pick, the travel to the
/// next pick at another venue (`→20′`). The selection is the list's (time order), drawn
/// reversed; the grid scrolls to keep it in view. Screenings with no time of day are
/// named on the first line.
enum ScheduleGrid {
    static let timeWidth = 6
    static let minColumn = 12
    static let maxColumn = 28

    /// A column: a venue (nil: unknown), and a lane within it for screenings that overlap
    /// there (a venue with several screens).
    struct Column: Equatable {
        var venue: String?
        var lane: Int
    }

    /// The columns of a day's screenings: venues in the catalog's order (no venue last),
    /// each with as many lanes as its screenings need; and each screening's column.
    static func columns(_ entries: [Timetable.Entry], _ catalog: Catalog) -> (columns: [Column], of: [String: Int]) {
        let used = Set(entries.map(\.screening.venue))
        var venues: [String?] = catalog.venues.map(\.id).filter { used.contains($0) }
        if used.contains(nil) { venues.append(nil) }
        var columns: [Column] = [], of: [String: Int] = [:]
        for venue in venues {
            // Interval partitioning in time order: each screening in the first lane free by its start.
            var laneEnds: [Int] = []
            for e in entries where e.screening.venue == venue {
                let start = e.minute ?? 0, end = start + max(1, e.duration ?? 60)
                let lane = laneEnds.firstIndex { $0 <= start } ?? laneEnds.count
                if lane == laneEnds.count { laneEnds.append(end); columns.append(Column(venue: venue, lane: lane)) } else { laneEnds[lane] = end }
                of[e.id] = columns.firstIndex(of: Column(venue: venue, lane: lane))
            }
        }
        return (columns, of)
    }

    /// Whether the grid is drawn (else the list): a day with timed screenings, and room
    /// for two columns.
    static func fits(_ state: AppState, width: Int) -> Bool {
        let entries = ScheduleScreen.entries(state)
        return entries.contains { $0.minute != nil } && width - timeWidth >= 2 * minColumn
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, selected: Int?, x: Int, top: Int, width: Int, height: Int) {
        let l = state.language, c = state.catalog
        let entries = ScheduleScreen.entries(state)
        let conflicts = ScheduleScreen.conflicts(state, entries)
        let (columns, columnOf) = Self.columns(entries, c)
        let shown = max(1, min(columns.count, (width - timeWidth) / minColumn))
        let columnWidth = min(maxColumn, (width - timeWidth) / shown)
        let sel = selected.flatMap { $0 < entries.count ? entries[$0] : nil }
        // Columns: keep the selection's in view.
        let selColumn = sel.flatMap { columnOf[$0.id] } ?? 0
        let firstColumn = max(0, min(selColumn - shown / 2, columns.count - shown))
        // The header: the venues shown, and arrows when some are off to a side.
        canvas.fill(x: x, y: top - 1, width: width, height: 1)
        canvas.put(firstColumn > 0 ? "◂" : " ", x: x, y: top - 1, style: Style(.muted, dim: true))
        for k in 0..<shown where firstColumn + k < columns.count {
            let column = columns[firstColumn + k]
            var name = column.venue.flatMap { c.venue($0)?.name.text(l) } ?? UIString.venueUnknown.text(l)
            if column.lane > 0 { name = "″ \(column.lane + 1)" }
            canvas.put(Wrap.truncate(name, width: columnWidth - 1), x: x + timeWidth + k * columnWidth, y: top - 1,
                       style: Style(.heading, bold: true))
        }
        if firstColumn + shown < columns.count { canvas.put("▸", x: x + width - 1, y: top - 1, style: Style(.muted, dim: true)) }
        // Untimed screenings of the day, on the first line.
        var gridTop = top, gridHeight = height
        let untimed = entries.filter { $0.minute == nil }
        if !untimed.isEmpty, height > 2 {
            let names = untimed.map { ScheduleScreen.mark($0, state, conflict: false).trimmingCharacters(in: .whitespaces)
                + PlanText.films($0, in: c, l) }
            let text = UIString.timeUnknown.text(l) + ": " + names.joined(separator: UIString.listSeparator.text(l))
            let style = sel.map { s in untimed.contains { $0.id == s.id } } == true ? Style(.selection, bold: true, reverse: true) : Style(.muted)
            canvas.put(Wrap.truncate(text, width: width), x: x, y: top, style: style)
            gridTop += 1
            gridHeight -= 1
        }
        let timed = entries.filter { $0.minute != nil }
        guard let first = timed.map({ $0.minute! }).min(), gridHeight > 0 else { return }
        let last = timed.map { $0.minute! + max(1, $0.duration ?? 60) }.max()!
        let dayStart = first / 60 * 60
        // Minutes a line: the finest of 15 and 30 that shows the whole day, else 30 and scroll.
        let scale = [15, 30].first { (last - dayStart + $0 - 1) / $0 <= gridHeight } ?? 30
        let lines = (last - dayStart + scale - 1) / scale
        func line(_ minute: Int) -> Int { (minute - dayStart) / scale }
        var scroll = 0
        if lines > gridHeight, let s = sel, let m = s.minute {
            let a = line(m), b = line(m + max(1, s.duration ?? 60) - 1)
            scroll = max(0, min(lines - gridHeight, b - gridHeight + 1 > a ? a : max(0, b - gridHeight + 1)))
            if a < scroll { scroll = a }
        }
        for row in 0..<min(gridHeight, lines - scroll) where (scroll + row) * scale % 60 == 0 {
            let minute = dayStart + (scroll + row) * scale
            canvas.put(LocalStart.clock(minute % 1_440), x: x, y: gridTop + row, style: Style(.muted, dim: true))
        }
        let picks = timed.filter { state.shelf.isPicked(screening: $0.id) }
        for e in timed {
            guard let k = columnOf[e.id], k >= firstColumn, k < firstColumn + shown else { continue }
            let x0 = x + timeWidth + (k - firstColumn) * columnWidth, w = columnWidth - 1
            let a = line(e.minute!) - scroll, b = line(e.minute! + max(1, e.duration ?? scale) - 1) - scroll
            let selectedHere = sel?.id == e.id
            var style = ScheduleScreen.style(e, state)
            if selectedHere { style = Style(.selection, bold: true, reverse: true) }
            else if state.shelf.isPicked(screening: e.id) { style.reverse = true }
            var text = [ScheduleScreen.mark(e, state, conflict: conflicts.contains(e.id)) + LocalStart.clock(e.minute!)]
            text += Wrap.lines(PlanText.films(e, in: c, l), width: max(1, w))
            if let status = ScheduleScreen.status(e, l) { text.append(status) }
            for r in max(0, a)...max(a, b) where r < gridHeight {
                canvas.fill(x: x0, y: gridTop + r, width: w, height: 1, style: style)
                let i = r - a
                if i < text.count { canvas.put(Wrap.truncate(text[i], width: w), x: x0, y: gridTop + r, style: style) }
                else if r == max(a, b), i > 0, text.count > 1, b - a + 1 < text.count { canvas.put("…", x: x0 + w - 1, y: gridTop + r, style: style) }
            }
            // The travel to the next pick, under a pick whose next one is at another venue.
            if state.shelf.isPicked(screening: e.id), let next = picks.first(where: { ($0.start ?? 0) > (e.start ?? 0) }),
               next.screening.venue != e.screening.venue, let end = e.endMinute, let from = e.venue, let to = next.venue {
                let minutes = state.planning.request.travelMinutes(from: from, to: to, in: c)
                let r = line(end) - scroll + ((end - dayStart) % scale == 0 ? 0 : 1)
                if r >= 0, r < gridHeight, canvas[x0, gridTop + r].text == " " {
                    canvas.put("→\(minutes)′", x: x0, y: gridTop + r, style: Style(.muted, dim: true))
                }
            }
        }
    }
}
