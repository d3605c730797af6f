/// The chain relaxation: the best chain of screenings with exact travel, each screening
/// worth what the caller says (films may repeat: that is what is relaxed), every forced
/// screening on it, and at most `maxPerDay` in a row of one day.
///
/// Dynamic programming from the last position back: `f(p, c)` is the best chain that
/// starts at p as the c-th of a run of its day. Its next screening is found per venue in
/// O(1): each venue's list (by falling position) keeps running maxima, so the successors
/// that can be reached, a prefix (`PlanGraph.reach`), give theirs at one index. The maxima
/// keep the best two of different days (a successor of another day starts a new run), and
/// lists by venue and day give the best next of the same day at each run length. A forced
/// screening restarts every list: no chain may jump past it. O(positions · venues · limit).
///
/// Runs count one day's screenings that follow one another in the chain; when the days
/// follow time (one time zone) that is the day's count, else a chain may hold more than the
/// limit (the search checks).
struct ChainRelaxation {
    let graph: PlanGraph
    /// Run lengths tracked: the day limit, or 1 when there is none.
    let states: Int
    let limited: Bool
    private var f: [Double]
    private var next: [Int32]
    /// Per venue-list slot, since the last restart: the best `f(·, 1)`, its day and position,
    /// and the best of a day other than that one, its position.
    private var best1: [Double], best2: [Double]
    private var day1: [Int32], arg1: [Int32], arg2: [Int32]
    /// Per run length c in 2...states, per venue-and-day slot: the best `f(·, c)` since the
    /// list's last restart, and its position.
    private var same: [Double], sameArg: [Int32]
    private var base: [Int], sameBase: [Int], filled: [Int], sameFilled: [Int]
    private let travelCost: [Double]

    init(_ graph: PlanGraph) {
        self.graph = graph
        limited = graph.maxPerDay != nil
        states = max(graph.maxPerDay ?? 1, 1)
        let n = graph.count
        f = [Double](repeating: 0, count: n * states)
        next = [Int32](repeating: -1, count: n * states)
        best1 = [Double](repeating: 0, count: n)
        best2 = best1
        day1 = [Int32](repeating: 0, count: n)
        arg1 = day1
        arg2 = day1
        same = [Double](repeating: 0, count: n * max(states - 1, 0))
        sameArg = [Int32](repeating: 0, count: same.count)
        base = [Int](repeating: 0, count: graph.venueCount)
        filled = base
        sameBase = [Int](repeating: 0, count: graph.venueCount * graph.dayCount)
        sameFilled = sameBase
        travelCost = graph.minutes.map { Double($0 * graph.travelUnit) }
    }

    /// The best chain's value (−∞ when the forced screenings fit in no chain) and its
    /// positions. `value[p]` is p's worth; excluded positions are never chosen.
    mutating func solve(value: [Double], excluded: [Bool], forced: [Bool]) -> (value: Double, path: [Int]) {
        let g = graph, n = g.count, V = g.venueCount, D = g.dayCount, K = states
        if graph.maxPerDay == 0 {
            return forced.contains(true) ? (-.infinity, []) : (0, [])
        }
        for v in 0..<V {
            filled[v] = g.venueStart[v]
            base[v] = g.venueStart[v]
        }
        for k in 0..<(V * D) {
            sameFilled[k] = g.sameStart[k]
            sameBase[k] = g.sameStart[k]
        }
        var lastForced = -1
        for p in stride(from: n - 1, through: 0, by: -1) where forced[p] { lastForced = p; break }
        var bestValue = [Double](repeating: 0, count: K)
        var bestNext = [Int32](repeating: -1, count: K)
        for p in stride(from: n - 1, through: 0, by: -1) {
            let v = g.venue[p], d = g.day[p]
            if excluded[p] {
                for c in 0..<K { f[p * K + c] = -.infinity }
            } else {
                let ending = p >= lastForced ? 0.0 : -.infinity
                for c in 0..<K { bestValue[c] = ending; bestNext[c] = -1 }
                let row = p * V, costRow = v * V
                for u in 0..<V {
                    let cost = travelCost[costRow + u]
                    let k = g.venueStart[u] + Int(g.reach[row + u])
                    if k > base[u] {
                        let s = k - 1
                        let other: Double, arg: Int32
                        if !limited || day1[s] != Int32(d) { other = best1[s]; arg = arg1[s] } else { other = best2[s]; arg = arg2[s] }
                        let candidate = other - cost
                        for c in 0..<K where candidate > bestValue[c] { bestValue[c] = candidate; bestNext[c] = arg }
                    }
                    if K > 1 {
                        let key = u * D + d
                        let ks = g.sameStart[key] + Int(g.reachSame[row + u])
                        if ks > sameBase[key] {
                            let s = ks - 1
                            for c in 0..<(K - 1) {
                                let candidate = same[c * n + s] - cost
                                if candidate > bestValue[c] { bestValue[c] = candidate; bestNext[c] = sameArg[c * n + s] }
                            }
                        }
                    }
                }
                for c in 0..<K {
                    f[p * K + c] = value[p] + bestValue[c]
                    next[p * K + c] = bestNext[c]
                }
            }
            // A forced screening: nothing before it may reach past it.
            if forced[p] {
                for u in 0..<V { base[u] = filled[u] }
                for k in 0..<(V * D) { sameBase[k] = sameFilled[k] }
            }
            let s = filled[v]
            filled[v] += 1
            let value1 = f[p * K]
            if s == base[v] {
                best1[s] = value1; day1[s] = Int32(d); arg1[s] = Int32(p); best2[s] = -.infinity; arg2[s] = -1
            } else {
                best1[s] = best1[s - 1]; day1[s] = day1[s - 1]; arg1[s] = arg1[s - 1]; best2[s] = best2[s - 1]; arg2[s] = arg2[s - 1]
                if Int32(d) == day1[s] {
                    if value1 > best1[s] { best1[s] = value1; arg1[s] = Int32(p) }
                } else if value1 > best1[s] {
                    best2[s] = best1[s]; arg2[s] = arg1[s]
                    best1[s] = value1; day1[s] = Int32(d); arg1[s] = Int32(p)
                } else if value1 > best2[s] {
                    best2[s] = value1; arg2[s] = Int32(p)
                }
            }
            if K > 1 {
                let key = v * D + d
                let ss = sameFilled[key]
                sameFilled[key] += 1
                for c in 0..<(K - 1) {
                    let x = f[p * K + c + 1]
                    if ss == sameBase[key] || x > same[c * n + ss - 1] {
                        same[c * n + ss] = x; sameArg[c * n + ss] = Int32(p)
                    } else {
                        same[c * n + ss] = same[c * n + ss - 1]; sameArg[c * n + ss] = sameArg[c * n + ss - 1]
                    }
                }
            }
        }
        // The chain's first screening: any since the last restart (none past the first forced).
        var total = lastForced < 0 ? 0.0 : -.infinity
        var first: Int32 = -1
        for u in 0..<V where filled[u] > base[u] {
            let s = filled[u] - 1
            if best1[s] > total { total = best1[s]; first = arg1[s] }
        }
        guard total > -.infinity else { return (-.infinity, []) }
        var path: [Int] = []
        var p = Int(first), c = 0
        while p >= 0 {
            path.append(p)
            let q = Int(next[p * K + c])
            if q >= 0 { c = limited && g.day[q] == g.day[p] ? c + 1 : 0 }
            p = q
        }
        return (total, path)
    }
}
