import Synchronization

/// How far a catalog load has come, written by the loading thread and read by the UI.
public final class LoadProgress: Sendable {
    public enum Phase: Int, Sendable {
        case reading, checking, parsing, validating, indexing, done
    }

    private let phaseValue = Atomic<Int>(0)
    private let doneValue = Atomic<Int>(0)
    private let totalValue = Atomic<Int>(0)
    /// Told of each new phase and each whole percent of one (on the loading thread).
    private let observer: (@Sendable (LoadProgress) -> Void)?
    private let lastTold = Atomic<Int>(-1)

    public init(observer: (@Sendable (LoadProgress) -> Void)? = nil) {
        self.observer = observer
    }

    public var phase: Phase { Phase(rawValue: phaseValue.load(ordering: .acquiring)) ?? .done }

    /// The fraction of the current phase done, when it is measurable.
    public var fraction: Double? {
        let total = totalValue.load(ordering: .relaxed)
        guard total > 0 else { return nil }
        return min(1, Double(doneValue.load(ordering: .relaxed)) / Double(total))
    }

    public func start(_ phase: Phase, total: Int = 0) {
        doneValue.store(0, ordering: .relaxed)
        totalValue.store(total, ordering: .relaxed)
        phaseValue.store(phase.rawValue, ordering: .releasing)
        tell()
    }

    public func advance(to done: Int) {
        doneValue.store(done, ordering: .relaxed)
        tell()
    }

    private func tell() {
        guard let observer else { return }
        let percent = fraction.map { Int($0 * 100) } ?? 101
        let now = phaseValue.load(ordering: .relaxed) * 1000 + percent
        if lastTold.exchange(now, ordering: .relaxed) != now { observer(self) }
    }
}
