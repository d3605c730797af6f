import FestivalCatalog
import Foundation

/// What the planner reads from the shelf besides priorities: picked screenings, held
/// tickets, and times the user cannot attend.
extension Shelf {
    /// One screening the user picked; a held ticket is a pick the planner must keep.
    public struct ScreeningEntry: Sendable, Equatable {
        public internal(set) var picked = false
        public internal(set) var ticket = false
        public internal(set) var updated: Date

        var isEmpty: Bool { !picked && !ticket }
    }

    /// A span of local time the user cannot attend, in a time zone (IANA name).
    public struct Unavailable: Sendable, Hashable {
        public var from: LocalStart
        public var to: LocalStart
        public var timeZone: String

        /// Both ends with a time of day, `to` after `from`, and a zone the system knows.
        public init?(from: LocalStart, to: LocalStart, timeZone: String) {
            guard from.minute != nil, to.minute != nil, from < to, LocalTime.zone(timeZone) != nil else { return nil }
            self.from = from
            self.to = to
            self.timeZone = timeZone
        }

        /// The span in seconds since 1970, UTC (a skipped local time counts as its naive UTC reading).
        public var seconds: Range<Int> {
            let zone = LocalTime.zone(timeZone)!
            func instant(_ t: LocalStart) -> Int {
                switch LocalTime.resolve(t, minute: t.minute!, in: zone) {
                case .exact(let s), .ambiguous(earlier: let s, later: _): return s
                case .skipped: return LocalTime.naive(t, minute: t.minute!) - zone.secondsFromGMT()
                }
            }
            return instant(from)..<instant(to)
        }

        /// `2030-06-06T09:00–13:00 America/Toronto`.
        public var description: String {
            let end = (to.year, to.month, to.day) == (from.year, from.month, from.day) ? LocalStart.clock(to.minute!) : to.description
            return "\(from)–\(end) \(timeZone)"
        }
    }

    /// The most unavailable spans a shelf keeps.
    public static let maxUnavailable = 1_000

    public func isPicked(screening id: String) -> Bool { screenings[id]?.picked ?? false }
    public func hasTicket(screening id: String) -> Bool { screenings[id]?.ticket ?? false }

    /// Ids of the picked screenings (tickets included), sorted.
    public var pickedScreenings: [String] { screenings.filter { $0.value.picked || $0.value.ticket }.keys.sorted() }

    /// Picks the screening, or unpicks it (and drops its ticket).
    public mutating func setPicked(screening id: String, _ on: Bool, at now: Date = Date()) {
        changeScreening(id, at: now) { entry in
            entry.picked = on
            if !on { entry.ticket = false }
        }
    }

    /// Marks a held ticket (which also picks it), or unmarks it (the pick stays).
    public mutating func setTicket(screening id: String, _ on: Bool, at now: Date = Date()) {
        changeScreening(id, at: now) { entry in
            entry.ticket = on
            if on { entry.picked = true }
        }
    }

    /// Adds a span (false when the shelf holds `maxUnavailable` already or has it).
    @discardableResult
    public mutating func addUnavailable(_ span: Unavailable) -> Bool {
        guard unavailable.count < Self.maxUnavailable, !unavailable.contains(span) else { return false }
        unavailable.append(span)
        return true
    }

    /// Removes every span (the count removed).
    @discardableResult
    public mutating func clearUnavailable() -> Int {
        let n = unavailable.count
        unavailable.removeAll()
        return n
    }

    /// The other shelf's priorities, picks, tickets and unavailable times added to this one:
    /// what only the other has is taken; where both have a different value, this shelf's
    /// stays and the difference is returned (so nothing on either side is lost).
    public mutating func mergePlan(_ other: Shelf, at now: Date = Date()) -> [String] {
        var conflicts: [String] = []
        for (id, entry) in other.films.sorted(by: { $0.key < $1.key }) {
            guard let theirs = entry.priority else { continue }
            if let mine = priority(film: id) {
                if mine != theirs { conflicts.append("film \(id): priority \(mine) kept (the other plan has \(theirs))") }
            } else {
                setPriority(film: id, theirs, at: now)
            }
        }
        for (id, entry) in other.screenings.sorted(by: { $0.key < $1.key }) {
            if entry.picked && !isPicked(screening: id) { setPicked(screening: id, true, at: now) }
            if entry.ticket && !hasTicket(screening: id) {
                conflicts.append("screening \(id): the other plan holds a ticket; here it is picked, not ticketed")
            }
        }
        for span in other.unavailable { addUnavailable(span) }
        return conflicts
    }
}
