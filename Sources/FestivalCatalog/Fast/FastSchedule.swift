/// The fast decoder's venues, screenings and travel (see `CatalogDecoder` for the rules;
/// anything else bails to the slow path, which locates it).
extension FastJSON {
    static let venueKeys = FastCatalogDecoder.keys("id", "name", "city", "address", "timeZone", "geo", "sources")
    static let geoKeys = FastCatalogDecoder.keys("lat", "lon")
    static let screeningKeys = FastCatalogDecoder.keys("id", "films", "venue", "start", "duration", "event", "status", "labels",
                                                       "note", "sources")
    static let travelKeys = FastCatalogDecoder.keys("from", "to", "minutes")

    mutating func venue() throws(Bail) -> Venue {
        var seen = SeenKeys()
        var id = "", name = LocalizedText(), city: LocalizedText?, address: String?, zone: String?, geo: Geo?, sources: [String] = []
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.venueKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: id = try j.id()
            case 1: name = try j.text()
            case 2: city = try j.nullableText()
            case 3: address = try j.nullableString()
            case 4: zone = try j.nullableString()
            case 5: geo = j.null() ? nil : try j.geo()
            default: sources = try j.ids()
            }
        }
        try seen.require([0, 1, 2, 3, 4, 5, 6])
        return Venue(id: id, name: name, city: city, address: address, timeZone: zone, geo: geo, sources: sources)
    }

    mutating func geo() throws(Bail) -> Geo {
        var seen = SeenKeys()
        var lat = 0.0, lon = 0.0
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.geoKeys) else { throw Bail() }
            try seen.mark(k)
            if k == 0 { lat = try j.number() } else { lon = try j.number() }
        }
        try seen.require([0, 1])
        return Geo(lat: lat, lon: lon)
    }

    mutating func screening() throws(Bail) -> Screening {
        var seen = SeenKeys()
        var id = "", films: [String] = [], venue: String?, start: LocalStart?, duration: Int?, event: String?
        var status = Screening.Status.scheduled, labels: [String] = [], note: LocalizedText?, sources: [String] = []
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.screeningKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: id = try j.id()
            case 1: films = try j.ids(shared: true)
            case 2: venue = try j.nullableID(shared: true)
            case 3:
                if !j.null() {
                    guard let s = LocalStart(try j.nonEmpty()) else { throw Bail() }
                    start = s
                }
            case 4: duration = try j.nullablePositive(min: 1)
            case 5: event = try j.nullableID(shared: true)
            case 6: status = try j.enumValue(Screening.Status.self)
            case 7: try j.array { j throws(Bail) in labels.append(try j.nonEmpty(shared: true)) }
            case 8: note = try j.nullableText()
            default: sources = try j.ids(shared: true)
            }
        }
        try seen.require([0, 1, 2, 3, 4, 6, 9])
        guard !films.isEmpty else { throw Bail() }
        return Screening(id: id, films: films, venue: venue, start: start, duration: duration, event: event, status: status,
                         labels: labels, note: note, sources: sources)
    }

    mutating func trip() throws(Bail) -> Travel {
        var seen = SeenKeys()
        var from = "", to = "", minutes = 0
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.travelKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: from = try j.id(shared: true)
            case 1: to = try j.id(shared: true)
            default: minutes = try j.positive(min: 0)
            }
        }
        try seen.require([0, 1, 2])
        return Travel(from: from, to: to, minutes: minutes)
    }

    /// A JSON number (`-12.5e3`), finite; bails on anything `JSONParser` would refuse.
    mutating func number() throws(Bail) -> Double {
        skipSpace()
        let start = i
        func digits(_ j: inout FastJSON) -> Int {
            let from = j.i
            while j.i < j.bytes.count, j.bytes[j.i] >= 0x30, j.bytes[j.i] <= 0x39 { j.i += 1 }
            return j.i - from
        }
        if current == 0x2D { i += 1 }
        let intStart = i
        let whole = digits(&self)
        guard whole > 0, !(bytes[intStart] == 0x30 && whole > 1) else { throw Bail() }
        if current == 0x2E { i += 1; guard digits(&self) > 0 else { throw Bail() } }
        if current == 0x65 || current == 0x45 {
            i += 1
            if current == 0x2B || current == 0x2D { i += 1 }
            guard digits(&self) > 0 else { throw Bail() }
        }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)),
              value.isFinite else { throw Bail() }
        return value
    }
}
