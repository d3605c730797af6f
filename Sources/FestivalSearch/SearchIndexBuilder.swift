import FestivalCatalog
import Foundation
/// Folds a catalog into a `SearchIndex`'s corpus, filter keys and references.
struct SearchIndexBuilder: Sendable {
    let catalog: Catalog
    var documents: [SearchIndex.Document] = []
    var corpus = ByteCorpus.Builder()
    var keys: [SearchQuery.Field: [[UInt8]]] = [:]
    var references: [SearchQuery.Field: EntityReferences.Lists] = [.speaker: .init(), .topic: .init(), .film: .init()]

    private let personIndex: [String: Int32]
    private let filmIndex: [String: Int32]
    private let topicIndex: [String: Int32]
    /// Folded names, computed once per entity and reused in every quote that names it.
    private let personNames: [[UInt8]]
    private let filmTitles: [[UInt8]]
    private let topicNames: [[UInt8]]

    init(catalog: Catalog) {
        self.catalog = catalog
        personIndex = Self.positions(catalog.people.map(\.id))
        filmIndex = Self.positions(catalog.films.map(\.id))
        topicIndex = Self.positions(catalog.topics.map(\.id))
        personNames = catalog.people.map { Self.fold([$0.name.zhHant, $0.name.en]) }
        filmTitles = catalog.films.map { Self.fold([$0.title.zhHant, $0.title.en]) }
        topicNames = catalog.topics.map { Self.fold([$0.name.zhHant, $0.name.en]) }
        keys[.speaker] = zip(catalog.people, personNames).map { Self.fold([$0.id]) + [0x20] + $1 }
        keys[.film] = zip(catalog.films, filmTitles).map { Self.fold([$0.id]) + [0x20] + $1 }
        keys[.topic] = zip(catalog.topics, topicNames).map { Self.fold([$0.id]) + [0x20] + $1 }
    }

    /// The festival, one document (index 0): its names, description, who runs it, and each
    /// event's name, venue and city. It refers to no speaker, topic or film, so a filter
    /// leaves it out.
    mutating func addFestival() {
        let f = catalog.festival
        add(.festival, 0, fields: [
            Self.fold([f.name.zhHant, f.name.en, f.shortName]),
            Self.fold([f.description.zhHant, f.description.en]),
            Self.fold([f.organizer?.zhHant, f.organizer?.en, f.edition?.zhHant, f.edition?.en]),
            Self.fold(f.events.flatMap { [$0.name.zhHant, $0.name.en, $0.venue?.zhHant, $0.venue?.en, $0.city?.zhHant, $0.city?.en] }),
        ], speaker: [], topic: [], film: [])
    }

    /// Films: each lists the topics of its quotes, in the order the quotes first name them.
    mutating func addFilms(_ quotes: QuoteRuns) {
        var quoteTopics = [[Int32]](repeating: [], count: catalog.films.count)
        quotes.forEachQuote { film, _, topics in
            guard let f = film else { return }
            for t in topics where !quoteTopics[Int(f)].contains(t) { quoteTopics[Int(f)].append(t) }
        }
        for (i, film) in catalog.films.enumerated() {
            let directors = film.directors.compactMap { personIndex[$0] }
            let award = film.award?.tier.flatMap { catalog.prizeTier($0)?.name }
            add(.film, i, fields: [
                filmTitles[i],
                Self.fold([film.synopsis?.zhHant, film.synopsis?.en]),
                Self.join(directors.map { personNames[Int($0)] }),
                Self.fold(film.styles.flatMap { [$0.zhHant, $0.en] } + [film.country?.zhHant, film.country?.en]
                          + [award?.zhHant, award?.en]),
            ], speaker: directors, topic: quoteTopics[i], film: [Int32(i)])
        }
    }

    /// People: each lists the films they directed, then those and the topics of their quotes.
    mutating func addPeople(_ quotes: QuoteRuns) {
        var films = [[Int32]](repeating: [], count: catalog.people.count)
        var topics = [[Int32]](repeating: [], count: catalog.people.count)
        for (f, film) in catalog.films.enumerated() {
            for d in film.directors { if let p = personIndex[d] { films[Int(p)].append(Int32(f)) } }
        }
        quotes.forEachQuote { film, speaker, quoteTopics in
            guard let p = speaker else { return }
            if let film, !films[Int(p)].contains(film) { films[Int(p)].append(film) }
            for t in quoteTopics where !topics[Int(p)].contains(t) { topics[Int(p)].append(t) }
        }
        for (i, person) in catalog.people.enumerated() {
            add(.person, i, fields: [
                personNames[i],
                Self.fold([person.title?.zhHant, person.title?.en, person.affiliation?.zhHant, person.affiliation?.en]),
                Self.fold(person.roles.map(\.rawValue)),
            ], speaker: [Int32(i)], topic: topics[i], film: films[i])
        }
    }

    /// Quotes fewer than this are folded on one thread.
    static let parallelQuotes = 20_000

