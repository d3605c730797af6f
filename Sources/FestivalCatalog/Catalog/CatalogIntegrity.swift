import Foundation
import Synchronization
import TextGrid

/// The rules every catalog in memory keeps, whatever it came from: the loader enforces
/// them on a JSON catalog (with located messages), and a catalog read back from a cache
/// file is checked against them before it is used, since a damaged or crafted cache file
/// could hold anything its decoder accepts.
extension Catalog {
    /// True for a well-formed id: lowercase ASCII letters, digits and `-`, not starting with `-`.
    public static func isValidID(_ s: String) -> Bool {
        s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && s.utf8.first != 0x2D && !s.isEmpty
    }

    /// The first rule this catalog breaks, described, or nil: every id well formed and
    /// unique in its kind, every reference to a defined id, every text in at least one
    /// language, dates real, URLs web URLs, counts and places in range. The quotes'
    /// references are left out when `quoteReferences` is false (a cache file's decoder has
    /// checked them already, once per distinct id); references to sources are left out when
    /// `sourceReferences` is false (a catalog's start, read before its sources).
    public func integrityProblem(quoteReferences: Bool = true, sourceReferences: Bool = true) -> String? {
        guard Self.isValidID(id) else { return "a bad catalog id" }
        var check = IntegrityCheck()
        check.sourcesPending = !sourceReferences
        check.ids("topic", topics.map(\.id))
        check.ids("person", people.map(\.id))
        check.ids("film", films.map(\.id))
        check.ids("source", sources.map(\.id))
        check.ids("event", festival.events.map(\.id))
        check.ids("prize tier", festival.prizeTiers.map(\.id))
        check.ids("venue", venues.map(\.id))
        check.ids("screening", screenings.map(\.id))
        if let problem = check.problem { return problem }
        check.festival(festival, self)
        for topic in topics { check.text(topic.name) }
        for person in people {
            check.text(person.name)
            check.texts(person.title, person.affiliation, person.note)
            check.sourceRefs(person.sources)
        }
        for source in sources {
            if !Source.isLanguageTag(source.language) { check.fail("a language that is not a language tag") }
            check.texts(source.note)
            check.ref(source.person, check.ids["person"])
            check.url(source.url)
        }
        for film in films { check.film(film) }
        check.schedule(self)
        if let problem = check.problem { return problem }
        return quoteProblem(check, references: quoteReferences)
    }

    /// The quotes' part of `integrityProblem`, on every core for a large catalog: each run of
    /// quotes is checked with its own set of ids, and the sets are then checked against each
    /// other for an id in two runs.
    private func quoteProblem(_ check: IntegrityCheck, references: Bool) -> String? {
        let parts = quotes.count < 50_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let bounds = (0...parts).map { quotes.count * $0 / parts }
        let results = Mutex([(problem: String?, ids: Set<String>)](repeating: (nil, []), count: parts))
        quotes.withUnsafeBufferPointer { all in
            let quotes = SharedMemory(pointer: all)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var check = check
                var ids = Set<String>(minimumCapacity: bounds[part + 1] - bounds[part])
                let problem = Self.quoteProblem(quotes.pointer, bounds[part]..<bounds[part + 1], &check, &ids, references: references)
                results.withLock { $0[part] = (problem, ids) }
            }
        }
        let checked = results.withLock { $0 }
        if let problem = checked.lazy.compactMap(\.problem).first { return problem }
        for (k, run) in checked.enumerated() {
            for id in run.ids where checked[..<k].contains(where: { $0.ids.contains(id) }) { return "bad or repeated quote id" }
        }
        return nil
    }

    /// The longest string a catalog holds, in bytes of UTF-8 (1 MiB; a synopsis is a few
    /// hundred): what a page shows of one is bounded besides (`DocumentBuilder.textLimit`).
    public static let maxStringBytes = 1 << 20

    /// The most ids one list of references holds (a quote's topics or sources, a film's
    /// directors or sources, the jury…): views and exports stay linear in what they show.
    public static let maxReferences = 1_000

    /// Why a list of references is refused: too long, or an id in it twice.
    static func referenceListProblem(_ list: [String]) -> String? {
        if list.count > maxReferences { return "a list of more than \(maxReferences) references" }
        if list.count < 2 { return nil }
        if list.count <= 8 {
            for i in list.indices where list[(i + 1)...].contains(list[i]) { return "a reference listed twice" }
        } else if Set(list).count != list.count {
            return "a reference listed twice"
        }
        return nil
    }

    /// The rules `integrityProblem` keeps for each of `quotes` (references aside), with
    /// their ids unique among them.
    static func quotesProblem(_ quotes: [Quote]) -> String? {
        var check = IntegrityCheck()
        var ids = Set<String>(minimumCapacity: quotes.count)
        return quotes.withUnsafeBufferPointer { quoteProblem($0, $0.indices, &check, &ids, references: false) }
    }

    /// Read in place: copying a million quotes out of the array would cost more than the checks.
    private static func quoteProblem(_ quotes: UnsafeBufferPointer<Quote>, _ range: Range<Int>, _ check: inout IntegrityCheck,
                                     _ ids: inout Set<String>, references: Bool) -> String? {
        let targets = check.quoteTargets
        for i in range {
            guard isValidID(quotes[i].id), ids.insert(quotes[i].id).inserted else { return "bad or repeated quote id" }
            guard quotes[i].text.isPresent, quotes[i].context.place.isPresent, quotes[i].textNote?.isPresent != false,
                  !quotes[i].sources.isEmpty else { return "a quote without a text, a place or a source" }
            if let date = quotes[i].context.date, !PartialDate.isReal(year: date.year, month: date.month, day: date.day) {
                return "an impossible date"
            }
            if let problem = referenceListProblem(quotes[i].topics) ?? referenceListProblem(quotes[i].sources) { return problem }
            if references {
                check.quoteReferences(quotes[i], targets)
                if let problem = check.problem { return problem }
            }
        }
        return nil
    }
}

