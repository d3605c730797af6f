import FestivalCatalog
import Foundation

/// Every screening of a catalog placed in time: its instant on one clock when known, its
/// local day and minute, how long it lasts. The one place screenings are resolved, for the
/// planner, the day grid, the lists and the calendar.
public struct Timetable: Sendable {
    public struct Entry: Sendable, Equatable {
        public var screening: Screening
        public var venue: Venue?
        /// Start and end in seconds since 1970 (UTC); nil without a time of day, a time
        /// zone or a duration (`end` only).
        public var start: Int?
        public var end: Int?
        /// The local day (nil when not even the day is known) and start minute.
        public var day: PartialDate?
        public var minute: Int?
        /// Minutes it lasts, when known.
        public var duration: Int?

        public var id: String { screening.id }

        /// The local minute it ends (may pass 1,440: after midnight).
        public var endMinute: Int? { minute.flatMap { m in duration.map { m + $0 } } }
    }

    /// In time order: by local day, then start minute (a day alone first), then id; the
    /// screenings with no day last.
    public let entries: [Entry]
    private let positions: [String: Int]

    public init(catalog: Catalog) {
        var list: [Entry] = []
        list.reserveCapacity(catalog.screenings.count)
        for screening in catalog.screenings {
            let venue = screening.venue.flatMap(catalog.venue)
            let start = catalog.startInstant(of: screening)
            let duration = catalog.minutes(of: screening)
            list.append(Entry(screening: screening, venue: venue, start: start, end: start.flatMap { s in duration.map { s + $0 * 60 } },
                              day: screening.start?.date, minute: screening.start?.minute, duration: duration))
        }
        list.sort { a, b in
            switch (a.day, b.day) {
            case (nil, nil): return a.id < b.id
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                if x != y { return x < y }
                return (a.minute ?? -1, a.id) < (b.minute ?? -1, b.id)
            }
        }
        entries = list
        positions = Dictionary(list.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    public func entry(_ id: String) -> Entry? { positions[id].map { entries[$0] } }

    /// The local days that have screenings, in order.
    public var days: [PartialDate] {
        var seen: [PartialDate] = []
        for e in entries { if let d = e.day, seen.last != d { seen.append(d) } }
        return seen
    }

    /// The screenings of one local day, in time order.
    public func entries(on day: PartialDate) -> [Entry] { entries.filter { $0.day == day } }

    /// The screenings whose day is not known.
    public var undated: [Entry] { entries.filter { $0.day == nil } }
}
