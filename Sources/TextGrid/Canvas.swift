/// One screen cell: a spacing character with the marks drawn on it (a cluster may take
/// several, see `DisplayWidth.units`), its width and style. The right half of a wide
/// character is a continuation cell (`width == 0`, empty text).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }

    /// Turns the cell into a space, keeping its style.
    mutating func makeBlank() {
        text = " "
        width = 1
    }
}

/// A grid of cells that screens draw into and the terminal backend paints.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Runs of cells that are a web link, for terminals that show OSC 8 hyperlinks.
    public private(set) var links: [Hyperlink] = []
    /// Where the terminal's cursor goes (a field's insertion point, so that input methods
    /// open their candidate window there); nil hides it.
    public var cursor: Cursor?

    public struct Cursor: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// A link over `width` cells from (x, y).
    public struct Hyperlink: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var url: String
    }

    /// Marks cells as a link; only URLs that pass `URLCheck` are kept.
    public mutating func addLink(x: Int, y: Int, width: Int, url: String) {
        guard URLCheck.isWebURL(url), y >= 0, y < height, x >= 0, width > 0 else { return }
        links.append(Hyperlink(x: x, y: y, width: min(width, self.width - x), url: url))
    }

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y), never past `x + maxWidth` nor the right edge, and never
    /// splitting a wide character (a space fills a column that cannot hold one).
    /// Controls are shown as visible symbols. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain,
                             maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = maxWidth.map { min(width, x + $0) } ?? width
        var col = x, cut = false
        /// Writes one cell (and the continuation of a wide one) at `col`, left of the edge.
        func place(_ text: String, _ w: Int) {
            if col >= 0 {
                setCell(x: col, y: y, Cell(text, width: UInt8(w), style: style))
                if w == 2 { setCell(x: col + 1, y: y, Cell("", width: 0, style: style)) }
            }
            col += w
        }
        for character in Sanitize.line(text) {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first,     // one code point: the fast path
               case let w = character.isASCII ? 1 : DisplayWidth.scalarWidth(scalar), w > 0 {
                if col + w > limit { cut = true; break }
                place(String(character), w)
                continue
            }
            let units = DisplayWidth.units(character)
            let w = units.reduce(0) { $0 + $1.width }
            if w == 0 { continue }
            if col + w > limit { cut = true; break }   // a cluster is never split
            for unit in units { place(unit.text, unit.width) }
        }
        // What a character that did not fit leaves free before the limit is blank.
        while cut && col < limit {
            if col >= 0 { setCell(x: col, y: y, Cell(" ", width: 1, style: style)) }
            col += 1
        }
        return max(0, col - x)
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            // Wide characters cut by either edge become spaces.
            if cells[row * width + x0].isContinuation, x0 > 0 { cells[row * width + x0 - 1].makeBlank() }
            if x1 < width, cells[row * width + x1].isContinuation { cells[row * width + x1].makeBlank() }
            for col in x0..<x1 { cells[row * width + col] = Cell(" ", width: 1, style: style) }
        }
    }

    /// Changes the style of existing cells in a row span (e.g. a selection bar).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) { change(&cells[y * width + col].style) }
    }

    /// Sets a cell, repairing a wide character it would cut in half.
    mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", width: 1, style: cells[i - 1].style)
        }
        if cells[i].width == 2, x + 1 < width, cell.width != 2 {
            cells[i + 1] = Cell(" ", width: 1, style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// The text of one row.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        return s
    }

    /// The canvas as text, one line per row, trailing spaces removed: what snapshot tests compare.
    public var text: String {
        (0..<height).map { y in
            var line = self.line(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
