import Foundation

/// The rules for venues, screenings and travel that every catalog keeps (the loader reports
/// the same with locations), and the one rule for placing a screening's start on one clock.
extension Catalog {
    /// Why a screening's start cannot be placed on one clock, or nil (also when it has no
    /// time of day: a day alone needs no time zone).
    public static func startProblem(_ start: LocalStart?, venue: Venue?) -> String? {
        guard let start, let minute = start.minute else { return nil }
        guard let venue else { return "a screening with a time of day needs a venue (its time zone)" }
        guard let name = venue.timeZone else {
            return "venue \"\(venue.id)\" has no timeZone, which a screening with a time of day needs"
        }
        guard let zone = LocalTime.zone(name) else { return "venue \"\(venue.id)\": unknown time zone \"\(name)\"" }
        if case .skipped = LocalTime.resolve(start, minute: minute, in: zone) {
            return "\(start) does not exist in \(name) (the clocks skip it for daylight saving time)"
        }
        return nil
    }

    /// Why a list of labels is refused: too many, or one too long.
    static func labelsProblem(_ labels: [String]) -> String? {
        if labels.count > 64 { return "more than 64 labels" }
        if labels.contains(where: { $0.utf8.count > 256 }) { return "a label longer than 256 bytes" }
        return nil
    }
}

extension IntegrityCheck {
    mutating func schedule(_ c: Catalog) {
        var zones: [String: Bool] = [:]
        for venue in c.venues {
            text(venue.name)
            texts(venue.city)
            if let address = venue.address, address.utf8.count > Catalog.maxStringBytes { fail("an address too long") }
            if let name = venue.timeZone, zones[name] == nil { zones[name] = LocalTime.zone(name) != nil }
            if let name = venue.timeZone, zones[name] != true { fail("an unknown time zone") }
            if let geo = venue.geo, !geo.isValid { fail("a position off the earth") }
            sourceRefs(venue.sources)
        }
        var venueIndex: [String: Int] = [:]
        for (i, venue) in c.venues.enumerated() { venueIndex[venue.id] = i }
        let films = ids["film"], venues = ids["venue"], events = ids["event"]
        for screening in c.screenings {
            if screening.films.isEmpty { fail("a screening of no film") }
            refs(screening.films, films)
            ref(screening.venue, venues)
            ref(screening.event, events)
            if let d = screening.duration, !(1...Screening.maxDuration).contains(d) { fail("a duration out of range") }
            if let problem = Catalog.labelsProblem(screening.labels) { fail(problem) }
            texts(screening.note)
            sourceRefs(screening.sources)
            let venue = screening.venue.flatMap { venueIndex[$0] }.map { c.venues[$0] }
            if let problem = Catalog.startProblem(screening.start, venue: venue) { fail(problem) }
        }
        for trip in c.travel {
            ref(trip.from, venues)
            ref(trip.to, venues)
            if !(0...Travel.maxMinutes).contains(trip.minutes) { fail("a travel time out of range") }
        }
    }
}
