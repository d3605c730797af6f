import FestivalIO

/// Venues and screenings in the cache's binary form (see `CatalogBinary+Types.swift`).
extension CatalogBinaryEncoder {
    mutating func venue(_ v: Venue) {
        unique(v.id)
        text(v.name, unique: true)
        optionalText(v.city)
        optionalString(v.address, unique: true)
        optionalString(v.timeZone)
        w.bool(v.geo != nil)
        if let geo = v.geo { w.u64(geo.lat.bitPattern); w.u64(geo.lon.bitPattern) }
        strings(v.sources)
    }

    /// The start as a flags byte (bit 0: a start, bit 1: with a minute), then its parts.
    mutating func screening(_ s: Screening) {
        unique(s.id)
        strings(s.films)
        optionalString(s.venue)
        if let start = s.start {
            w.u8(1 | (start.minute != nil ? 2 : 0))
            w.int(start.year); w.int(start.month); w.int(start.day)
            if let m = start.minute { w.int(m) }
        } else {
            w.u8(0)
        }
        w.int(s.duration ?? -1)
        optionalString(s.event)
        enumValue(s.status)
        strings(s.labels)
        optionalText(s.note, unique: true)
        strings(s.sources)
    }
}

extension CatalogBinaryDecoder {
    mutating func venue() throws(BinaryReader.Corrupt) -> Venue {
        let id = try string(), name = try text(), city = try optionalText(), address = try optionalString()
        let zone = try optionalString()
        var geo: Geo?
        if try r.bool() { geo = Geo(lat: Double(bitPattern: try r.u64()), lon: Double(bitPattern: try r.u64())) }
        return Venue(id: id, name: name, city: city, address: address, timeZone: zone, geo: geo, sources: try strings())
    }

    mutating func screening() throws(BinaryReader.Corrupt) -> Screening {
        let id = try string(), films = try strings(), venue = try optionalString()
        let flags = try r.u8()
        guard flags <= 3, flags != 2 else { throw BinaryReader.Corrupt(description: "bad start flags \(flags)") }
        var start: LocalStart?
        if flags & 1 != 0 {
            let year = try r.int(), month = try r.int(), day = try r.int()
            let minute = flags & 2 != 0 ? try r.int() : nil
            guard let s = LocalStart(year: year, month: month, day: day, minute: minute) else {
                throw BinaryReader.Corrupt(description: "impossible start at byte \(r.offset)")
            }
            start = s
        }
        let duration = try r.int()
        guard duration == -1 || (1...Screening.maxDuration).contains(duration) else {
            throw BinaryReader.Corrupt(description: "bad duration at byte \(r.offset)")
        }
        let event = try optionalString(), status = try enumValue(Screening.Status.self), labels = try strings()
        let note = try optionalText()
        return Screening(id: id, films: films, venue: venue, start: start, duration: duration == -1 ? nil : duration,
                         event: event, status: status, labels: labels, note: note, sources: try strings())
    }
}
