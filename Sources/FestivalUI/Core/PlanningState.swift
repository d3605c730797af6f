import FestivalSchedule

/// What the schedule and the planner keep between keys.
public struct PlanningState: Equatable, Sendable {
    /// The schedule's page: an index into the timetable's days, or one past the last for the
    /// screenings whose day is unknown.
    public internal(set) var day = 0
    /// A pick that drops others, waiting for a second `c` (the ids it drops).
    public internal(set) var pendingPick: (id: String, drops: [String])?
    /// A plan is being made in the background.
    public internal(set) var running = false
    /// The picks before the last plan was applied (`u` brings them back).
    public internal(set) var undo: [String]?
    /// What the planner is asked besides the shelf.
    public internal(set) var request = PlanRequest()

    public static func == (a: PlanningState, b: PlanningState) -> Bool {
        a.day == b.day && a.pendingPick?.id == b.pendingPick?.id && a.pendingPick?.drops == b.pendingPick?.drops
            && a.running == b.running && a.undo == b.undo && a.request == b.request
    }
}

/// A plan shown before it is applied.
public struct PlanPreview: Equatable, Sendable {
    public var outcome: PlanOutcome
    /// Lines scrolled away.
    public var scroll = 0
}
