extension Planner.Search {
    /// Turns a relaxed chain into a plan and offers it as the incumbent: a film's later
    /// showings dropped, then screenings the drops left unreachable and a full day's lightest,
    /// then the unseen films, heaviest first, each inserted where it adds the least travel.
    mutating func repair(_ path: [Int]) {
        let g = graph
        var seen = Set<Int>()
        var chain = path.filter { g.ticketed[$0] || seen.insert(g.film[$0]).inserted }
        var changed = true
        while changed {
            changed = false
            var k = 1
            while k < chain.count {
                if g.canFollow(chain[k - 1], chain[k]) { k += 1; continue }
                chain.remove(at: g.ticketed[chain[k]] ? k - 1 : k)
                changed = true
                k = max(k - 1, 1)
            }
            if let limit = g.maxPerDay {
                var perDay: [Int: [Int]] = [:]
                for (k, p) in chain.enumerated() where !g.ticketed[p] { perDay[g.day[p], default: []].append(k) }
                var drop: [Int] = []
                for (day, ks) in perDay {
                    let over = chain.count { g.day[$0] == day } - limit
                    if over > 0 { drop += ks.sorted { g.gain[chain[$0]] < g.gain[chain[$1]] }.prefix(over) }
                }
                for k in drop.sorted(by: >) { chain.remove(at: k); changed = true }
            }
        }
        seen = Set(chain.map { g.film[$0] })
        var perDay: [Int: Int] = [:]
        for p in chain { perDay[g.day[p], default: 0] += 1 }
        let unseen = g.filmPositions.indices.filter { !seen.contains($0) && !g.filmTicketed[$0] }
            .sorted { g.gain[g.filmPositions[$0][0]] > g.gain[g.filmPositions[$1][0]] }
        for film in unseen {
            var best: (cost: Int, at: Int, p: Int)?
            for p in g.filmPositions[film] {
                if let limit = g.maxPerDay, perDay[g.day[p], default: 0] >= limit { continue }
                // Where p goes in time order.
                var lo = 0, hi = chain.count
                while lo < hi { let mid = (lo + hi) / 2; if chain[mid] < p { lo = mid + 1 } else { hi = mid } }
                let before = lo > 0 ? chain[lo - 1] : nil, after = lo < chain.count ? chain[lo] : nil
                if let before, !g.canFollow(before, p) { continue }
                if let after, !g.canFollow(p, after) { continue }
                var cost = 0
                if let before { cost += g.trip(before, p) }
                if let after { cost += g.trip(p, after) }
                if let before, let after { cost -= g.trip(before, after) }
                cost = cost * g.travelUnit - g.gain[p]
                if best.map({ cost < $0.cost }) ?? true { best = (cost, lo, p) }
            }
            if let best {
                chain.insert(best.p, at: best.at)
                perDay[g.day[best.p], default: 0] += 1
            }
        }
        consider(chain)
    }
}
