import Foundation

extension Planner {
    /// One run of the branch and bound (see `Planner`).
    struct Search {
        let graph: PlanGraph
        let deadline: Date
        var relaxation: ChainRelaxation
        /// Per position: kept out of, or forced into, every plan below the current node.
        var excluded: [Bool], forced: [Bool]
        /// Per film: how many of its screenings are forced (a film with one is not relaxed).
        var forcedCount: [Int]
        /// The best plan found (positions in time order) and its score.
        var incumbent: [Int] = []
        var incumbentScore = Int.min
        var rootBound = Double.infinity
        var nodes = 0
        var timedOut = false
        /// Slack on bounds for the rounding of sums of doubles (scores are integers far below 2^53).
        let epsilon = 1e-3

        init(_ instance: PlanInstance, deadline: Date) {
            let graph = PlanGraph(instance)
            self.graph = graph
            self.deadline = deadline
            relaxation = ChainRelaxation(graph)
            excluded = [Bool](repeating: false, count: graph.count)
            forced = graph.ticketed
            forcedCount = graph.filmPositions.map { $0.count { graph.ticketed[$0] } }
        }

        mutating func run() -> Result<Plan, PlanConflict> {
            let g = graph, s = g.instance.screenings
            // Tickets must be kept: they must fit together in time order, and in each day.
            let tickets = g.order.indices.filter { g.ticketed[$0] }
            for (a, b) in zip(tickets, tickets.dropFirst()) where !g.canFollow(a, b) {
                return .failure(PlanConflict(first: g.order[a], second: g.order[b]))
            }
            if let limit = g.maxPerDay {
                var byDay: [Int: [Int]] = [:]
                for p in tickets { byDay[g.day[p], default: []].append(g.order[p]) }
                if let (day, held) = byDay.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > limit }) {
                    return .failure(PlanConflict(day: g.dayValue[day], limit: limit, tickets: held))
                }
            }
            consider(Planner.greedy(g.instance).chosen.compactMap { i in g.order.firstIndex(of: i) })
            consider(tickets)
            var lambda = graph.filmPositions.indices.map { Double(graph.gain[graph.filmPositions[$0][0]] > 0 ? graph.weightUnit : 0) / 2 }
            explore(lambda: &lambda, depth: 0)
            var plan = Planner.evaluate(incumbent.map { g.order[$0] }, g.instance, proven: !timedOut, bound: 0)
            if timedOut {
                // The weight no plan can pass: a plan of weight w scores above (w - 1) · weightUnit.
                // Before the root's bound is known: every film seen.
                var bound = Set(g.order.map { s[$0].film }).reduce(0) { $0 + g.instance.weights[$1] }
                if rootBound < Double(bound * g.weightUnit) {
                    let score = (rootBound + epsilon).rounded(.down)
                    bound = Int(((score + Double(g.weightUnit) - 1) / Double(g.weightUnit)).rounded(.down))
                }
                plan.bound = max(plan.weight, bound)
            }
            return .success(plan)
        }

        /// The score of a plan (positions in time order), nil when it breaks a rule.
        func score(_ chain: [Int]) -> Int? {
            let g = graph
            var films = Set<Int>(), perDay: [Int: Int] = [:]
            var weight = 0, travel = 0, late = 0
            for (k, p) in chain.enumerated() {
                if films.insert(g.film[p]).inserted { weight += g.instance.weights[g.instance.screenings[g.order[p]].film] }
                else if !g.ticketed[p] { return nil }
                if g.instance.screenings[g.order[p]].late { late += 1 }
                perDay[g.day[p], default: 0] += 1
                if k > 0 {
                    guard g.canFollow(chain[k - 1], p) else { return nil }
                    travel += g.trip(chain[k - 1], p)
                }
            }
            if let limit = g.maxPerDay, perDay.values.contains(where: { $0 > limit }) { return nil }
            guard chain.count(where: { g.ticketed[$0] }) == g.ticketed.count(where: { $0 }) else { return nil }
            return weight * g.weightUnit - travel * g.travelUnit - late
        }

        /// Makes `chain` the incumbent when it is a plan that scores higher.
        mutating func consider(_ chain: [Int]) {
            if let value = score(chain), value > incumbentScore {
                incumbent = chain
                incumbentScore = value
            }
        }

        /// Whether a film's one-screening rule is relaxed at this node (no ticket, nothing forced).
        func relaxed(_ film: Int) -> Bool { !graph.filmTicketed[film] && forcedCount[film] == 0 }

        /// The Lagrangian bound at this node: each relaxed film's rule moved into the score with
        /// a multiplier λ ≥ 0, the rest solved exactly by `ChainRelaxation`; for any λ the chain's
        /// value plus the λs bounds every plan below the node. Projected subgradient steps
        /// (Polyak's length, halved when the bound stalls) lower it; each chain is repaired into a
        /// plan. Returns the least bound (−∞: no plan) with its chain; `lambda` becomes its λ.
        mutating func bound(lambda: inout [Double], iterations: Int, repairEvery: Int) -> (bound: Double, path: [Int]) {
            let g = graph
            let films = g.filmPositions.indices.filter { relaxed($0) && g.filmPositions[$0].contains { !excluded[$0] } }
            var value = [Double](repeating: 0, count: g.count)
            var best = Double.infinity, bestPath: [Int] = [], bestLambda = lambda
            var theta = 1.0, stalled = 0
            var count = [Int](repeating: 0, count: g.filmPositions.count)
            for iteration in 0..<iterations {
                for p in 0..<g.count { value[p] = Double(g.gain[p]) - (relaxed(g.film[p]) ? lambda[g.film[p]] : 0) }
                let (chain, path) = relaxation.solve(value: value, excluded: excluded, forced: forced)
                guard chain > -.infinity else { return (-.infinity, []) }
                let bound = chain + films.reduce(0) { $0 + lambda[$1] }
                if bound < best - 1e-9 {
                    best = bound; bestPath = path; bestLambda = lambda; stalled = 0
                } else {
                    stalled += 1
                    if stalled >= 5 { theta /= 2; stalled = 0 }
                }
                if iteration % repairEvery == 0 || iteration == iterations - 1 { repair(path) }
                let target = Double(incumbentScore) + 1
                if best < target - epsilon || theta < 1e-3 { break }
                for p in path { count[g.film[p]] += 1 }
                var norm = 0.0
                for f in films {
                    let gradient = 1 - Double(count[f])
                    if gradient > 0 && lambda[f] <= 0 { continue }
                    norm += gradient * gradient
                }
                if norm == 0 {
                    for p in path { count[g.film[p]] = 0 }
                    break
                }
                let step = theta * (bound - target) / norm
                for f in films { lambda[f] = max(0, lambda[f] - step * (1 - Double(count[f]))) }
                for p in path { count[g.film[p]] = 0 }
                if Date() >= deadline { timedOut = true; break }
            }
            lambda = bestLambda
            return (best, bestPath)
        }

        /// Branch and bound below the current node (its exclusions and forced screenings).
        mutating func explore(lambda: inout [Double], depth: Int) {
            nodes += 1
            if timedOut || Date() >= deadline { timedOut = true; return }
            let (bound, path) = bound(lambda: &lambda, iterations: depth == 0 ? 400 : 20, repairEvery: depth == 0 ? 1 : 10)
            if depth == 0 { rootBound = bound }
            if bound < Double(incumbentScore) + 1 - epsilon || timedOut { return }
            let g = graph
            var count: [Int: Int] = [:]
            for p in path { count[g.film[p], default: 0] += 1 }
            // A film the chain sees twice, the heaviest; else one whose λ the chain leaves unused.
            let twice = count.filter { relaxed($0.key) && $0.value > 1 }.keys
                .max { (g.instance.weights[g.instance.screenings[g.order[g.filmPositions[$0][0]]].film], $0) < (g.instance.weights[g.instance.screenings[g.order[g.filmPositions[$1][0]]].film], $1) }
            if let film = twice ?? dayOverflow(path).map({ g.film[$0] }) ?? unusedMultiplier(lambda, count) {
                branch(on: film, path: path, lambda: lambda, depth: depth)
            } else {
                // The chain is a plan and no multiplier is left unused: it is this node's best.
                consider(path)
            }
        }

        /// A screening of the chain on a day that holds more than the limit (runs of one day
        /// apart in time), not forced; nil when every day keeps the limit.
        func dayOverflow(_ path: [Int]) -> Int? {
            guard let limit = graph.maxPerDay else { return nil }
            var perDay: [Int: Int] = [:]
            for p in path { perDay[graph.day[p], default: 0] += 1 }
            return path.first { !forced[$0] && perDay[graph.day[$0]]! > limit }
        }

        func unusedMultiplier(_ lambda: [Double], _ count: [Int: Int]) -> Int? {
            graph.filmPositions.indices.filter { relaxed($0) && count[$0] == nil && lambda[$0] > epsilon && graph.filmPositions[$0].contains { !excluded[$0] } }
                .max { lambda[$0] < lambda[$1] }
        }

        /// One child for each screening of `film` still open (forced: the film's others
        /// excluded), those on the chain first, and one with the film excluded.
        mutating func branch(on film: Int, path: [Int], lambda: [Double], depth: Int) {
            let open = graph.filmPositions[film].filter { !excluded[$0] && !forced[$0] }
            let onPath = Set(path)
            for p in open.filter({ onPath.contains($0) }) + open.filter({ !onPath.contains($0) }) {
                let others = open.filter { $0 != p }
                for q in others { excluded[q] = true }
                forced[p] = true
                forcedCount[film] += 1
                var child = lambda
                explore(lambda: &child, depth: depth + 1)
                forcedCount[film] -= 1
                forced[p] = false
                for q in others { excluded[q] = false }
                if timedOut { return }
            }
            for q in open { excluded[q] = true }
            var child = lambda
            explore(lambda: &child, depth: depth + 1)
            for q in open { excluded[q] = false }
        }
    }
}
