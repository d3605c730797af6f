import FestivalPlanner
import FestivalSynthetic
import Foundation

/// `festival-bench --plan`: the planner on generated festivals (until the catalog has
/// screenings): `films` films shown three times each over `days` days at `venues` venues,
/// 10:00 to midnight, runtimes 75–150 minutes, `wanted` of them with a priority 1–5. Prints
/// the median time of five solves, the plan's weight, whether it is proven, and the greedy
/// rule's weight beside it.
enum PlanBench {
    static func run() {
        for (films, days, venues, wanted) in [(300, 10, 15, 120), (1_000, 10, 30, 400)] {
            let instance = generate(films: films, days: days, venues: venues, wanted: wanted, seed: 2025)
            var times: [Double] = []
            var plan: Plan?
            for _ in 0..<5 {
                let t = Clock.now()
                if case .success(let p) = Planner.solve(instance, deadline: Date().addingTimeInterval(2)) { plan = p }
                times.append(Clock.since(t))
            }
            times.sort()
            let greedy = Planner.greedy(instance)
            guard let plan else { print("\(films) films: no plan"); continue }
            print("plan, \(films) films / \(instance.screenings.count) screenings / \(venues) venues / \(wanted) wanted: "
                  + "median \(Measure.fmt(times[2])) ms, weight \(plan.weight)\(plan.proven ? " (proven)" : " (bound \(plan.bound))"), "
                  + "\(plan.chosen.count) screenings, travel \(plan.travel) min; greedy weight \(greedy.weight)")
        }
    }

    static func generate(films: Int, days: Int, venues: Int, wanted: Int, seed: UInt64) -> PlanInstance {
        var random = SyntheticRandom(seed: seed, stream: 0)
        func next(_ range: ClosedRange<Int>) -> Int { random.int(in: range) }
        var screenings: [PlanInstance.Screening] = []
        for film in 0..<films {
            let runtime = next(75...150)
            for _ in 0..<3 {
                let start = next(0...(days - 1)) * 1_440 + 600 + next(0...48) * 15
                screenings.append(.init(film: film, start: start, end: start + runtime, venue: next(0...(venues - 1)),
                                        late: (start + runtime) % 1_440 > 1_380))
            }
        }
        let weights = (0..<films).map { $0 < wanted ? PlanWeights.weight(priority: next(1...5)) : 0 }
        return PlanInstance(screenings: screenings, weights: weights)
    }
}
