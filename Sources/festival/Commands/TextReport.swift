import FestivalCatalog
import FestivalText
import FestivalUI
import TextGrid

/// Plain-text reports for the scripting commands.
enum TextReport {
    static func film(_ film: Film, in catalog: Catalog, _ l: Language) -> String {
        var lines: [String] = []
        lines.append(film.title.text(l))
        if let sub = film.title.subtitle(l) { lines.append(sub) }
        lines.append("")
        func field(_ label: UIString, _ value: String) {
            lines.append(Wrap.pad(label.text(l), width: 12) + "  " + value)
        }
        field(Format.creditLabel(film, in: catalog), Format.directors(film, in: catalog, l))
        field(.award, Format.award(film, in: catalog, l))
        field(.runtime, Format.runtime(film, l))
        field(.country, film.country?.text(l) ?? Format.unknown(l))
        field(.styles, Format.list(film.styles.map { $0.text(l) }, l))
        for link in film.links { field(.links, link.url) }
        lines.append("")
        lines.append(film.synopsis?.text(l) ?? Format.unknown(l))
        if let note = film.note {
            lines.append("")
            lines.append(UIString.note.text(l) + ": " + note.text(l))
        }
        let quotes = catalog.quotes(aboutFilm: film.id)
        if !quotes.isEmpty {
            lines.append("")
            lines.append(UIString.quotes.text(l) + ":")
            for q in quotes { lines.append("  \(q.id)  \(catalog.personName(q.speaker, l)): \(Format.quoteText(q, l))") }
        }
        return lines.joined(separator: "\n")
    }
}
