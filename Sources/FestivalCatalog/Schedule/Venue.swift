/// A place where screenings happen.
public struct Venue: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var city: LocalizedText?
    public var address: String?
    /// An IANA time zone name (`America/New_York`); required once a screening here has a time.
    public var timeZone: String?
    public var geo: Geo?
    public var sources: [String]

    public init(id: String, name: LocalizedText, city: LocalizedText?, address: String?, timeZone: String?, geo: Geo?,
                sources: [String]) {
        self.id = id
        self.name = name
        self.city = city
        self.address = address
        self.timeZone = timeZone
        self.geo = geo
        self.sources = sources
    }
}

/// A point on the earth, in degrees.
public struct Geo: Sendable, Equatable {
    public var lat: Double
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Latitude within ±90 and longitude within ±180, both finite.
    public var isValid: Bool { (-90...90).contains(lat) && (-180...180).contains(lon) }
}

/// Minutes to get from one venue to another (one direction; the other may differ).
public struct Travel: Sendable, Equatable {
    public var from: String
    public var to: String
    public var minutes: Int

    public init(from: String, to: String, minutes: Int) {
        self.from = from
        self.to = to
        self.minutes = minutes
    }

    /// The most minutes one trip may take (a day).
    public static let maxMinutes = 1_440
}