    /// The quotes folded, most of the work: runs of them on every core, each into a corpus
    /// of its own with its references (which the films and people then read, instead of
    /// looking every quote's ids up again).
    func quoteRuns(parallel: Bool = true) -> QuoteRuns {
        let count = catalog.quotes.count
        let parts = !parallel || count < Self.parallelQuotes ? 1 : 4 * ProcessInfo.processInfo.activeProcessorCount
        let bounds = (0...parts).map { count * $0 / parts }
        let runs = Slots<QuoteRecords?>(count: parts, empty: nil)
        let builder = self
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            runs[part] = builder.quoteRecords(bounds[part]..<bounds[part + 1])
        }
        return QuoteRuns(bounds: bounds, runs: (0..<parts).map { runs[$0]! })
    }

    /// Joins the quotes' runs in order, after the festival, films and people; each run is
    /// let go once it is copied.
    mutating func addQuotes(_ quotes: inout QuoteRuns) {
        corpus.reserve(records: catalog.quotes.count, bytes: quotes.runs.reduce(0) { $0 + $1.corpus.bytes.count })
        for field in [SearchQuery.Field.speaker, .topic, .film] {
            references[field]!.reserve(documents: catalog.quotes.count,
                                       targets: quotes.runs.reduce(0) { $0 + $1.lists(field).targets.count })
        }
        documents.reserveCapacity(documents.count + catalog.quotes.count)
        for part in quotes.runs.indices {
            let run = quotes.runs[part]
            quotes.runs[part] = QuoteRecords()
            documents += (quotes.bounds[part]..<quotes.bounds[part + 1]).lazy.map { SearchIndex.Document(kind: .quote, index: $0) }
            corpus.append(records: run.corpus)
            references[.speaker]!.append(contentsOf: run.speaker)
            references[.topic]!.append(contentsOf: run.topic)
            references[.film]!.append(contentsOf: run.film)
        }
    }

    /// The records of a run of quotes.
    struct QuoteRecords: Sendable {
        var corpus = ByteCorpus.Builder()
        var speaker = EntityReferences.Lists(), topic = EntityReferences.Lists(), film = EntityReferences.Lists()

        func lists(_ field: SearchQuery.Field) -> EntityReferences.Lists {
            switch field {
            case .speaker: speaker
            case .topic: topic
            case .film: film
            }
        }
    }

    /// Every quote's runs of records, in catalog order: `runs[k]` holds quotes
    /// `bounds[k]..<bounds[k + 1]`.
    struct QuoteRuns: Sendable {
        let bounds: [Int]
        var runs: [QuoteRecords]

        /// Each quote's film and speaker (positions, nil when it has none) and topics, in order.
        func forEachQuote(_ body: (Int32?, Int32?, UnsafeBufferPointer<Int32>) -> Void) {
            for run in runs {
                run.film.targets.withUnsafeBufferPointer { films in
                    run.speaker.targets.withUnsafeBufferPointer { speakers in
                        let filmStarts = run.film.starts, speakerStarts = run.speaker.starts
                        run.topic.forEach { d, topics in
                            let film = filmStarts[d + 1] > filmStarts[d] ? films[Int(filmStarts[d])] : nil
                            let speaker = speakerStarts[d + 1] > speakerStarts[d] ? speakers[Int(speakerStarts[d])] : nil
                            body(film, speaker, topics)
                        }
                    }
                }
            }
        }
    }

    /// Folded straight into the run's corpus: a quote makes no array of its own.
    func quoteRecords(_ range: Range<Int>) -> QuoteRecords {
        var run = QuoteRecords()
        var topics: [Int32] = []
        for i in range {
            let speaker = personIndex[catalog.quotes[i].speaker]
            let film = catalog.quotes[i].film.flatMap { filmIndex[$0] }
            topics.removeAll(keepingCapacity: true)
            for topic in catalog.quotes[i].topics { if let t = topicIndex[topic] { topics.append(t) } }
            run.corpus.appendRecord(fields: 4) { field, bytes in
                switch field {
                case 0: Fold.append(catalog.quotes[i].text.zhHant, catalog.quotes[i].text.en, to: &bytes)
                case 1: if let speaker { bytes += personNames[Int(speaker)] }
                case 2: if let film { bytes += filmTitles[Int(film)] }
                default:
                    for (n, t) in topics.enumerated() {
                        if n > 0 { bytes.append(0x20) }
                        bytes += topicNames[Int(t)]
                    }
                }
            }
            run.speaker.append(speaker)
            run.topic.append(topics)
            run.film.append(film)
        }
        return run
    }

    private mutating func add(_ kind: SearchIndex.Kind, _ index: Int, fields: [[UInt8]],
                              speaker: [Int32], topic: [Int32], film: [Int32]) {
        documents.append(SearchIndex.Document(kind: kind, index: index))
        corpus.append(fields: fields)
        references[.speaker]!.append(speaker)
        references[.topic]!.append(topic)
        references[.film]!.append(film)
    }

    /// The folded texts, one space between them (missing ones skipped).
    static func fold(_ texts: [String?]) -> [UInt8] { Fold.joined(texts) }

    static func join(_ parts: [[UInt8]]) -> [UInt8] { Array(parts.joined(separator: [0x20])) }

    static func positions(_ ids: [String]) -> [String: Int32] {
        var map: [String: Int32] = [:]
        for (i, id) in ids.enumerated() where map[id] == nil { map[id] = Int32(i) }
        return map
    }
}
