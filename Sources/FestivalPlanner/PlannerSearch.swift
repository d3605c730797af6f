import Foundation

extension Planner {
    /// One run of the branch and bound (see `Planner`).
    struct Search {
        let instance: PlanInstance
        let deadline: Date
        /// Screening indices in time order (start, then end).
        let order: [Int]
        /// `suffixBound[p]`: the weighted-interval-scheduling optimum of `order[p...]`, films
        /// counted each time they are shown, travel at its least.
        let suffixBound: [Int]
        /// `laterFilms[p]`: the weight of the films shown at `order[p...]`.
        let laterFilms: [Int]
        /// For each film, its last position in `order`.
        let lastPosition: [Int: Int]
        /// For each position, the next position holding a ticket (`order.count` when none).
        let nextTicket: [Int]
        /// For each position, the first position that starts late enough to follow it with
        /// the least travel (positions before it cannot follow).
        let next: [Int]
        let leastTravel: Int
        /// The Lagrangian bound (see `lagrangian`): per film its multiplier, and per position
        /// the interval-scheduling optimum of the suffix with each screening worth its film's
        /// weight less the multiplier, and the multipliers of the films shown in the suffix.
        var multiplier: [Int: Double] = [:]
        var reducedSuffix: [Double] = []
        var laterMultipliers: [Double] = []
        var best: Plan
        var taken: Set<Int> = []
        var path: [Int] = []
        var nodes = 0
        var timedOut = false

        init(_ instance: PlanInstance, deadline: Date) {
            self.instance = instance
            self.deadline = deadline
            let s = instance.screenings
            // Films of weight 0 are planned only when ticketed; a ticketed film's other
            // screenings are never chosen.
            let ticketedFilms = Set(s.filter(\.ticketed).map(\.film))
            order = s.indices.filter { s[$0].ticketed || (instance.weights[s[$0].film] > 0 && !ticketedFilms.contains(s[$0].film)) }
                .sorted { (s[$0].start, s[$0].end, $0) < (s[$1].start, s[$1].end, $1) }
            leastTravel = instance.travel.least
            let n = order.count
            // next[p]: the first position that can start after order[p] ends and the least travel.
            var next = [Int](repeating: n, count: n)
            for p in 0..<n {
                let ready = s[order[p]].end + leastTravel
                var lo = p + 1, hi = n
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if s[order[mid]].start >= ready { hi = mid } else { lo = mid + 1 }
                }
                next[p] = lo
            }
            self.next = next
            var bound = [Int](repeating: 0, count: n + 1)
            for p in stride(from: n - 1, through: 0, by: -1) {
                bound[p] = max(bound[p + 1], instance.weights[s[order[p]].film] + bound[next[p]])
            }
            suffixBound = bound
            var last: [Int: Int] = [:]
            for (p, i) in order.enumerated() { last[s[i].film] = p }
            lastPosition = last
            var later = [Int](repeating: 0, count: n + 1)
            var counted = Set<Int>()
            for p in stride(from: n - 1, through: 0, by: -1) {
                let film = s[order[p]].film
                later[p] = later[p + 1] + (counted.insert(film).inserted ? instance.weights[film] : 0)
            }
            laterFilms = later
            var ticket = [Int](repeating: n, count: n + 1)
            for p in stride(from: n - 1, through: 0, by: -1) { ticket[p] = s[order[p]].ticketed ? p : ticket[p + 1] }
            nextTicket = ticket
            best = Planner.greedy(instance)
            lagrangian()
        }

        /// The suffix optimum of interval scheduling with screening weights `value`, each
        /// screening after the last one chosen by at least the least travel; and which
        /// screenings the whole-order optimum takes.
        func reducedScheduling(_ value: (Int) -> Double) -> (suffix: [Double], taken: [Int]) {
            let n = order.count
            var f = [Double](repeating: 0, count: n + 1)
            for p in stride(from: n - 1, through: 0, by: -1) { f[p] = max(f[p + 1], value(p) + f[next[p]]) }
            var taken: [Int] = []
            var p = 0
            while p < n {
                if value(p) + f[next[p]] > f[p + 1] { taken.append(p); p = next[p] } else { p += 1 }
            }
            return (f, taken)
        }

