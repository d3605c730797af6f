import Foundation
import Testing
@testable import FestivalPlanner
import FestivalSynthetic

/// The planner against every subset of small random instances (drawn from the synthetic
/// catalogs' deterministic generator, so a failure names its seed): the same best plan (by
/// weight, then travel, then late nights) whenever one exists, and the same verdict when
/// held tickets cannot all be kept.
@Suite struct PlannerTests {
    /// `count` screenings of up to `films` films over one day, at up to 3 venues; a third with
    /// no day limit, a third with a limit of 0 to 3 a day over days of 5 hours, a third with
    /// that limit over days drawn at random (not in time order: as time zones can make them).
    static func instance(seed: UInt64, count: Int, films: Int) -> PlanInstance {
        var random = SyntheticRandom(seed: seed, stream: 0)
        let screenings = (0..<count).map { _ -> PlanInstance.Screening in
            let start = random.int(in: 0...60) * 15
            let length = random.int(in: 4...12) * 15
            return .init(film: random.int(in: 0...(films - 1)), start: start, end: start + length, venue: random.int(in: 0...2),
                         ticketed: random.int(in: 0...19) == 0, late: random.int(in: 0...4) == 0)
        }
        let weights = (0..<films).map { _ in PlanWeights.weight(priority: random.int(in: 0...5)) }
        var pairs: [Int: [Int: Int]] = [:]
        if random.int(in: 0...1) == 0 { pairs[0] = [2: random.int(in: 0...60)] }
        let travel = TravelTimes(sameVenue: random.int(in: 0...15), betweenVenues: random.int(in: 10...40), pairs: pairs)
        var instance = PlanInstance(screenings: screenings, weights: weights, travel: travel)
        let mode = random.int(in: 0...2)
        if mode > 0 {
            instance.maxPerDay = random.int(in: 0...9) == 0 ? 0 : random.int(in: 1...3)
            for k in instance.screenings.indices {
                instance.screenings[k].day = mode == 1 ? instance.screenings[k].start / 300 : random.int(in: 0...2)
            }
        }
        return instance
    }

    /// Every subset: the best feasible plan's (weight, travel, late), or nil when no subset
    /// keeps every ticket.
    static func exhaustive(_ instance: PlanInstance) -> (weight: Int, travel: Int, late: Int)? {
        let s = instance.screenings
        var best: (weight: Int, travel: Int, late: Int)?
        for mask in 0..<(1 << s.count) {
            let chosen = s.indices.filter { mask & (1 << $0) != 0 }
            guard s.indices.allSatisfy({ !s[$0].ticketed || chosen.contains($0) }) else { continue }
            // One screening a film, but for tickets (every one is kept, even two of one film).
            let ticketFilms = Set(chosen.filter { s[$0].ticketed }.map { s[$0].film })
            let others = chosen.filter { !s[$0].ticketed }.map { s[$0].film }
            guard Set(others).count == others.count, ticketFilms.isDisjoint(with: others) else { continue }
            guard chosen.allSatisfy({ s[$0].ticketed || instance.weights[s[$0].film] > 0 }) else { continue }
            if let limit = instance.maxPerDay {
                guard Dictionary(grouping: chosen, by: { s[$0].day }).values.allSatisfy({ $0.count <= limit }) else { continue }
            }
            let ordered = chosen.sorted { (s[$0].start, s[$0].end, $0) < (s[$1].start, s[$1].end, $1) }
            guard zip(ordered, ordered.dropFirst()).allSatisfy({ instance.canFollow(s[$0], s[$1]) }) else { continue }
            let plan = Planner.evaluate(ordered, instance, proven: true, bound: 0)
            let value = (weight: plan.weight, travel: plan.travel, late: plan.lateNights)
            if best.map({ (value.weight, -value.travel, -value.late) > ($0.weight, -$0.travel, -$0.late) }) ?? true { best = value }
        }
        return best
    }

