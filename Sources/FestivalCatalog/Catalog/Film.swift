/// A film in the lineup.
public struct Film: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: LocalizedText
    /// Empty: no director is known (a film imported from a calendar, say).
    public var directors: [String]
    /// nil: the award or tier is unknown.
    public var award: Award?
    /// nil: the running time is unknown.
    public var runtimeSeconds: Int?
    public var country: LocalizedText?
    public var styles: [LocalizedText]
    /// nil: no synopsis is known.
    public var synopsis: LocalizedText?
    public var links: [Link]
    public var note: LocalizedText?
    public var sources: [String]

    /// "9:28" style, or nil when unknown.
    public var runtimeText: String? {
        guard let s = runtimeSeconds else { return nil }
        let sec = s % 60
        return "\(s / 60):\(sec < 10 ? "0" : "")\(sec)"
    }

    /// The first watch link, if any.
    public var watchURL: String? { links.first { $0.kind == .watch }?.url }

    public init(id: String, title: LocalizedText, directors: [String], award: Award?, runtimeSeconds: Int?,
                country: LocalizedText?, styles: [LocalizedText], synopsis: LocalizedText?, links: [Link],
                note: LocalizedText?, sources: [String]) {
        self.id = id
        self.title = title
        self.directors = directors
        self.award = award
        self.runtimeSeconds = runtimeSeconds
        self.country = country
        self.styles = styles
        self.synopsis = synopsis
        self.links = links
        self.note = note
        self.sources = sources
    }
}

/// A film's prize: its tier and its place, either of which may be unknown (never both).
public struct Award: Sendable, Equatable {
    public var tier: String?
    public var place: Int?

    public init(tier: String?, place: Int?) {
        self.tier = tier
        self.place = place
    }
}

/// A web link about a film.
public struct Link: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case watch, info, article }
    public var kind: Kind
    public var url: String
    public var label: LocalizedText?

    public init(kind: Kind, url: String, label: LocalizedText?) {
        self.kind = kind
        self.url = url
        self.label = label
    }
}

/// Someone (or a group, or a film's voice) the catalog names.
public struct Person: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable { case person, group, voice }
    public enum Role: String, Sendable, CaseIterable {
        case director, juror, speaker, author, executive, guest, narrator, producer, writer, editor, vfx
    }

    public var id: String
    public var kind: Kind
    public var name: LocalizedText
    public var roles: [Role]
    public var title: LocalizedText?
    public var affiliation: LocalizedText?
    public var note: LocalizedText?
    public var sources: [String]

    public init(id: String, kind: Kind, name: LocalizedText, roles: [Role], title: LocalizedText?,
                affiliation: LocalizedText?, note: LocalizedText?, sources: [String]) {
        self.id = id
        self.kind = kind
        self.name = name
        self.roles = roles
        self.title = title
        self.affiliation = affiliation
        self.note = note
        self.sources = sources
    }
}

/// Something a person said, exactly, with where it was said and where it was reported.
public struct Quote: Sendable, Equatable, Identifiable {
    public var id: String
    public var speaker: String
    /// Exact words per language; parts interrupted in the source are joined by `Quote.partSeparator`.
    public var text: LocalizedText
    public var textNote: LocalizedText?
    public var context: QuoteContext
    public var topics: [String]
    public var film: String?
    public var sources: [String]

    /// Joins the parts of a quote its source interrupts ("…," he said. "…").
    public static let partSeparator = " \u{2026} "

    public init(id: String, speaker: String, text: LocalizedText, textNote: LocalizedText?,
                context: QuoteContext, topics: [String], film: String?, sources: [String]) {
        self.id = id
        self.speaker = speaker
        self.text = text
        self.textNote = textNote
        self.context = context
        self.topics = topics
        self.film = film
        self.sources = sources
    }
}

/// Where and when a quote was said.
public struct QuoteContext: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case interview, press, stage, statement, film, article, other }
    public var kind: Kind
    public var place: LocalizedText
    public var date: PartialDate?

    public init(kind: Kind, place: LocalizedText, date: PartialDate?) {
        self.kind = kind
        self.place = place
        self.date = date
    }
}

/// A date known to the year, month or day.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// A date from its parts, which must be real (`isReal`).
    public init(year: Int, month: Int?, day: Int?) {
        precondition(Self.isReal(year: year, month: month, day: day), "not a date")
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date from its parts, or nil when they are not a real date.
    public init?(checkedYear year: Int, month: Int?, day: Int?) {
        guard Self.isReal(year: year, month: month, day: day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four, two and two digits).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, lengths).allSatisfy({ $0.count == $1 && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else {
            return nil
        }
        let numbers = parts.map { Int($0)! }
        self.init(checkedYear: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// True for a real date: year 1000–9999, month 1–12 and the day within its month when
    /// present (a day needs a month).
    public static func isReal(year: Int, month: Int?, day: Int?) -> Bool {
        guard (1000...9999).contains(year) else { return false }
        guard let month else { return day == nil }
        guard (1...12).contains(month) else { return false }
        return day.map { (1...days(inMonth: month, of: year)).contains($0) } ?? true
    }

    /// 28 to 31 (February 29 in leap years of the Gregorian calendar).
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        var s = String(year)
        if let m = month { s += "-" + (m < 10 ? "0" : "") + String(m) }
        if let d = day { s += "-" + (d < 10 ? "0" : "") + String(d) }
        return s
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}
