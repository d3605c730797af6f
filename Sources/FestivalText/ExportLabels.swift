import FestivalCatalog
/// The few words an export adds to catalog text, in the export's language (from the
/// `UIString` table, so the browser and exports say the same).
package struct ExportLabels {
    package let language: Language

    package init(language: Language) { self.language = language }

    private func text(_ s: UIString) -> String { s.text(language) }

    package var unknown: String { text(.unknown) }
    package var source: String { text(.source) }
    package var sources: String { text(.sources) }
    package var film: String { text(.film) }
    package var note: String { text(.note) }
    package var directors: String { text(.directedBy) }
    package var award: String { text(.award) }
    package var runtime: String { text(.runtime) }
    package var country: String { text(.country) }
    package var styles: String { text(.styles) }
    package var roles: String { text(.roles) }
    package var position: String { text(.position) }
    package var affiliation: String { text(.affiliation) }
    package var links: String { text(.links) }
    package var colon: String { text(.colon) }
    package var listSeparator: String { text(.listSeparator) }
    package var comma: String { text(.comma) }

    /// Names a text's language, e.g. before the Chinese text in an English export.
    package func name(of text: Language) -> String {
        self.text(text == .en ? .english : .chinese)
    }

    package func linkKind(_ kind: Link.Kind) -> String {
        switch kind {
        case .watch: text(.watchLink)
        case .info: text(.infoLink)
        case .article: text(.articleLink)
        }
    }

    /// What an export lists.
    package enum Kind: Sendable { case quotes, films, people }

    /// "From the catalog of AIFF 2025: 3 quotes."
    package func intro(_ festival: String, count: Int, quotes: Bool) -> String {
        intro(festival, count: count, kind: quotes ? .quotes : .films)
    }

    package func intro(_ festival: String, count: Int, kind: Kind) -> String {
        if language == .en {
            let noun = switch kind {
            case .quotes: count == 1 ? "quote" : "quotes"
            case .films: count == 1 ? "film" : "films"
            case .people: count == 1 ? "person" : "people"
            }
            return "From the catalog of \(festival): \(count) \(noun)."
        }
        let noun = switch kind {
        case .quotes: "則語錄"
        case .films: "部影片"
        case .people: "位人物"
        }
        return "出自「\(festival)」目錄：共 \(count) \(noun)。"
    }
}
