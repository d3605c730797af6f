extension Catalog {
    /// A smaller catalog holding the chosen films, people and quotes and everything they
    /// refer to (directors, speakers, topics, sources), so it loads on its own. The
    /// festival block is kept whole, with the jury and its sources. Chosen screenings keep
    /// their films and venues, and the travel between those venues.
    public func subset(films filmIDs: [String] = [], people personIDs: [String] = [], quotes quoteIDs: [String] = [],
                       screenings screeningIDs: [String] = []) -> Catalog {
        var keepFilms = Set(filmIDs), keepPeople = Set(personIDs), keepQuotes = Set(quoteIDs)
        var keepTopics = Set<String>(), keepSources = Set(festival.sources)
        let keepScreenings = Set(screeningIDs)
        var keepVenues = Set<String>()
        for s in screenings where keepScreenings.contains(s.id) {
            keepFilms.formUnion(s.films)
            if let v = s.venue { keepVenues.insert(v) }
            keepSources.formUnion(s.sources)
        }
        for v in venues where keepVenues.contains(v.id) { keepSources.formUnion(v.sources) }
        keepPeople.formUnion(festival.jury)
        for e in festival.events { keepSources.formUnion(e.sources) }
        for q in quotes where keepQuotes.contains(q.id) {
            keepPeople.insert(q.speaker)
            keepTopics.formUnion(q.topics)
            keepSources.formUnion(q.sources)
            if let f = q.film { keepFilms.insert(f) }
        }
        for f in films where keepFilms.contains(f.id) {
            keepPeople.formUnion(f.directors)
            keepSources.formUnion(f.sources)
        }
        for p in people where keepPeople.contains(p.id) { keepSources.formUnion(p.sources) }
        // A source may name its author as a person, who may cite further sources.
        var changed = true
        while changed {
            changed = false
            for s in sources where keepSources.contains(s.id) {
                if let p = s.person, !keepPeople.contains(p) {
                    keepPeople.insert(p)
                    keepSources.formUnion(person(p)?.sources ?? [])
                    changed = true
                }
            }
        }
        keepQuotes.formIntersection(quotes.map(\.id))
        return Catalog(id: id, festival: festival,
                       topics: topics.filter { keepTopics.contains($0.id) },
                       people: people.filter { keepPeople.contains($0.id) },
                       films: films.filter { keepFilms.contains($0.id) },
                       venues: venues.filter { keepVenues.contains($0.id) },
                       screenings: screenings.filter { keepScreenings.contains($0.id) },
                       travel: travel.filter { keepVenues.contains($0.from) && keepVenues.contains($0.to) },
                       quotes: quotes.filter { keepQuotes.contains($0.id) },
                       sources: sources.filter { keepSources.contains($0.id) })
    }
}
