import TextGrid

/// A run of styled text within a row.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Where Enter on a row leads.
public enum Target: Hashable, Sendable {
    case film(String), person(String), quote(String), link(String)
    /// A screening (Enter opens its film, or its page when it shows a programme).
    case screening(String)
    /// The festival's page (a search result).
    case festival
    /// A search query to type (a value `SearchCompletion` offers).
    case query(String)
}

/// One screen line: spans laid out left to right, and where it leads, if anywhere.
/// Rows with a target are selectable.
public struct Row: Sendable {
    public var spans: [Span]
    public var target: Target?
    /// Text right-aligned in the row (e.g. an award in a list).
    public var trailing: Span?

    public init(_ spans: [Span], target: Target? = nil, trailing: Span? = nil) {
        self.spans = spans
        self.target = target
        self.trailing = trailing
    }

    public static let blank = Row([])

    /// The row's text, for in-page search.
    public var text: String { spans.map(\.text).joined() + (trailing.map { "  " + $0.text } ?? "") }
}

/// The rows of a screen, built lazily so a list of 100 000 quotes costs only what is shown.
public struct Page {
    public var count: Int
    public var row: (Int) -> Row
    /// True when every row is selectable (a list), which makes moving O(1).
    public var isList: Bool
    /// A fixed line above the rows (column titles).
    public var header: Row?
    /// What the page says when it has no rows.
    public var empty: Row

    public static let emptyRow = Row([Span("—", Style(.muted, dim: true))])

    public init(count: Int, isList: Bool, header: Row? = nil, empty: Row = Page.emptyRow,
                row: @escaping (Int) -> Row = { _ in .blank }) {
        self.count = count
        self.row = row
        self.isList = isList
        self.header = header
        self.empty = empty
    }

    /// A page from rows built up front (detail pages).
    public init(rows: [Row]) {
        self.init(count: rows.count, isList: false) { rows[$0] }
    }

    public func isSelectable(_ i: Int) -> Bool { isList || row(i).target != nil }
}
