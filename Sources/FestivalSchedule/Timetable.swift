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
    /// The local days that have screenings, in order, and where each one's run of
    /// `entries` is (entries are sorted by day, so a day is one run).
    public let days: [PartialDate]
    private let dayRuns: [PartialDate: Range<Int>]
    private let undatedStart: Int

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
        var days: [PartialDate] = [], runs: [PartialDate: Range<Int>] = [:]
        for (i, e) in list.enumerated() {
            guard let d = e.day else { continue }
            if days.last == d { runs[d] = runs[d]!.lowerBound..<(i + 1) } else { days.append(d); runs[d] = i..<(i + 1) }
        }
        self.days = days
        dayRuns = runs
        undatedStart = list.firstIndex { $0.day == nil } ?? list.count
    }

    public func entry(_ id: String) -> Entry? { positions[id].map { entries[$0] } }

    /// Where a screening stands in time order (`entries.count` when it is not there).
    public func position(of id: String) -> Int { positions[id] ?? entries.count }

    /// The screenings of one local day, in time order.
    public func entries(on day: PartialDate) -> [Entry] { dayRuns[day].map { Array(entries[$0]) } ?? [] }

    /// The screenings whose day is not known (they come last).
    public var undated: [Entry] { Array(entries[undatedStart...]) }
}
