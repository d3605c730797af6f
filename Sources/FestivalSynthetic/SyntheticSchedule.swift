import FestivalCatalog

/// The schedule `festival generate --venues V --days D --screenings-per-film K` adds to a
/// synthetic catalog: V venues in two districts of one invented city, D days from
/// 2030-06-01, and K screenings of each film. Most films become features (70–150 minutes);
/// about one in seven stays a short and is shown in a programme of four to six shorts.
/// Each venue-day is filled from 09:00–09:45 with 15–45 minutes between screenings until
/// midnight (a venue given more than its days hold opens a second screen, from another day on); about 3% of screenings
/// are sold out, 2% standby only, 1% cancelled. Travel: 10 minutes within a venue, 15
/// within a district, 30 across. Deterministic from the seed (its own stream).
public struct SyntheticSchedule: Sendable {
    public var venues: Int
    public var days: Int
    public var screeningsPerFilm: Int

    public init(venues: Int, days: Int, screeningsPerFilm: Int) {
        precondition(venues >= 1 && days >= 1 && screeningsPerFilm >= 1, "a schedule needs venues, days and screenings")
        self.venues = venues
        self.days = days
        self.screeningsPerFilm = screeningsPerFilm
    }

    static let zone = "America/Toronto"
    static let firstDay = (year: 2030, month: 6, day: 1)

    /// Gives `films` feature runtimes (most of them) and returns the venues, screenings and
    /// travel; the films' other fields are left as they are.
    func add(to films: inout [Film], seed: UInt64) -> (venues: [Venue], screenings: [Screening], travel: [Travel]) {
        var rng = SyntheticRandom(seed: seed, stream: 4)
        let source = [CatalogGenerator.generatorSource]
        let district = { (v: Int) in v % 2 }
        let venueList = (0..<venues).map { v in
            Venue(id: "venue-\(v + 1)", name: LocalizedText(zhHant: "合成戲院 \(v + 1) 號廳", en: "Synthetic Cinema \(v + 1)"),
                  city: LocalizedText(zhHant: "合成市", en: "Synthetic City"),
                  address: "\(v + 1) \(district(v) == 0 ? "North" : "South") Street (fictional)", timeZone: Self.zone,
                  geo: nil, sources: source)
        }
        var travel: [Travel] = []
        for a in 0..<venues {
            for b in 0..<venues where a != b {
                travel.append(Travel(from: venueList[a].id, to: venueList[b].id, minutes: district(a) == district(b) ? 15 : 30))
            }
        }
        // Units shown: a feature alone, or a programme of shorts.
        var units: [(films: [String], minutes: Int)] = []
        var shorts: [String] = [], shortMinutes = 0
        for i in films.indices {
            if rng.below(7) == 0 {
                let minutes = rng.int(in: 5...20)
                films[i].runtimeSeconds = minutes * 60
                shorts.append(films[i].id)
                shortMinutes += minutes
                if shorts.count >= 4 + rng.below(3) {
                    units.append((shorts, shortMinutes + 10))
                    shorts = []
                    shortMinutes = 0
                }
            } else {
                let minutes = rng.int(in: 70...150)
                films[i].runtimeSeconds = minutes * 60
                units.append(([films[i].id], minutes))
            }
        }
        if !shorts.isEmpty { units.append((shorts, shortMinutes + 10)) }
        // Every screening of every unit, shuffled, then laid out venue-day by venue-day.
        var queue: [Int] = []
        for u in units.indices { queue += Array(repeating: u, count: screeningsPerFilm) }
        for i in stride(from: queue.count - 1, to: 0, by: -1) { queue.swapAt(i, rng.below(i + 1)) }
        var screenings: [Screening] = []
        var screen = 0
        while !queue.isEmpty {
            for d in 0..<days {
                let day = (d + screen * (days / 2 + 1)) % days
                for v in 0..<venues {
                    var minute = 540 + rng.below(4) * 15
                    while let u = queue.last, minute + units[u].minutes + 10 <= 1_440 {
                        queue.removeLast()
                        let status: Screening.Status
                        switch rng.below(100) {
                        case 0..<3: status = .soldOut
                        case 3..<5: status = .standby
                        case 5: status = .cancelled
                        default: status = .scheduled
                        }
                        let date = LocalTime.civil(LocalTime.daysSince1970(year: Self.firstDay.year, month: Self.firstDay.month,
                                                                           day: Self.firstDay.day) + day)
                        let duration = units[u].minutes + rng.below(3) * 5
                        screenings.append(Screening(
                            id: "", films: units[u].films, venue: venueList[v].id,
                            start: LocalStart(year: date.year, month: date.month, day: date.day, minute: minute),
                            duration: duration, event: nil, status: status,
                            labels: screen > 0 ? ["screen \(screen + 1)"] : [], note: nil, sources: source))
                        minute += duration + 15 + rng.below(7) * 5
                    }
                    if queue.isEmpty { break }
                }
                if queue.isEmpty { break }
            }
            screen += 1
        }
        screenings.sort { ($0.start!, $0.venue!) < ($1.start!, $1.venue!) }
        for i in screenings.indices { screenings[i].id = "screening-\(i + 1)" }
        return (venueList, screenings, travel)
    }
}
