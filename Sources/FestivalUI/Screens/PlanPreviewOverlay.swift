import FestivalCatalog
import FestivalExport
import FestivalSchedule
import FestivalText
import TextGrid

/// A plan before it is applied: what it is worth, the screenings it adds (`+`) and drops
/// (`−`), why each wanted film is left out, and the keys (Enter applies, Esc keeps yours).
enum PlanPreviewOverlay {
    static func lines(_ state: AppState, _ o: PlanOutcome) -> [(String, Style)] {
        let l = state.language, c = state.catalog, t = state.timetable
        var lines: [(String, Style)] = []
        var worth = UIString.weight.text(l) + " \(o.weight)"
        worth += o.proven ? " (" + UIString.planProven.text(l) + ")" : " (" + UIString.planBound.text(l) + " \(o.bound))"
        worth += " · " + UIString.travel.text(l) + " \(o.travelMinutes) " + UIString.minutesShort.text(l)
        lines.append((worth, Style(.title, bold: true)))
        if o.added.isEmpty && o.removed.isEmpty { lines.append((UIString.planNoChange.text(l), Style(.muted))) }
        for id in o.added { if let e = t.entry(id) { lines.append(("+ " + PlanText.line(e, in: c, l), Style(.highlight, bold: true))) } }
        for id in o.removed { if let e = t.entry(id) { lines.append(("− " + PlanText.line(e, in: c, l), Style(.error))) } }
        for left in o.leftOut {
            let title = c.film(left.film)?.title.text(l) ?? left.film
            lines.append(("· " + title + ": " + PlanText.reason(left.reason, timetable: t, catalog: c, l), Style(.muted)))
        }
        return lines
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, _ preview: PlanPreview) {
        let l = state.language
        let all = lines(state, preview.outcome)
        let w = min(canvas.width - 2, max(40, min(100, (all.map { DisplayWidth.of($0.0) }.max() ?? 0) + 4)))
        let rows = max(1, min(all.count, canvas.height - 5))
        let h = rows + 3
        guard w > 8, h <= canvas.height else { return }
        let title = UIString.myPlan.text(l) + " · " + UIString.planAdded.text(l) + " \(preview.outcome.added.count) · "
            + UIString.planRemoved.text(l) + " \(preview.outcome.removed.count)"
        let (x0, y0) = Box.draw(&canvas, width: w, height: h, title: title)
        let scroll = min(preview.scroll, max(0, all.count - rows))
        for line in 0..<rows where scroll + line < all.count {
            let (text, style) = all[scroll + line]
            canvas.put(Wrap.truncate(text, width: w - 4), x: x0 + 2, y: y0 + 1 + line, style: style)
        }
        canvas.put(Wrap.truncate(UIString.planPreview.text(l), width: w - 4), x: x0 + 2, y: y0 + h - 2, style: Style(.accent, bold: true))
    }
}
