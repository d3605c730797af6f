/// What `exportQuotes` and `exportFilms` write.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Markdown: a heading, then each item with its attribution and source links.
    case md
    /// RFC 4180 CSV with a header row (CRLF line ends).
    case csv
    /// A catalog holding the items and everything they refer to (loads with `festival validate`).
    case json
    /// iCalendar (RFC 5545): the screenings of what is exported (see `ICalendar`).
    case ics
}
