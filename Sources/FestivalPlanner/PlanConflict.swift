/// Why no plan exists: the held tickets alone break a rule.
public struct PlanConflict: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Two tickets overlap once travel is added: `tickets` holds the two.
        case clash
        /// One day holds more tickets than `limit` (the instance's `maxPerDay`): `tickets`
        /// holds all of that day's.
        case overfullDay(day: Int, limit: Int)
    }

    public var reason: Reason
    /// The instance's indices of the tickets at fault, in time order.
    public var tickets: [Int]

    /// Two tickets that clash.
    public init(first: Int, second: Int) {
        reason = .clash
        tickets = [first, second]
    }

    /// A day with more tickets than the limit.
    public init(day: Int, limit: Int, tickets: [Int]) {
        reason = .overfullDay(day: day, limit: limit)
        self.tickets = tickets
    }

    /// The first ticket at fault.
    public var first: Int { tickets[0] }
    /// The second ticket at fault (the first again when an overfull day holds only one:
    /// a limit of 0).
    public var second: Int { tickets.count > 1 ? tickets[1] : tickets[0] }
}