/// The state of `Catalog.integrityProblem()`: the ids defined, and the first problem.
struct IntegrityCheck: Sendable {
    var ids: [String: Set<String>] = [:]
    var problem: String?
    /// The sources are not read yet: references to them are not checked.
    var sourcesPending = false

    mutating func fail(_ message: @autoclosure () -> String) {
        if problem == nil { problem = message() }
    }

    mutating func ids(_ kind: String, _ list: [String]) {
        var set = Set<String>(minimumCapacity: list.count)
        for id in list where !Catalog.isValidID(id) || !set.insert(id).inserted { fail("bad or repeated \(kind) id") }
        ids[kind] = set
    }

    mutating func sourceRefs(_ list: [String]) {
        if !sourcesPending { refs(list, ids["source"]) } else if let problem = Catalog.referenceListProblem(list) { fail(problem) }
    }

    mutating func refs(_ list: [String], _ defined: Set<String>?) {
        if let problem = Catalog.referenceListProblem(list) { fail(problem) }
        for id in list { ref(id, defined) }
    }

    mutating func ref(_ id: String?, _ defined: Set<String>?) {
        if let id, defined?.contains(id) != true { fail("a reference to an unknown id") }
    }

    mutating func text(_ t: LocalizedText) {
        if !t.isPresent { fail("a text in no language") }
        if (t.en?.utf8.count ?? 0) > Catalog.maxStringBytes || (t.zhHant?.utf8.count ?? 0) > Catalog.maxStringBytes {
            fail("a text longer than \(Catalog.maxStringBytes) bytes")
        }
    }

    mutating func texts(_ list: LocalizedText?...) {
        for t in list { if let t { text(t) } }
    }

    mutating func url(_ s: String?) {
        if let s, !URLCheck.isWebURL(s) { fail("a URL that is not an http(s) URL") }
    }

    mutating func date(_ d: PartialDate?) {
        if let d, !PartialDate.isReal(year: d.year, month: d.month, day: d.day) { fail("an impossible date") }
    }

    mutating func atLeast(_ minimum: Int, _ value: Int?) {
        if let value, value < minimum { fail("a count or place out of range") }
    }

    mutating func festival(_ f: Festival, _ catalog: Catalog) {
        text(f.name)
        texts(f.organizer)
        text(f.description)
        texts(f.edition, f.juryNote, f.submissions?.note)
        url(f.website)
        atLeast(0, f.submissions?.count)
        atLeast(1, f.finalistCount)
        for e in f.events {
            text(e.name)
            texts(e.dateNote, e.venue, e.city)
            date(e.date)
            sourceRefs(e.sources)
        }
        for tier in f.prizeTiers {
            text(tier.name)
            texts(tier.places, tier.prize, tier.note)
            atLeast(1, tier.rank)
        }
        refs(f.jury, ids["person"])
        sourceRefs(f.sources)
    }

    mutating func film(_ film: Film) {
        text(film.title)
        texts(film.synopsis, film.country, film.note)
        for style in film.styles { text(style) }
        refs(film.directors, ids["person"])
        if let award = film.award {
            if let tier = award.tier { ref(tier, ids["prize tier"]) }
            if award.tier == nil, award.place == nil { fail("an award with neither tier nor place") }
            atLeast(1, award.place)
        }
        atLeast(1, film.runtimeSeconds)
        for link in film.links {
            url(link.url)
            texts(link.label)
        }
        sourceRefs(film.sources)
    }

    /// The ids a quote may refer to, looked up once for a run of quotes (not once a quote).
    struct QuoteTargets: Sendable {
        let people: Set<String>?, films: Set<String>?, topics: Set<String>?
        /// Nil while the sources are not read yet (references to them are not checked).
        let sources: Set<String>??
    }

    var quoteTargets: QuoteTargets {
        QuoteTargets(people: ids["person"], films: ids["film"], topics: ids["topic"],
                     sources: sourcesPending ? nil : .some(ids["source"]))
    }

    mutating func quoteReferences(_ quote: borrowing Quote, _ targets: QuoteTargets) {
        ref(quote.speaker, targets.people)
        ref(quote.film, targets.films)
        refs(quote.topics, targets.topics)
        if let sources = targets.sources { refs(quote.sources, sources) }
    }
}

extension LocalizedText {
    /// True when the text is given in at least one language.
    var isPresent: Bool { zhHant != nil || en != nil }
}
