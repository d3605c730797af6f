import FestivalCatalog
import FestivalSearch
import FestivalText
import TextGrid

/// A filter being chosen (`a`, `t`, `p`), as lazygit's menus choose: the values that leave
/// something in the list, each with how many, narrowed as you type (folded as search folds).
public struct FilterPicker: Equatable, Sendable {
    /// Which of the lists' filters is being chosen.
    public enum Filter: Equatable, Sendable { case award, style, speaker, topic }

    /// One choice: a value (nil: any, the filter off), what the menu calls it, what else
    /// typing may match (the other script's name, the id) and how many items it leaves.
    public struct Option: Equatable, Sendable {
        public var value: String?
        public var label: String
        var also: String
        public var count: Int
    }

    public let filter: Filter
    /// Every choice, "all" first.
    public let options: [Option]
    /// What is typed to narrow the choices.
    public internal(set) var field = TextField()
    /// The choices that match what is typed (indices into `options`).
    public internal(set) var shown: [Int]
    /// The highlighted choice (an index into `shown`), and the first one drawn.
    public internal(set) var selected = 0
    public internal(set) var scroll = 0
    /// The value in use when the menu opened (an index into `options`).
    public let inUse: Int

    init(filter: Filter, options: [Option], current: String?) {
        self.filter = filter
        self.options = options
        shown = Array(options.indices)
        inUse = options.firstIndex { $0.value == current } ?? 0
        selected = inUse
    }

    /// The choice Enter takes.
    public var choice: Option? { selected < shown.count ? options[shown[selected]] : nil }

    /// Keeps the choices whose name matches what is typed; the first is highlighted.
    mutating func narrow() {
        let needle = Fold.bytes(field.text)
        shown = field.isEmpty ? Array(options.indices)
            : options.indices.filter { Finder.matches(options[$0].label + " " + options[$0].also, folded: needle) }
        selected = 0
        scroll = 0
    }

    /// Moves the highlight, keeping it among `rows` drawn lines.
    mutating func move(by delta: Int, rows: Int) {
        guard !shown.isEmpty else { return }
        selected = min(max(0, selected + delta), shown.count - 1)
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
    }

    /// How many choices the menu shows at once on a screen of this height.
    static func rows(height: Int) -> Int { max(1, height - 6) }
}

extension FilterPicker {
    /// The picker for a filter on this state's lists: each value counted over the list as
    /// the other filters leave it; nil when nothing can be chosen.
    static func make(_ filter: Filter, _ state: AppState) -> FilterPicker? {
        let c = state.catalog, l = state.language
        var counts: [String: Int] = [:], order: [String] = []
        func count(_ value: String) {
            if counts[value] == nil { order.append(value) }
            counts[value, default: 0] += 1
        }
        var total = 0, current: String?
        var options: [Option] = []
        switch filter {
        case .award, .style:
            var other = state
            if filter == .award { other.awardFilter = nil } else { other.styleFilter = nil }
            let films = ListScreens.films(other)
            total = films.count
            for film in films {
                // "" is a film whose prize tier is not known (a place alone, or nothing).
                if filter == .style {
                    var seen = Set<String>()
                    for key in film.styles.map(ListScreens.styleKey) where seen.insert(key).inserted { count(key) }
                }
                else { count(film.award?.tier ?? "") }
            }
            if filter == .award {
                current = state.awardFilter
                let tiers = c.festival.prizeTiers.map(\.id).filter { counts[$0] != nil } + (counts[""] != nil ? [""] : [])
                options = tiers.map { tier in
                    let name = c.prizeTier(tier)?.name
                    return Option(value: tier, label: tier.isEmpty ? Format.unknown(l) : name?.text(l) ?? tier,
                                  also: [name?.subtitle(l), tier].compactMap { $0 }.joined(separator: " "), count: counts[tier]!)
                }
            } else {
                current = state.styleFilter
                let styles = Dictionary(c.films.flatMap(\.styles).map { (ListScreens.styleKey($0), $0) }) { a, _ in a }
                options = order.map { key in
                    Option(value: key, label: styles[key]?.text(l) ?? key, also: styles[key]?.subtitle(l) ?? "", count: counts[key]!)
                }
            }
        case .speaker, .topic:
            var other = state.quoteFilter
            if filter == .speaker { other.speaker = nil } else { other.topic = nil }
            let quotes = other.apply(to: c.quotes)
            total = quotes.count
            for q in quotes {
                if filter == .speaker { count(q.speaker) } else { q.topics.forEach(count) }
            }
            if filter == .speaker {
                current = state.quoteFilter.speaker
                // The most quoted first; the same count in the catalog's order.
                options = order.enumerated().sorted { (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset) }
                    .map { _, id in
                        let name = c.person(id)?.name
                        return Option(value: id, label: name?.text(l) ?? id,
                                      also: [name?.subtitle(l), id].compactMap { $0 }.joined(separator: " "), count: counts[id]!)
                    }
            } else {
                current = state.quoteFilter.topic
                options = c.topics.filter { counts[$0.id] != nil }.map { topic in
                    Option(value: topic.id, label: topic.name.text(l),
                           also: [topic.name.subtitle(l), topic.id].compactMap { $0 }.joined(separator: " "), count: counts[topic.id]!)
                }
            }
        }
        guard !options.isEmpty else { return nil }
        return FilterPicker(filter: filter, options: [Option(value: nil, label: UIString.all.text(l), also: "", count: total)] + options,
                            current: current)
    }

    /// What the menu's title says.
    var title: UIString {
        switch filter {
        case .award: return .commandFilterAward
        case .style: return .commandFilterStyle
        case .speaker: return .commandFilterSpeaker
        case .topic: return .commandFilterTopic
        }
    }
}
