import FestivalCatalog
import FestivalLibrary
import FestivalText
import TextGrid

/// The detail pages: a film, a quote, a person, the festival.
enum DetailScreens {
    static func film(_ film: Film, _ c: Catalog, _ l: Language, width: Int, shelf: Shelf = Shelf(), limit: Int = .max,
                     pending: Bool = false, screenings: (inout DocumentBuilder) -> Void = { _ in }) -> Page {
        var d = DocumentBuilder(width: width, language: l, limit: limit, pending: pending)
        d.title(film.title.text(l), subtitle: film.title.subtitle(l))
        d.blank()
        for (i, id) in film.directors.enumerated() {
            d.field(Format.creditLabel(film, in: c), c.personName(id, l), target: .person(id),
                    continued: i > 0)
        }
        if film.directors.isEmpty { d.field(.director, Format.unknown(l), style: DocumentBuilder.muted) }
        d.field(.award, Format.award(film, in: c, l), style: Style(.accent, bold: true))
        d.field(.runtime, Format.runtime(film, l))
        d.field(.country, film.country?.text(l) ?? Format.unknown(l))
        if !film.styles.isEmpty { d.field(.styles, Format.list(film.styles.map { $0.text(l) }, l)) }
        d.shelf(.film(film.id), shelf)
        if let p = shelf.priority(film: film.id) { d.field(.priority, String(p) + " / 5", style: Style(.accent, bold: true)) }
        d.heading(.synopsis)
        d.paragraph(film.synopsis?.text(l) ?? Format.unknown(l), style: film.synopsis == nil ? DocumentBuilder.muted : .plain)
        if !film.links.isEmpty {
            d.heading(.links)
            for link in film.links { d.item(link.label?.text(l) ?? link.url, detail: link.label == nil ? nil : link.url, target: .link(link.url)) }
        }
        screenings(&d)
        let quotes = c.quotes(aboutFilm: film.id)
        if pending {
            d.stillLoading(.quotes)
        } else if !quotes.isEmpty {
            d.heading(.quotes, count: quotes.count)
            for q in quotes where !d.isFull { d.item(c.personName(q.speaker, l) + ": " + Format.quoteLine(q, l), target: .quote(q.id)) }
        }
        if let note = film.note {
            d.heading(.note)
            d.paragraph(note.text(l), style: DocumentBuilder.muted)
        }
        d.sources(film.sources, in: c)
        return d.page
    }

    static func quote(_ q: Quote, _ c: Catalog, _ l: Language, width: Int, shelf: Shelf = Shelf(), limit: Int = .max) -> Page {
        var d = DocumentBuilder(width: width, language: l, limit: limit)
        if let main = q.text[l] {
            d.paragraph("“" + main + "”", style: Style(.title, bold: true))
            if let other = q.text[l.other] {
                d.blank()
                d.paragraph("“" + other + "”", style: DocumentBuilder.muted)
            }
        } else if let only = q.text[l.other] {
            d.paragraph("“" + only + "”", style: Style(.title, bold: true))
            d.paragraph((l.other == .zhHant ? UIString.onlyInChinese : UIString.onlyInEnglish).text(l), style: DocumentBuilder.muted)
        }
        d.blank()
        d.field(.speaker, c.personName(q.speaker, l), target: .person(q.speaker))
        d.field(.context, Format.contextKind(q.context.kind, l) + " — " + q.context.place.text(l))
        d.field(.date, q.context.date?.description ?? Format.unknown(l))
        if !q.topics.isEmpty {
            d.field(.topics, Format.list(q.topics.map { c.topic($0)?.name.text(l) ?? $0 }, l))
        }
        if let filmID = q.film, let film = c.film(filmID) {
            d.field(.fromFilm, film.title.text(l), target: .film(filmID))
        }
        d.shelf(.quote(q.id), shelf)
        if let note = q.textNote {
            d.heading(.translationNote)
            d.paragraph(note.text(l), style: DocumentBuilder.muted)
        }
        d.sources(q.sources, in: c)
        return d.page
    }

    static func person(_ p: Person, _ c: Catalog, _ l: Language, width: Int, limit: Int = .max, pending: Bool = false) -> Page {
        var d = DocumentBuilder(width: width, language: l, limit: limit, pending: pending)
        d.title(p.name.text(l), subtitle: p.name.subtitle(l))
        d.blank()
        if !p.roles.isEmpty { d.field(.roles, Format.list(p.roles.map { Format.role($0, l) }, l)) }
        d.field(.position, p.title?.text(l) ?? Format.unknown(l))
        d.field(.affiliation, p.affiliation?.text(l) ?? Format.unknown(l))
        if let note = p.note {
            d.heading(.note)
            d.paragraph(note.text(l), style: DocumentBuilder.muted)
        }
        let films = c.films(directedBy: p.id)
        if !films.isEmpty {
            d.heading(.films, count: films.count)
            for f in films where !d.isFull { d.item(f.title.text(l), detail: Format.award(f, in: c, l), target: .film(f.id)) }
        }
        let quotes = c.quotes(by: p.id)
        if pending {
            d.stillLoading(.quotes)
        } else if !quotes.isEmpty {
            d.heading(.quotes, count: quotes.count)
            for q in quotes where !d.isFull { d.item(Format.quoteLine(q, l), target: .quote(q.id)) }
        }
        d.sources(p.sources, in: c)
        return d.page
    }

    static func festival(_ c: Catalog, _ l: Language, width: Int, pending: Bool = false) -> Page {
        let f = c.festival
        var d = DocumentBuilder(width: width, language: l, pending: pending)
        d.title(f.name.text(l), subtitle: f.name.subtitle(l))
        d.blank()
        d.field(.organizer, f.organizer?.text(l) ?? Format.unknown(l))
        d.field(.edition, f.edition?.text(l) ?? Format.unknown(l))
        if let s = f.submissions {
            let count = (s.approximate ? UIString.approximately.text(l) : "") + s.count.groupedDigits
            d.field(.submissions, count)
            if let note = s.note { d.paragraph(note.text(l), style: DocumentBuilder.muted, indent: min(14, max(8, width / 5)) + 1) }
        } else {
            d.field(.submissions, Format.unknown(l))
        }
        d.field(.finalists, f.finalistCount.map(String.init) ?? Format.unknown(l))
        if let site = f.website { d.field(.website, site, target: .link(site)) }
        d.heading(.about)
        d.paragraph(f.description.text(l))
        if !f.events.isEmpty {
            d.heading(.events, count: f.events.count)
            for e in f.events {
                d.paragraph(Format.eventHeading(e, l), style: Style(.title, bold: true), indent: 2)
                let place = Format.place(e, l)
                if !place.isEmpty { d.paragraph(place, indent: 4) }
                if let note = e.dateNote { d.paragraph(note.text(l), style: DocumentBuilder.muted, indent: 4) }
            }
        }
        if !f.prizeTiers.isEmpty {
            d.heading(.prizeTiers, count: f.prizeTiers.count)
            for t in f.prizeTiers {
                d.paragraph(Format.prizeTier(t, l), indent: 2)
                if let note = t.note { d.paragraph(note.text(l), style: DocumentBuilder.muted, indent: 4) }
            }
        }
        if !f.jury.isEmpty {
            d.heading(.jury, count: f.jury.count)
            for id in f.jury { d.item(c.personName(id, l), detail: c.person(id)?.title?.text(l), target: .person(id)) }
            if let note = f.juryNote { d.paragraph(note.text(l), style: DocumentBuilder.muted, indent: 2) }
        }
        d.sources(f.sources, in: c)
        return d.page
    }
}
