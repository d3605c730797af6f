import CNCursesw
import TextGrid

extension Terminal {
    /// Draws a frame: only the cells that differ from the last painted canvas, or all of
    /// them after `invalidate()` or a size change; then one `doupdate`. Cells beyond the
    /// screen are clipped; a wide character that would not fit at the edge becomes a blank.
    public func paint(_ canvas: Canvas) {
        let (cols, rows) = size
        let previous = lastCanvas
        let full = needsFullPaint || previous == nil
            || previous!.width != canvas.width || previous!.height != canvas.height
        if full { werase(window) }
        let height = min(rows, canvas.height), width = min(cols, canvas.width)
        for y in 0..<max(0, height) {
            for x in 0..<max(0, width) {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if !full, let previous, previous[x, y] == cell,
                   cell.width < 2 || x + 1 >= canvas.width || previous[x + 1, y] == canvas[x + 1, y] {
                    continue
                }
                put(cell, x: x, y: y, columns: cols)
            }
        }
        lastCanvas = canvas
        needsFullPaint = false
        placeCursor(canvas.cursor, columns: width, rows: height)
        wnoutrefresh(window)
        doupdate()
        paintHyperlinks(canvas)
    }

    /// Shows the real cursor at a field's insertion point, or hides it.
    private func placeCursor(_ cursor: Canvas.Cursor?, columns: Int, rows: Int) {
        if let cursor, cursor.x >= 0, cursor.x < columns, cursor.y >= 0, cursor.y < rows {
            leaveok(window, false)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorShown { curs_set(1); cursorShown = true }
        } else {
            leaveok(window, true)
            if cursorShown { curs_set(0); cursorShown = false }
        }
    }

    private func put(_ cell: Cell, x: Int, y: Int, columns: Int) {
        let (attrs, pair) = styles.map(cell.style)
        var width = max(1, Int(cell.width))
        var text = cell.text
        if x + width > columns {          // a wide character cut by the right edge
            text = " "
            width = 1
        }
        let (chars, padNext) = CellText.prepare(text, width: width)
        chars.withUnsafeBufferPointer { buffer in
            _ = cn_put_cell(window, Int32(y), Int32(x), buffer.baseAddress, attrs, pair)
        }
        if padNext {
            let blank: [wchar_t] = [0x20, 0]
            blank.withUnsafeBufferPointer { buffer in
                _ = cn_put_cell(window, Int32(y), Int32(x + 1), buffer.baseAddress, attrs, pair)
            }
        }
    }
}
