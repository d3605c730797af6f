import FestivalCatalog
import FestivalText
import TextGrid

/// A framed box in the middle of the screen, cleared, its title in the top border.
enum Box {
    /// Draws the frame and returns its top-left corner.
    @discardableResult
    static func draw(_ canvas: inout Canvas, width w: Int, height h: Int, title: String) -> (x: Int, y: Int) {
        let x0 = (canvas.width - w) / 2, y0 = (canvas.height - h) / 2
        let frame = Style(.accent)
        canvas.fill(x: x0, y: y0, width: w, height: h)
        canvas.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x0, y: y0, style: frame)
        canvas.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x0, y: y0 + h - 1, style: frame)
        for y in y0 + 1..<y0 + h - 1 {
            canvas.put("│", x: x0, y: y, style: frame)
            canvas.put("│", x: x0 + w - 1, y: y, style: frame)
        }
        canvas.put(" " + title + " ", x: x0 + 2, y: y0, style: Style(.heading, bold: true), maxWidth: w - 4)
        return (x0, y0)
    }
}

/// A filter's menu: the typed text with the terminal's cursor in it, then the values with
/// their counts, the highlighted one in the selection bar, the one in use ticked.
enum PickerOverlay {
    static func draw(_ canvas: inout Canvas, _ picker: FilterPicker, _ l: Language) {
        let rows = min(FilterPicker.rows(height: canvas.height), max(1, picker.shown.count))
        let countWidth = picker.options.map { String($0.count).count }.max() ?? 1
        let labels = picker.options.map { DisplayWidth.of($0.label) }.max() ?? 0
        let title = picker.title.text(l)
        let w = min(canvas.width - 2, max(30, labels + countWidth + 8, DisplayWidth.of(title) + 6))
        let h = rows + 3
        guard w > 8, h <= canvas.height else { return }
        let (x0, y0) = Box.draw(&canvas, width: w, height: h, title: title)
        let inner = w - 4, x = x0 + 2
        // The field: what is typed, or a dim reminder that typing narrows.
        let prompt = canvas.put("> ", x: x, y: y0 + 1, style: Style(.accent, bold: true))
        if picker.field.isEmpty {
            canvas.put(UIString.typeToNarrow.text(l), x: x + prompt, y: y0 + 1, style: Style(.muted, dim: true), maxWidth: inner - prompt)
        }
        let (shown, cursorX) = picker.field.window(width: inner - prompt)
        canvas.put(shown, x: x + prompt, y: y0 + 1, style: Style(.title, bold: true))
        canvas.cursor = Canvas.Cursor(x: x + prompt + cursorX, y: y0 + 1)
        guard !picker.shown.isEmpty else {
            canvas.put(UIString.noMatches.text(l), x: x, y: y0 + 2, style: Style(.muted, dim: true), maxWidth: inner)
            return
        }
        // The highlight stays in view however the screen was resized.
        let scroll = min(max(picker.scroll, picker.selected - rows + 1), picker.selected, max(0, picker.shown.count - rows))
        for line in 0..<rows where scroll + line < picker.shown.count {
            let index = scroll + line, option = picker.options[picker.shown[index]]
            let y = y0 + 2 + line
            let count = String(option.count)
            let mark = picker.shown[index] == picker.inUse ? "✓ " : "  "
            let label = Wrap.truncate(mark + option.label, width: inner - countWidth - 2)
            canvas.put(label, x: x, y: y, style: option.value == nil ? Style(.muted) : Style(.title, bold: true))
            canvas.put(count, x: x + inner - count.count, y: y, style: Style(.muted))
            if index == picker.selected {
                canvas.restyle(x: x0 + 1, y: y, width: w - 2) { $0.reverse = true; $0.role = .selection }
            }
        }
        if scroll + rows < picker.shown.count { canvas.put("↓", x: x0 + w - 2, y: y0 + h - 2, style: Style(.muted, dim: true)) }
        if scroll > 0 { canvas.put("↑", x: x0 + w - 2, y: y0 + 2, style: Style(.muted, dim: true)) }
    }
}
