import Foundation

/// A chosen set of screenings and what it is worth.
public struct Plan: Sendable, Equatable {
    /// Indices into the instance's screenings, in time order.
    public var chosen: [Int]
    /// The total weight of the films seen.
    public var weight: Int
    /// The minutes of travel between one chosen screening and the next.
    public var travel: Int
    /// How many chosen screenings end late.
    public var lateNights: Int
    /// True when the search finished: no plan is better (by weight, then less travel, then
    /// fewer late nights).
    public var proven: Bool
    /// The most weight any plan can reach, as far as the search could tell (the weight
    /// itself when proven).
    public var bound: Int

    /// Better by the planner's order: more weight, then less travel, then fewer late nights.
    func beats(_ other: Plan) -> Bool {
        (weight, -travel, -lateNights) > (other.weight, -other.travel, -other.lateNights)
    }
}

/// The exact planner: at most one screening of each film (but for held tickets, which are
/// all kept, even two of one film), each reachable from the one before it, at most
/// `maxPerDay` a day, the total weight as high as it can be; among plans of that weight the
/// least travel, then the fewest late nights.
///
/// Branch and bound on films (`Search`): at each node a Lagrangian bound over the chain
/// relaxation with exact travel (`ChainRelaxation`), each relaxed chain repaired into a plan
/// (`repair`); a film the chain sees twice is branched on, one child per screening of it and
/// one without it. The search starts from the greedy plan (`greedy`), and stops at `deadline`
/// with the best plan found and the root's bound.
public enum Planner {
    /// The best plan, proven unless `deadline` came first; a `PlanConflict` when the held
    /// tickets alone break a rule.
    public static func solve(_ instance: PlanInstance, deadline: Date = .distantFuture) -> Result<Plan, PlanConflict> {
        var search = Search(instance, deadline: deadline)
        return search.run()
    }

    /// Festival Fanatic's rule, for comparison: films by weight, then fewest screenings, each
    /// taking its first screening that fits with those taken so far (tickets first).
    public static func greedy(_ instance: PlanInstance) -> Plan {
        let screenings = instance.screenings
        var byFilm: [Int: [Int]] = [:]
        for (i, s) in screenings.enumerated() { byFilm[s.film, default: []].append(i) }
        var chosen: [Int] = screenings.indices.filter { screenings[$0].ticketed }
        var seen = Set(chosen.map { screenings[$0].film })
        let films = byFilm.keys.filter { !seen.contains($0) && instance.weights[$0] > 0 }
            .sorted { (instance.weights[$0], -byFilm[$0]!.count, -$0) > (instance.weights[$1], -byFilm[$1]!.count, -$1) }
        for film in films {
            for i in byFilm[film]!.sorted(by: { screenings[$0].start < screenings[$1].start }) where fits(i, chosen, instance) {
                chosen.append(i)
                seen.insert(film)
                break
            }
        }
        return evaluate(chosen, instance, proven: false, bound: 0)
    }

    /// Whether screening `i` can join `chosen` (its neighbours in time order can reach it and
    /// it them, and its day has room).
    static func fits(_ i: Int, _ chosen: [Int], _ instance: PlanInstance) -> Bool {
        let s = instance.screenings[i]
        return chosen.allSatisfy { j in
            let o = instance.screenings[j]
            return o.start <= s.start ? instance.canFollow(o, s) : instance.canFollow(s, o)
        } && instance.maxPerDay.map { limit in chosen.count { instance.screenings[$0].day == s.day } < limit } ?? true
    }

    /// The plan these screenings make: sorted, weighed, travel and late nights counted.
    static func evaluate(_ chosen: [Int], _ instance: PlanInstance, proven: Bool, bound: Int) -> Plan {
        let s = instance.screenings
        let ordered = chosen.sorted { (s[$0].start, s[$0].end, $0) < (s[$1].start, s[$1].end, $1) }
        var travel = 0
        for (a, b) in zip(ordered, ordered.dropFirst()) { travel += instance.travel.minutes(from: s[a].venue, to: s[b].venue) }
        let weight = Set(ordered.map { s[$0].film }).reduce(0) { $0 + instance.weights[$1] }
        return Plan(chosen: ordered, weight: weight, travel: travel, lateNights: ordered.filter { s[$0].late }.count,
                    proven: proven, bound: max(bound, weight))
    }
}