        /// Lagrangian relaxation of "one screening a film": each film's constraint moved into
        /// the objective with a multiplier λ ≥ 0, so what remains is interval scheduling (exact
        /// by dynamic programming). For any λ, that optimum plus the λs bounds every plan;
        /// subgradient steps lower it. Any λ ≥ 0 is sound at every node: a plan from a
        /// position on is worth at most the reduced suffix optimum plus the λs of its films.
        mutating func lagrangian() {
            let s = instance.screenings
            let films = Set(order.map { s[$0].film })
            var lambda = Dictionary(uniqueKeysWithValues: films.map { ($0, Double(instance.weights[$0]) / 2) })
            var bestBound = Double.infinity
            var bestLambda = lambda
            var scale = 2.0
            var sinceBetter = 0
            for _ in 0..<3_000 {
                let (suffix, taken) = reducedScheduling { p in Double(instance.weights[s[order[p]].film]) - lambda[s[order[p]].film]! }
                let bound = suffix[0] + lambda.values.reduce(0, +)
                if bound < bestBound - 1e-9 {
                    bestBound = bound
                    bestLambda = lambda
                    sinceBetter = 0
                } else {
                    sinceBetter += 1
                    if sinceBetter >= 20 { scale /= 2; sinceBetter = 0 }
                    if scale < 1e-4 { break }
                }
                if bound < Double(best.weight) + 1 { break }
                var count: [Int: Int] = [:]
                for p in taken { count[s[order[p]].film, default: 0] += 1 }
                var norm = 0.0
                for film in films { let g = 1.0 - Double(count[film] ?? 0); norm += g * g }
                guard norm > 0 else { break }
                let step = scale * (bound - Double(max(best.weight, 0))) / norm
                for film in films { lambda[film] = max(0, lambda[film]! - step * (1 - Double(count[film] ?? 0))) }
            }
            multiplier = bestLambda
            reducedSuffix = reducedScheduling { p in Double(instance.weights[s[order[p]].film]) - bestLambda[s[order[p]].film]! }.suffix
            var later = [Double](repeating: 0, count: order.count + 1)
            var counted = Set<Int>()
            for p in stride(from: order.count - 1, through: 0, by: -1) {
                let film = s[order[p]].film
                later[p] = later[p + 1] + (counted.insert(film).inserted ? bestLambda[film]! : 0)
            }
            laterMultipliers = later
        }

        mutating func run() -> Result<Plan, PlanConflict> {
            let s = instance.screenings
            // Tickets must be kept: they must fit together, in time order.
            let tickets = order.filter { s[$0].ticketed }
            for (a, b) in zip(tickets, tickets.dropFirst()) where !instance.canFollow(s[a], s[b]) {
                return .failure(PlanConflict(first: a, second: b))
            }
            let greedyKeepsTickets = tickets.allSatisfy { best.chosen.contains($0) }
            if !greedyKeepsTickets { best = Plan(chosen: [], weight: -1, travel: 0, lateNights: 0, proven: false, bound: 0) }
            let rootBound = min(suffixBound.first ?? 0, laterFilms.first ?? 0,
                                Int(((reducedSuffix.first ?? 0) + (laterMultipliers.first ?? 0) + 1e-6).rounded(.down)))
            extend(from: 0, last: nil, weight: 0, travel: 0, late: 0)
            var plan = best
            plan.proven = !timedOut
            plan.bound = timedOut ? max(rootBound, plan.weight) : plan.weight
            return .success(plan)
        }

        /// Tries every next screening from position `from` on (none past the next ticket),
        /// after `last`, then ending the plan here.
        mutating func extend(from: Int, last: Int?, weight: Int, travel: Int, late: Int) {
            nodes += 1
            if nodes & 1023 == 0, Date() >= deadline { timedOut = true }
            if timedOut { return }
            let s = instance.screenings
            let n = order.count
            let stop = nextTicket[from]
            // Ending here is a plan when no ticket is left.
            if stop == n {
                let plan = Plan(chosen: path, weight: weight, travel: travel, lateNights: late, proven: false, bound: 0)
                if plan.beats(best) { best = Planner.evaluate(path, instance, proven: false, bound: 0) }
            }
            guard from < n else { return }
            // The bound: what the screenings from here could add, at most.
            var unseenLater = laterFilms[from]
            var lambdaLater = laterMultipliers[from]
            for film in taken where (lastPosition[film] ?? -1) >= from {
                unseenLater -= instance.weights[film]
                lambdaLater -= multiplier[film] ?? 0
            }
            let relaxed = Int((reducedSuffix[from] + lambdaLater + 1e-6).rounded(.down))
            let reachable = min(suffixBound[from], unseenLater, relaxed)
            if weight + reachable < best.weight { return }
            if weight + reachable == best.weight && (travel, late) >= (best.travel, best.lateNights) { return }
            for p in from...min(stop, n - 1) {
                let i = order[p]
                let screening = s[i]
                // A film is seen once; only held tickets may show it again (both are kept).
                let seen = taken.contains(screening.film)
                if seen && !screening.ticketed { continue }
                var trip = 0
                if let last {
                    guard instance.canFollow(s[last], screening) else { continue }
                    trip = instance.travel.minutes(from: s[last].venue, to: screening.venue)
                }
                // Positions before next[p] cannot follow this one: a ticket among them would be
                // lost, so this choice cannot lead to a plan.
                if nextTicket[p + 1] < next[p] { continue }
                if !seen { taken.insert(screening.film) }
                path.append(i)
                extend(from: next[p], last: i, weight: weight + (seen ? 0 : instance.weights[screening.film]), travel: travel + trip,
                       late: late + (screening.late ? 1 : 0))
                path.removeLast()
                if !seen { taken.remove(screening.film) }
                if timedOut { return }
            }
        }
    }
}