    @Test func theSolverFindsWhatEveryPlanShows() {
        var compared = 0
        for seed in UInt64(1)...4_000 {
            let instance = Self.instance(seed: seed, count: 5 + Int(seed % 7), films: 3 + Int(seed % 6))
            let expected = Self.exhaustive(instance)
            switch Planner.solve(instance) {
            case .success(let plan):
                guard let expected else { Issue.record("seed \(seed): a plan where none keeps the tickets"); continue }
                #expect(plan.proven && plan.bound == plan.weight, "seed \(seed)")
                #expect((plan.weight, plan.travel, plan.lateNights) == (expected.weight, expected.travel, expected.late),
                        "seed \(seed): \(plan) vs \(expected)")
                // The plan itself is feasible and keeps every ticket.
                let s = instance.screenings
                #expect(zip(plan.chosen, plan.chosen.dropFirst()).allSatisfy { instance.canFollow(s[$0], s[$1]) }, "seed \(seed)")
                #expect(s.indices.allSatisfy { !s[$0].ticketed || plan.chosen.contains($0) }, "seed \(seed)")
                compared += 1
            case .failure:
                #expect(expected == nil, "seed \(seed): tickets said to conflict, but \(String(describing: expected)) keeps them")
            }
        }
        #expect(compared > 2_400)
    }

    /// A priority-5 film outweighs fifteen priority-1 films; doubling per step.
    @Test func weightsDoublePerPriority() {
        #expect((0...5).map(PlanWeights.weight(priority:)) == [0, 1, 2, 4, 8, 16])
        #expect(PlanWeights.weight(priority: 5) > 15 * PlanWeights.weight(priority: 1))
    }

    /// The greedy rule takes the high-priority film's first screening and loses the two others
    /// the exact plan keeps.
    @Test func theExactPlanBeatsTheGreedyOne() {
        let instance = PlanInstance(screenings: [
            .init(film: 0, start: 0, end: 120, venue: 0),     // the 5's first showing blocks both 3s
            .init(film: 0, start: 300, end: 420, venue: 0),
            .init(film: 1, start: 0, end: 90, venue: 1),
            .init(film: 2, start: 110, end: 200, venue: 1),
            .init(film: 2, start: 300, end: 400, venue: 1),
        ], weights: [16, 4, 4])
        let greedy = Planner.greedy(instance)
        guard case .success(let exact) = Planner.solve(instance) else { Issue.record("no plan"); return }
        #expect(greedy.weight == 20 && exact.weight == 24 && exact.proven)
        #expect(exact.chosen == [2, 3, 1])
    }

    @Test func ticketsThatCannotBothBeKeptAreSaid() {
        let instance = PlanInstance(screenings: [
            .init(film: 0, start: 0, end: 100, venue: 0, ticketed: true),
            .init(film: 1, start: 90, end: 200, venue: 1, ticketed: true),
        ], weights: [1, 1])
        #expect(Planner.solve(instance) == .failure(PlanConflict(first: 0, second: 1)))
    }

    /// Two tickets on a day that allows one: the day is named; a screening's day defaults to
    /// its UTC day, so the third (the next day) is planned beside the tickets' day otherwise.
    @Test func aDayWithMoreTicketsThanTheLimitIsSaid() {
        var instance = PlanInstance(screenings: [
            .init(film: 0, start: 600, end: 700, venue: 0, ticketed: true),
            .init(film: 1, start: 800, end: 900, venue: 0, ticketed: true),
            .init(film: 2, start: 2_040, end: 2_100, venue: 0),
        ], weights: [1, 1, 4], maxPerDay: 1)
        #expect(instance.screenings.map(\.day) == [0, 0, 1])
        #expect(Planner.solve(instance) == .failure(PlanConflict(day: 0, limit: 1, tickets: [0, 1])))
        instance.maxPerDay = 2
        guard case .success(let plan) = Planner.solve(instance) else { Issue.record("no plan"); return }
        #expect(plan.chosen == [0, 1, 2] && plan.proven)
    }

    /// A deadline already past returns the greedy plan, unproven, with the bound it could tell.
    @Test func aDeadlineGivesTheBestFoundAndTheBound() {
        let instance = Self.instance(seed: 7, count: 12, films: 6)
        guard case .success(let plan) = Planner.solve(instance, deadline: .distantPast) else { return }
        // The first check is after 1,024 nodes: a small search may finish first.
        #expect(plan.bound >= plan.weight)
        if !plan.proven { #expect(plan.weight >= Planner.greedy(instance).weight) }
    }
}
