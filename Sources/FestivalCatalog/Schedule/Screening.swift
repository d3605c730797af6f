/// One showing of a film, or of a programme of films shown together in running order.
public struct Screening: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable, CaseIterable {
        case scheduled
        case soldOut = "sold-out"
        case standby
        case cancelled
    }

    public var id: String
    /// Film ids in running order: one, or a programme.
    public var films: [String]
    /// The venue's id; nil when no venue is known.
    public var venue: String?
    /// When it starts, in the venue's local time; nil when not even the day is known.
    public var start: LocalStart?
    /// Minutes; nil when unknown (then `Catalog.duration(of:)` sums the films' runtimes).
    public var duration: Int?
    public var event: String?
    public var status: Status
    /// Free labels: premiere, Q&A, press only…
    public var labels: [String]
    public var note: LocalizedText?
    public var sources: [String]

    public init(id: String, films: [String], venue: String?, start: LocalStart?, duration: Int?, event: String?,
                status: Status, labels: [String], note: LocalizedText?, sources: [String]) {
        self.id = id
        self.films = films
        self.venue = venue
        self.start = start
        self.duration = duration
        self.event = event
        self.status = status
        self.labels = labels
        self.note = note
        self.sources = sources
    }

    /// The longest a screening may last, in minutes (a day).
    public static let maxDuration = 1_440
}

/// A start in a venue's local time: a day, and the minute of that day when known.
public struct LocalStart: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    /// Minutes after midnight (0–1439); nil when only the day is known.
    public var minute: Int?

    public init?(year: Int, month: Int, day: Int, minute: Int?) {
        guard PartialDate.isReal(year: year, month: month, day: day), minute.map({ (0..<1_440).contains($0) }) ?? true else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.minute = minute
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (24-hour clock).
    public init?(_ text: String) {
        let parts = text.split(separator: "T", maxSplits: 2, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 10, let date = PartialDate(String(parts[0])),
              let month = date.month, let day = date.day else { return nil }
        var minute: Int?
        if parts.count == 2 {
            let clock = parts[1].utf8
            guard clock.count == 5, Array(clock)[2] == 0x3A,
                  clock.enumerated().allSatisfy({ $0.offset == 2 || (0x30...0x39).contains($0.element) }),
                  let h = Int(parts[1].prefix(2)), let m = Int(parts[1].suffix(2)), h < 24, m < 60 else { return nil }
            minute = h * 60 + m
        }
        self.init(year: date.year, month: month, day: day, minute: minute)
    }

    /// The day alone.
    public var date: PartialDate { PartialDate(year: year, month: month, day: day) }

    /// `2025-06-05T19:30`, or `2025-06-05` without a time.
    public var description: String {
        guard let minute else { return date.description }
        return date.description + "T" + Self.clock(minute)
    }

    /// `19:30` for minute 1170.
    public static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    public static func < (a: LocalStart, b: LocalStart) -> Bool {
        (a.year, a.month, a.day, a.minute ?? -1) < (b.year, b.month, b.day, b.minute ?? -1)
    }
}
