/// The screenings the search may choose, in time order ("positions"), with compact films,
/// venues and days, the integer score that orders plans, and the static successor tables
/// that `ChainRelaxation` reads.
///
/// Kept: every ticket, and the screenings of films of positive weight that hold no ticket.
///
/// Score of a plan: `weightUnit · weight − travelUnit · travel − late`, with the units so
/// large that more weight always wins, then less travel, then fewer late nights.
struct PlanGraph {
    let instance: PlanInstance
    /// Per position: the instance's screening index, ordered by (start, end, index).
    let order: [Int]
    let count: Int
    /// Per position: compact film, venue and day; whether ticketed.
    let film: [Int], venue: [Int], day: [Int]
    let ticketed: [Bool]
    /// Per compact film: its positions; whether it holds a ticket (then never relaxed).
    let filmPositions: [[Int]]
    let filmTicketed: [Bool]
    let venueCount: Int, dayCount: Int
    /// The compact day's caller value (for the conflict it names).
    let dayValue: [Int]
    /// `minutes[a * venueCount + b]`: travel from compact venue a to b.
    let minutes: [Int]
    let maxPerDay: Int?
    let weightUnit: Int, travelUnit: Int
    /// Per position: what choosing it adds to the score before travel (its film's weight in
    /// weight units, once per ticketed film, less one if it ends late).
    let gain: [Int]

    /// Venue lists: the positions of each venue by falling position, laid one venue after
    /// another; `venueStart[v]` is where venue v's begins, `slot[p]` is where p stands.
    let venueStart: [Int], slot: [Int]
    /// `reach[p * venueCount + v]`: how many of venue v's list (from its start) can follow p:
    /// they come after p and start once p ends and the trip to v is made.
    let reach: [Int32]
    /// The same for lists by venue and day (`sameStart[v * dayCount + d]`), where `reachSame`
    /// counts within the list of p's own day.
    let sameStart: [Int], sameSlot: [Int]
    let reachSame: [Int32]

