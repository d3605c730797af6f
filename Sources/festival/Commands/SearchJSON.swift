import FestivalCatalog
import FestivalSearch
import FestivalUI

/// `festival search --json`: the query, the total count and the shown results, best first.
enum SearchJSON {
    static func document(query: String, scope: String, total: Int, results: [SearchResult]) -> String {
        JSONWriter.string(node(.object([
            ("query", node(.string(query))),
            ("in", node(.string(scope))),
            ("total", node(.int(total))),
            ("results", node(.array(results.map(result)))),
        ])))
    }

    static func result(_ r: SearchResult) -> JSONNode {
        node(.object([
            ("kind", node(.string(r.kind.rawValue))),
            ("id", node(.string(r.id))),
            ("match", node(.string(tierName(r.tier)))),
            ("heading", node(.string(r.heading))),
            ("headingHighlights", ranges(r.headingHighlights)),
            ("text", node(.string(r.text))),
            ("textHighlights", ranges(r.textHighlights)),
        ]))
    }

    /// Highlights as [start, end) pairs of Character offsets.
    static func ranges(_ ranges: [Range<Int>]) -> JSONNode {
        node(.array(ranges.map { node(.array([node(.int($0.lowerBound)), node(.int($0.upperBound))])) }))
    }

    static func tierName(_ tier: SearchIndex.Tier) -> String {
        switch tier {
        case .phrase: "phrase"
        case .wordStart: "word-start"
        case .substring: "substring"
        }
    }

    private static func node(_ value: JSONNode.Value) -> JSONNode { JSONNode(value) }
}
