import FestivalCatalog
import FestivalSearch

/// What the command line accepts where it asks for a film, person or topic: its id, or
/// any part of its id or name in either language — the forms search's `speaker:` takes
/// (case, accents, width and Chinese script ignored). Nothing matching fails with exit 1
/// and the nearest ids; several matching fail with exit 2 and lists them.
enum EntityLookup {
    static func film(_ term: String, in catalog: Catalog) throws -> Film {
        let i = try resolve(term, ids: catalog.films.map(\.id), names: catalog.films.map { [$0.title.zhHant, $0.title.en] },
                            noun: "film", plural: "films", hint: "`festival films`")
        return catalog.films[i]
    }

    static func person(_ term: String, in catalog: Catalog) throws -> Person {
        let i = try resolve(term, ids: catalog.people.map(\.id), names: catalog.people.map { [$0.name.zhHant, $0.name.en] },
                            noun: "person", plural: "people", hint: "`festival people`")
        return catalog.people[i]
    }

    static func topic(_ term: String, in catalog: Catalog) throws -> Topic {
        let i = try resolve(term, ids: catalog.topics.map(\.id), names: catalog.topics.map { [$0.name.zhHant, $0.name.en] },
                            noun: "topic", plural: "topics", hint: "the topics: " + catalog.topics.map(\.id).joined(separator: ", "))
        return catalog.topics[i]
    }

    /// The position of the one entity `term` names.
    static func resolve(_ term: String, ids: [String], names: [[String?]], noun: String, plural: String, hint: String) throws -> Int {
        if let exact = ids.firstIndex(of: term) { return exact }
        let wanted = folded([term])
        if !wanted.isEmpty {
            let keys = zip(ids, names).map { folded([$0] + $1) }
            let matching = keys.indices.filter { SearchIndex.contains(keys[$0], wanted) }
            if matching.count == 1 { return matching[0] }
            // One whose id or whole name is the term wins over those that only contain it.
            let whole = matching.filter { i in ([ids[i]] + names[i]).contains { folded([$0]) == wanted } }
            if whole.count == 1 { return whole[0] }
            if matching.count > 1 {
                let shown = matching.prefix(8).map { i in "\(ids[i]) (\(names[i].compactMap { $0 }.first ?? ids[i]))" }
                let more = matching.count > 8 ? ", … \(matching.count - 8) more" : ""
                throw CLIFailure.usage("'\(term)' matches \(matching.count) \(plural): \(shown.joined(separator: ", "))\(more); give an id")
            }
        }
        let nearest = Suggestions.nearest(to: term, among: ids)
        throw CLIFailure.notFound("no \(noun) '\(term)'\(Suggestions.phrase(nearest)) (see \(hint))")
    }

    static func folded(_ texts: [String?]) -> [UInt8] { Fold.joined(texts) }
}
