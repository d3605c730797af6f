import FestivalCatalog

/// What narrows a list of quotes: a speaker, a topic, a film (ids) and a search. The one
/// implementation behind `festival quotes`, `festival export` and the browser's filters.
public struct QuoteFilter: Equatable, Sendable {
    public var speaker: String?
    public var topic: String?
    public var film: String?
    /// A search (`SearchQuery` syntax) that also ranks, best first.
    public var search: String?

    public init(speaker: String? = nil, topic: String? = nil, film: String? = nil, search: String? = nil) {
        self.speaker = speaker
        self.topic = topic
        self.film = film
        self.search = search
    }

    /// True when nothing narrows.
    public var isEmpty: Bool { speaker == nil && topic == nil && film == nil && search == nil }

    /// Whether `quote` passes the speaker, topic and film (the search ranks separately).
    public func admits(_ quote: Quote) -> Bool {
        (speaker.map { quote.speaker == $0 } ?? true) && (topic.map { quote.topics.contains($0) } ?? true)
            && (film.map { quote.film == $0 } ?? true)
    }

    /// The quotes of `catalog` that pass, in catalog order (no search).
    public func apply(to quotes: [Quote]) -> [Quote] {
        speaker == nil && topic == nil && film == nil ? quotes : quotes.filter(admits)
    }
}