    init(_ instance: PlanInstance) {
        self.instance = instance
        let s = instance.screenings
        let ticketFilms = Set(s.filter(\.ticketed).map(\.film))
        order = s.indices.filter { s[$0].ticketed || (instance.weights[s[$0].film] > 0 && !ticketFilms.contains(s[$0].film)) }
            .sorted { (s[$0].start, s[$0].end, $0) < (s[$1].start, s[$1].end, $1) }
        count = order.count
        var filmIndex: [Int: Int] = [:], venueIndex: [Int: Int] = [:]
        for i in order {
            if filmIndex[s[i].film] == nil { filmIndex[s[i].film] = filmIndex.count }
            if venueIndex[s[i].venue] == nil { venueIndex[s[i].venue] = venueIndex.count }
        }
        let days = Set(order.map { s[$0].day }).sorted()
        let dayIndex = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        film = order.map { filmIndex[s[$0].film]! }
        venue = order.map { venueIndex[s[$0].venue]! }
        day = order.map { dayIndex[s[$0].day]! }
        dayValue = days
        ticketed = order.map { s[$0].ticketed }
        venueCount = max(venueIndex.count, 1)
        dayCount = max(days.count, 1)
        var positions = [[Int]](repeating: [], count: filmIndex.count)
        for (p, f) in film.enumerated() { positions[f].append(p) }
        filmPositions = positions
        let ordered = order
        filmTicketed = positions.map { $0.contains { s[ordered[$0]].ticketed } }
        let venueOf = Dictionary(uniqueKeysWithValues: venueIndex.map { ($1, $0) })
        var minutes = [Int](repeating: 0, count: venueCount * venueCount)
        for a in 0..<venueIndex.count {
            for b in 0..<venueIndex.count { minutes[a * venueCount + b] = instance.travel.minutes(from: venueOf[a]!, to: venueOf[b]!) }
        }
        self.minutes = minutes
        maxPerDay = instance.maxPerDay
        // Units: travelUnit exceeds any count of late nights, weightUnit any travel and late
        // nights together; both from the longest chain any plan can be.
        let longest = PlanGraph.longestChain(order.map { s[$0] }, minutes: minutes, venue: venue, venueCount: venueCount)
        travelUnit = longest + 1
        weightUnit = travelUnit * max(longest - 1, 0) * max(minutes.max() ?? 0, 0) + longest + 1
        var counted = Set<Int>()
        let unit = weightUnit
        gain = order.map { i in
            let w = !s[i].ticketed || counted.insert(s[i].film).inserted ? instance.weights[s[i].film] : 0
            return w * unit - (s[i].late ? 1 : 0)
        }
        // Venue lists and venue-and-day lists, by falling position.
        var venueStart = [Int](repeating: 0, count: venueCount + 1)
        var sameStart = [Int](repeating: 0, count: venueCount * dayCount + 1)
        for p in 0..<count {
            venueStart[venue[p] + 1] += 1
            sameStart[venue[p] * dayCount + day[p] + 1] += 1
        }
        for v in 0..<venueCount { venueStart[v + 1] += venueStart[v] }
        for k in 0..<(venueCount * dayCount) { sameStart[k + 1] += sameStart[k] }
        var slot = [Int](repeating: 0, count: count), sameSlot = slot
        var filled = venueStart, sameFilled = sameStart
        var listPosition = [Int](repeating: 0, count: count), sameListPosition = listPosition
        for p in stride(from: count - 1, through: 0, by: -1) {
            slot[p] = filled[venue[p]]
            listPosition[slot[p]] = p
            filled[venue[p]] += 1
            let key = venue[p] * dayCount + day[p]
            sameSlot[p] = sameFilled[key]
            sameListPosition[sameSlot[p]] = p
            sameFilled[key] += 1
        }
        self.venueStart = venueStart
        self.sameStart = sameStart
        self.slot = slot
        self.sameSlot = sameSlot
        // reach: within a list (falling position, so falling start), those after p form a
        // prefix, and of them those starting late enough another prefix.
        let starts = order.map { s[$0].start }, ends = order.map { s[$0].end }
        func prefix(_ list: [Int], _ lo: Int, _ hi: Int, after p: Int, ready: Int) -> Int32 {
            var a = lo, b = hi
            while a < b {
                let mid = (a + b) / 2
                if list[mid] > p && starts[list[mid]] >= ready { a = mid + 1 } else { b = mid }
            }
            return Int32(a - lo)
        }
        var reach = [Int32](repeating: 0, count: count * venueCount), reachSame = reach
        for p in 0..<count {
            for v in 0..<venueCount {
                let ready = ends[p] + minutes[venue[p] * venueCount + v]
                reach[p * venueCount + v] = prefix(listPosition, venueStart[v], venueStart[v + 1], after: p, ready: ready)
                let key = v * dayCount + day[p]
                reachSame[p * venueCount + v] = prefix(sameListPosition, sameStart[key], sameStart[key + 1], after: p, ready: ready)
            }
        }
        self.reach = reach
        self.reachSame = reachSame
    }

    /// The most screenings one chain can hold (what bounds travel and late nights in any plan).
    static func longestChain(_ screenings: [PlanInstance.Screening], minutes: [Int], venue: [Int], venueCount: Int) -> Int {
        var longest = [Int](repeating: 1, count: screenings.count)
        for b in screenings.indices {
            for a in 0..<b where screenings[a].end + minutes[venue[a] * venueCount + venue[b]] <= screenings[b].start {
                longest[b] = max(longest[b], longest[a] + 1)
            }
        }
        return longest.max() ?? 0
    }

    /// Whether position b can directly follow position a in a plan.
    func canFollow(_ a: Int, _ b: Int) -> Bool {
        a < b && instance.canFollow(instance.screenings[order[a]], instance.screenings[order[b]])
    }

    /// Travel minutes from position a to position b.
    func trip(_ a: Int, _ b: Int) -> Int { minutes[venue[a] * venueCount + venue[b]] }
}
