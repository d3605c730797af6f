import TextGrid

/// Makes clicks out of raw presses and releases, so a click is reported the moment the
/// button goes up (ncurses' own click detection would delay every press).
/// A release on the cell of its press is a `.click`, or a `.doubleClick` when it follows
/// a click on the same cell within `doubleClickMs`; a release elsewhere stays `.release`.
public struct ClickTracker: Sendable {
    public var doubleClickMs: Int
    private var pressedAt: (x: Int, y: Int)?
    private var lastClick: (x: Int, y: Int, ms: Int)?

    public init(doubleClickMs: Int = 400) { self.doubleClickMs = doubleClickMs }

    /// The event to report for `event`, which happened at time `ms` (any monotonic clock).
    public mutating func resolve(_ event: MouseEvent, atMs ms: Int) -> MouseEvent {
        switch event.kind {
        case .press:
            pressedAt = (event.x, event.y)
            return event
        case .release:
            defer { pressedAt = nil }
            guard let p = pressedAt, p.x == event.x, p.y == event.y else { return event }
            return click(at: event, ms: ms)
        case .click:
            pressedAt = nil
            return click(at: event, ms: ms)
        case .doubleClick:
            pressedAt = nil
            lastClick = nil
            return event
        case .wheelUp, .wheelDown:
            return event
        }
    }

    private mutating func click(at event: MouseEvent, ms: Int) -> MouseEvent {
        if let last = lastClick, last.x == event.x, last.y == event.y, ms - last.ms <= doubleClickMs {
            lastClick = nil
            return MouseEvent(.doubleClick, x: event.x, y: event.y)
        }
        lastClick = (event.x, event.y, ms)
        return MouseEvent(.click, x: event.x, y: event.y)
    }
}
