import Foundation

/// A screening's place on one clock, for planning and for calendars.
extension Catalog {
    /// When a screening starts, in seconds since 1970 (UTC); nil without a time of day, a
    /// venue or a time zone. A local time that happens twice is taken the first time.
    public func startInstant(of screening: Screening) -> Int? {
        guard let start = screening.start, let minute = start.minute, let id = screening.venue,
              let name = venue(id)?.timeZone, let zone = LocalTime.zone(name) else { return nil }
        switch LocalTime.resolve(start, minute: minute, in: zone) {
        case .exact(let t), .ambiguous(earlier: let t, later: _): return t
        case .skipped: return nil
        }
    }

    /// How many minutes a screening lasts: its duration, else its films' runtimes summed
    /// (each rounded up to a minute) when all are known; nil otherwise.
    public func minutes(of screening: Screening) -> Int? {
        if let d = screening.duration { return d }
        var total = 0
        for id in screening.films {
            guard let seconds = film(id)?.runtimeSeconds else { return nil }
            total += (seconds + 59) / 60
        }
        return screening.films.isEmpty ? nil : total
    }

    /// The minutes given for the trip from one venue to another, if the catalog says.
    public func travelMinutes(from a: String, to b: String) -> Int? {
        travel.first { $0.from == a && $0.to == b }?.minutes
    }
}
