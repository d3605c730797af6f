import FestivalCatalog
/// The few words an export adds to catalog text, in the export's language.
package struct ExportLabels {
    package let language: Language

    package init(language: Language) { self.language = language }

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    package var unknown: String { pick("unknown", "不詳") }
    package var source: String { pick("Source", "出處") }
    package var sources: String { pick("Sources", "出處") }
    package var film: String { pick("Film", "影片") }
    package var note: String { pick("Note", "附註") }
    package var directors: String { pick("Directed by", "導演") }
    package var award: String { pick("Award", "獎項") }
    package var runtime: String { pick("Runtime", "片長") }
    package var country: String { pick("Country", "國家") }
    package var styles: String { pick("Style", "風格") }
    package var links: String { pick("Links", "連結") }
    package var colon: String { pick(": ", "：") }
    package var listSeparator: String { pick(", ", "、") }
    package var comma: String { pick(", ", "，") }

    /// Names a text's language, e.g. before the Chinese text in an English export.
    package func name(of text: Language) -> String {
        switch (language, text) {
        case (.en, .en): return "English"
        case (.en, .zhHant): return "Chinese"
        case (.zhHant, .en): return "英文"
        case (.zhHant, .zhHant): return "中文"
        }
    }

    package func linkKind(_ kind: Link.Kind) -> String {
        switch kind {
        case .watch: return pick("Watch", "觀看")
        case .info: return pick("Information", "資料")
        case .article: return pick("Article", "文章")
        }
    }

    /// "From the catalog of AIFF 2025: 3 quotes."
    package func intro(_ festival: String, count: Int, quotes: Bool) -> String {
        if language == .en {
            let noun = quotes ? (count == 1 ? "quote" : "quotes") : (count == 1 ? "film" : "films")
            return "From the catalog of \(festival): \(count) \(noun)."
        }
        return "出自「\(festival)」目錄：共 \(count) \(quotes ? "則語錄" : "部影片")。"
    }

    /// "Grand Prix", "Merit (6th)" (the place only when the tier spans several), or unknown.
    package func awardText(_ film: Film, in catalog: Catalog) -> String {
        guard let award = film.award else { return unknown }
        let tier = catalog.prizeTier(award.tier)
        let name = tier?.name.text(language) ?? award.tier
        guard let place = award.place, place != tier?.rank else { return name }
        return language == .en ? "\(name) (\(Self.ordinal(place)))" : "\(name)（第\(place)名）"
    }

    static func ordinal(_ n: Int) -> String {
        switch (n % 10, n % 100) {
        case (_, 11...13): return "\(n)th"
        case (1, _): return "\(n)st"
        case (2, _): return "\(n)nd"
        case (3, _): return "\(n)rd"
        default: return "\(n)th"
        }
    }
}
