import FestivalCatalog
import FestivalSearch
import FestivalText

/// `speaker:`, `topic:` or `film:` typed last, with no value yet: the search lists the
/// values the filter takes (people, topics, films) in place of results, and Enter on one
/// completes the query with its id, as a shell completes a word.
struct SearchCompletion {
    let field: SearchQuery.Field
    /// The query with the value to come after it.
    let input: String
    /// Each value: its id (what Enter types) and its name.
    let values: [(id: String, name: LocalizedText)]

    /// The completion for a query being typed, when its last word is a bare field name
    /// and a colon (outside quotes).
    init?(_ input: String, catalog: Catalog) {
        guard let last = input.split(whereSeparator: \.isWhitespace).last, input.last?.isWhitespace == false,
              last.hasSuffix(":"), !last.hasPrefix("\""), input.filter({ $0 == "\"" }).count % 2 == 0,
              let field = SearchQuery.Field(rawValue: last.dropLast().lowercased()) else { return nil }
        self.field = field
        self.input = input
        switch field {
        case .speaker: values = catalog.people.map { ($0.id, $0.name) }
        case .topic: values = catalog.topics.map { ($0.id, $0.name) }
        case .film: values = catalog.films.map { ($0.id, $0.title) }
        }
    }

    /// The query once `id` is chosen, ready for the next word.
    func completed(_ id: String) -> String { input + id + " " }

    /// What the values are, plural, for the prompt ("topics").
    func noun(_ l: Language) -> String {
        let noun: UIString = field == .speaker ? .people : field == .topic ? .topics : .films
        return l == .en ? noun.text(l).lowercased() : noun.text(l)
    }
}
