import TextGrid

/// Rows of text printed as aligned columns, measured in display width (Chinese counts 2).
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    /// The table as lines: columns padded to their widest cell, the last left ragged.
    /// Padded cells are printed as the browser draws them (`DisplayWidth.drawn`: emoji
    /// sequences in their fallback form) so that the columns line up on any terminal.
    /// Cells that repeat (names, kinds) are measured and padded once.
    func render() -> String {
        let all = [header] + rows
        let columns = header.count
        var widths = Array(repeating: 0, count: columns)
        var measured: [String: Int] = [:]
        for row in all {
            for (i, cell) in row.enumerated() where i < columns - 1 {
                let width = measured[cell] ?? DisplayWidth.of(Sanitize.line(cell))
                measured[cell] = width
                widths[i] = min(40, max(widths[i], width))
            }
        }
        var padded = Array(repeating: [String: String](), count: columns)
        return all.map { row in
            row.enumerated().map { i, cell in
                guard i < columns - 1 else { return Sanitize.line(cell) }
                if let done = padded[i][cell] { return done }
                let done = Wrap.pad(DisplayWidth.drawn(Sanitize.line(cell)), width: widths[i])
                padded[i][cell] = done
                return done
            }.joined(separator: "  ")
        }.map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }
}
