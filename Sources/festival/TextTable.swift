import TextGrid

/// Rows of text printed as aligned columns, measured in display width (Chinese counts 2).
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    /// The table as lines: columns padded to their widest cell, the last left ragged.
    func render() -> String {
        let all = [header] + rows
        let columns = header.count
        var widths = Array(repeating: 0, count: columns)
        for row in all {
            for (i, cell) in row.enumerated() where i < columns - 1 {
                widths[i] = min(40, max(widths[i], DisplayWidth.of(Sanitize.line(cell))))
            }
        }
        return all.map { row in
            row.enumerated().map { i, cell in
                i < columns - 1 ? Wrap.pad(cell, width: widths[i]) : Sanitize.line(cell)
            }.joined(separator: "  ")
        }.map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }
}
