import FestivalCatalog
import FestivalLibrary
import FestivalPlanner
import FestivalSchedule
import FestivalSynthetic
import Foundation

/// `festival-bench --plan`: the planner on generated festivals (until the catalog has
/// screenings): `films` films shown three times each over `days` days at `venues` venues,
/// 10:00 to midnight, runtimes 75–150 minutes, `wanted` of them with a priority 1–5. For
/// each: the median time of five solves (2 s deadline), the plan (weight, travel, late
/// nights; proven, or the gap to the bound), the greedy rule's weight, and an OR-Tools MIP
/// (SCIP) on the same instance (`PlanPeer`), and whether the two agree on the optimum.
enum PlanBench {
    /// `--seeds N` instances of each size (5); the peer on the first `--peer-seeds N` of them
    /// (all), `--no-peer` on none.
    static func run(_ arguments: [String]) {
        func option(_ name: String) -> Int? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } }
        let seeds = option("--seeds") ?? 5, peerSeeds = option("--peer-seeds") ?? seeds
        let peerMissing = arguments.contains("--no-peer") ? "--no-peer" : PlanPeer.unavailable()
        if let peerMissing { print("plan: no peer comparison: \(peerMissing)") }
        catalogFestival()
        var agreed = 0, compared = 0
        for (films, days, venues, wanted, limit) in [(300, 10, 15, 120, nil), (1_000, 10, 30, 400, nil), (1_000, 10, 30, 400, 4)] as [(Int, Int, Int, Int, Int?)] {
            print("plan, \(films) films / \(films * 3) screenings / \(venues) venues / \(wanted) wanted"
                  + (limit.map { ", at most \($0) a day" } ?? "") + ":")
            for seed in UInt64(2025)..<UInt64(2025 + seeds) {
                var instance = generate(films: films, days: days, venues: venues, wanted: wanted, seed: seed)
                instance.maxPerDay = limit
                var times: [Double] = []
                var plan: Plan?
                for _ in 0..<5 {
                    let t = Clock.now()
                    if case .success(let p) = Planner.solve(instance, deadline: Date().addingTimeInterval(2)) { plan = p }
                    times.append(Clock.since(t))
                }
                times.sort()
                guard let plan else { print("  seed \(seed): no plan"); continue }
                let greedy = Planner.greedy(instance)
                var line = "  seed \(seed): ours \(Measure.fmt(times[2])) ms, weight \(plan.weight) travel \(plan.travel) late \(plan.lateNights) "
                    + (plan.proven ? "(proven)" : "(gap \(plan.bound - plan.weight): bound \(plan.bound))")
                    + "; greedy \(greedy.weight) (+\(plan.weight - greedy.weight))"
                if peerMissing == nil && seed < 2025 + UInt64(peerSeeds) {
                    if let peer = PlanPeer.solve(instance, name: "\(films)-\(limit.map(String.init) ?? "any")-\(seed)") {
                        let same = (peer.weight, peer.travel, peer.late) == (plan.weight, plan.travel, plan.lateNights)
                        let both = plan.proven && peer.status == "OPTIMAL"
                        if both { compared += 1 }
                        if both && same { agreed += 1 }
                        line += "; \(peer.solver) \(Measure.fmt(peer.seconds * 1_000)) ms, weight \(peer.weight) travel \(peer.travel) late \(peer.late) "
                            + "(\(peer.status)); MIP/ours \(String(format: "%.1f", peer.seconds * 1_000 / times[2])); "
                            + (same ? "agree" : both ? "DISAGREE" : "differ, not both proven")
                    } else {
                        line += "; MIP failed"
                    }
                }
                print(line)
                fflush(nil)
            }
        }
        if peerMissing == nil { print("plan: ours and the MIP agree on \(agreed) of \(compared) instances both proved (weight, travel, late nights)") }
    }

    /// The whole path a user takes: a `festival generate --films 300 --venues 15 --days 10`
    /// catalog (its screenings laid out venue by venue, as a festival's are), priorities 1–5
    /// on 120 films in a shelf, the problem made from them (`PlanProblem`) and solved.
    static func catalogFestival() {
        let catalog = CatalogGenerator(films: 300, quotes: 0, seed: 2025,
                                       schedule: SyntheticSchedule(venues: 15, days: 10, screeningsPerFilm: 3)).catalog()
        var random = SyntheticRandom(seed: 2025, stream: 9)
        var shelf = Shelf()
        for film in catalog.films.prefix(120) { shelf.setPriority(film: film.id, random.int(in: 1...5), at: Date(timeIntervalSince1970: 0)) }
        var build: [Double] = [], solve: [Double] = []
        var outcome: PlanOutcome?
        for _ in 0..<5 {
            let t = Clock.now()
            let problem = PlanProblem(catalog: catalog, timetable: Timetable(catalog: catalog), shelf: shelf, request: PlanRequest())
            build.append(Clock.since(t))
            let s = Clock.now()
            outcome = try? problem.solve(catalog: catalog, shelf: shelf, timeLimit: 2).get()
            solve.append(Clock.since(s))
        }
        build.sort()
        solve.sort()
        guard let outcome else { print("plan, generated catalog: no plan"); return }
        print("plan, festival generate catalog (300 films, \(catalog.screenings.count) screenings, 15 venues, 10 days, 120 wanted): "
              + "problem \(Measure.fmt(build[2])) ms, solve \(Measure.fmt(solve[2])) ms (medians of 5), weight \(outcome.weight) "
              + (outcome.proven ? "(proven)" : "(bound \(outcome.bound))") + ", \(outcome.picks.count) screenings, travel \(outcome.travelMinutes) min, "
              + "\(outcome.leftOut.count) wanted films left out")
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
