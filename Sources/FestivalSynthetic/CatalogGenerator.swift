import FestivalCatalog
/// Makes a synthetic catalog for benchmarks and tests: a festival that says it is
/// generated, `films` films, about `films / 2 + quotes / 50` invented people (at least 5),
/// 20 topics, a few invented sources and `quotes` quotes in zh-Hant and/or English.
///
/// The output depends only on the arguments: it uses its own seeded generator
/// (`SyntheticRandom`), never the system one, so the same arguments give the same
/// catalog, and the same encoded bytes, on every run and machine. The catalog passes
/// `CatalogLoader` validation.
public struct CatalogGenerator: Sendable {
    public let films: Int
    public let quotes: Int
    public let seed: UInt64
    /// Venues and screenings to add (none by default).
    public let schedule: SyntheticSchedule?

    /// `films` ≥ 1, `quotes` ≥ 0.
    public init(films: Int, quotes: Int, seed: UInt64, schedule: SyntheticSchedule? = nil) {
        precondition(films >= 1, "a synthetic catalog needs at least one film")
        precondition(quotes >= 0, "the number of quotes cannot be negative")
        self.films = films
        self.quotes = quotes
        self.seed = seed
        self.schedule = schedule
    }

    /// How many people the catalog names.
    public var peopleCount: Int { max(5, films / 2 + quotes / 50) }

    /// How many sources: the generator itself and a few invented publications.
    public var sourceCount: Int { 3 + min(29, quotes / 20_000) }

    /// Quote texts are this many characters long, per language.
    public static let quoteLength = 40...200

    public func catalog() -> Catalog {
        let sources = sources()
        let people = people()
        var films = films(people: people)
        let plan = schedule?.add(to: &films, seed: seed)
        return Catalog(id: "synthetic-" + String(seed), festival: festival(people: people),
                       topics: SyntheticVocabulary.topics.map { Topic(id: $0.slug, name: $0.text) },
                       people: people, films: films,
                       venues: plan?.venues ?? [], screenings: plan?.screenings ?? [], travel: plan?.travel ?? [],
                       quotes: quotes(people: people, films: films, sourceIDs: sources.map(\.id)),
                       sources: sources)
    }

    // MARK: - Streams

    private enum Stream: UInt64 { case people = 1, films, quotes }

    private func random(_ stream: Stream) -> SyntheticRandom {
        SyntheticRandom(seed: seed, stream: stream.rawValue)
    }

    static let generatorSource = "synthetic-generator"

    // MARK: - Festival and sources

    private func festival(people: [Person]) -> Festival {
        let s = String(seed)
        let counts = "\(films) films, \(people.count) people, \(quotes) quotes"
        let zhCounts = "\(films) 部影片、\(people.count) 位人物、\(quotes) 則引言"
        return Festival(
            name: LocalizedText(zhHant: "合成影展（生成資料，種子 \(s)）", en: "Synthetic Festival (generated, seed \(s))"),
            shortName: "Synthetic \(s)",
            organizer: LocalizedText(zhHant: "festival generate（合成資料產生器）", en: "festival generate (synthetic data generator)"),
            edition: nil,
            description: LocalizedText(
                zhHant: "由 festival generate 產生、供效能測試與自動測試使用的合成資料（種子 \(s)：\(zhCounts)）。"
                    + "影展、影片、人物、引言與來源全部由偽隨機產生器從詞表組合而成，純屬虛構：這不是真實的影展，"
                    + "人物都是捏造的，引言也不是任何真實人物說過的話。",
                en: "Synthetic data made by festival generate for benchmarks and tests (seed \(s): \(counts)). "
                    + "The festival, films, people, quotes and sources are all invented by a pseudo-random generator "
                    + "from word lists: this is not a real festival, the people are made up, and no quote is "
                    + "anything a real person said."),
            website: nil,
            submissions: Submissions(count: films * 12, approximate: false,
                                     note: LocalizedText(zhHant: "虛構的數字。", en: "An invented number.")),
            finalistCount: films,
            events: [Event(id: "synthetic-screening", name: LocalizedText(zhHant: "合成放映會", en: "Synthetic screening"),
                           date: PartialDate(year: 2030, month: 6, day: 1), dateNote: nil, venue: nil, city: nil,
                           sources: [Self.generatorSource])],
            prizeTiers: Self.prizeTiers,
            jury: people.filter { $0.roles.contains(.juror) }.map(\.id),
            juryNote: nil,
            sources: [Self.generatorSource])
    }

    static let prizeTiers: [PrizeTier] = [
        PrizeTier(id: "grand-prix", name: LocalizedText(zhHant: "大獎", en: "Grand Prix"), rank: 1,
                  places: LocalizedText(zhHant: "第 1 名", en: "1st"), prize: nil, note: nil),
        PrizeTier(id: "gold", name: LocalizedText(zhHant: "金獎", en: "Gold"), rank: 2,
                  places: LocalizedText(zhHant: "第 2 名", en: "2nd"), prize: nil, note: nil),
        PrizeTier(id: "silver", name: LocalizedText(zhHant: "銀獎", en: "Silver"), rank: 3,
                  places: LocalizedText(zhHant: "第 3 名", en: "3rd"), prize: nil, note: nil),
        PrizeTier(id: "honorable-mention", name: LocalizedText(zhHant: "榮譽提名", en: "Honorable Mention"), rank: 4,
                  places: nil, prize: nil, note: LocalizedText(zhHant: "名次不詳。", en: "Places not known.")),
    ]

    private func sources() -> [Source] {
        let fictional = LocalizedText(zhHant: "虛構的來源，並非真實的出版品。", en: "A fictional source, not a real publication.")
        var list = [Source(id: Self.generatorSource, title: "festival generate (seed \(seed))", author: nil, person: nil,
                           publisher: nil, url: nil, date: nil, language: "en",
                           note: LocalizedText(zhHant: "本目錄的全部內容都是程式產生的虛構資料。",
                                               en: "Everything in this catalog is fictional data made by a program."))]
        for i in 1..<sourceCount {
            let zh = i % 3 == 0
            list.append(Source(id: "synthetic-source-\(i)",
                               title: zh ? "合成訪談紀錄第 \(i) 號" : "Synthetic interview transcript no. \(i)",
                               author: nil, person: nil,
                               publisher: zh ? "範例出版社（虛構）" : "Example Press (fictional)",
                               url: "https://example.org/synthetic/sources/\(i)",
                               date: PartialDate(year: 2030, month: (i - 1) % 12 + 1, day: nil),
                               language: zh ? "zh-Hant" : "en", note: fictional))
        }
        return list
    }

    // MARK: - People

    private func people() -> [Person] {
        typealias V = SyntheticVocabulary
        var rng = random(.people)
        let count = peopleCount
        let note = LocalizedText(zhHant: "程式產生的虛構人物。", en: "A fictional person made up by a program.")
        let generated = [Self.generatorSource]
        var slugs = SlugSet()
        var list: [Person] = []
        list.reserveCapacity(count)
        // Three jurors, spread over the list (the first person is always one).
        let jurors: Set<Int> = [0, count / 3, 2 * count / 3]
        for i in 0..<count {
            var kind = Person.Kind.person
            let name: LocalizedText
            let slug: String
            if rng.chance(5) {
                kind = .group
                let a = rng.pick(V.westernLastNames)
                var b = rng.pick(V.westernLastNames)
                if b.slug == a.slug { b = V.westernLastNames[(V.westernLastNames.firstIndex { $0.slug == a.slug }! + 1) % V.westernLastNames.count] }
                name = LocalizedText(zhHant: a.zh + "與" + b.zh, en: a.en + " & " + b.en)
                slug = a.slug + "-" + b.slug
            } else if rng.chance(40) {
                let family = rng.pick(V.chineseFamilyNames), given = rng.pick(V.chineseGivenNames)
                name = LocalizedText(zhHant: family.zh + given.zh, en: family.en + " " + given.en)
                slug = family.slug + "-" + given.slug
            } else {
                let first = rng.pick(V.westernFirstNames), last = rng.pick(V.westernLastNames)
                name = LocalizedText(zhHant: first.zh + "·" + last.zh, en: first.en + " " + last.en)
                slug = first.slug + "-" + last.slug
            }
            // The first person directs and speaks, so neither list is ever empty.
            var roles: Set<Person.Role> = []
            if i == 0 || rng.chance(45) { roles.insert(.director) }
            if i == 0 || rng.chance(75) { roles.insert(.speaker) }
            if rng.chance(30) { roles.insert(rng.pick(V.extraRoles)) }
            if jurors.contains(i) { roles.insert(.juror) }
            if roles.isEmpty { roles.insert(.speaker) }
            let title: LocalizedText? = rng.chance(50) ? rng.pick(V.personTitles).text : nil
            let affiliation: LocalizedText? = rng.chance(40) ? rng.pick(V.affiliations).text : nil
            list.append(Person(id: slugs.unique(slug), kind: kind, name: name,
                               roles: Person.Role.allCases.filter(roles.contains),
                               title: title, affiliation: affiliation, note: note, sources: generated))
        }
        return list
    }

    // MARK: - Films

    private func films(people: [Person]) -> [Film] {
        typealias V = SyntheticVocabulary
        var rng = random(.films)
        let directors = people.filter { $0.roles.contains(.director) }.map(\.id)
        let generated = [Self.generatorSource]
        var slugs = SlugSet()
        var list: [Film] = []
        list.reserveCapacity(films)
        for _ in 0..<films {
            let adjective = rng.pick(V.titleAdjectives), noun = rng.pick(V.titleNouns)
            var other = rng.pick(V.titleNouns)
            if other.slug == noun.slug { other = V.titleNouns[(V.titleNouns.firstIndex { $0.slug == noun.slug }! + 1) % V.titleNouns.count] }
            let title: LocalizedText, slug: String
            switch rng.below(4) {
            case 0, 1:
                title = LocalizedText(zhHant: adjective.zh + noun.zh, en: "The " + adjective.en + " " + noun.en)
                slug = "the-" + adjective.slug + "-" + noun.slug
            case 2:
                title = LocalizedText(zhHant: other.zh + "的" + noun.zh, en: noun.en + " of the " + other.en)
                slug = noun.slug + "-of-the-" + other.slug
            default:
                title = LocalizedText(zhHant: noun.zh + "與" + other.zh, en: "The " + noun.en + " and the " + other.en)
                slug = "the-" + noun.slug + "-and-the-" + other.slug
            }
            let id = slugs.unique(slug)
            var filmDirectors = [rng.pick(directors)]
            if rng.chance(20) {
                let second = rng.pick(directors)
                if second != filmDirectors[0] { filmDirectors.append(second) }
            }
            var award: Award?
            if rng.chance(20) {
                let tier = rng.below(Self.prizeTiers.count)
                award = Award(tier: Self.prizeTiers[tier].id,
                              place: tier < 3 ? tier + 1 : (rng.chance(50) ? nil : rng.int(in: 4...10)))
            }
            let runtime: Int? = rng.chance(20) ? nil : rng.int(in: 60...1200)
            let country: LocalizedText? = rng.chance(30) ? nil : rng.pick(V.countries).text
            var styles: [LocalizedText] = []
            for _ in 0..<rng.below(3) {
                let style = rng.pick(V.styles).text
                if !styles.contains(style) { styles.append(style) }
            }
            // 1–3 sentences, the same in both languages.
            let lead = rng.pick(V.synopsisLeads), verb = rng.pick(V.synopsisVerbs)
            let place = rng.pick(V.synopsisPlaces), object = rng.pick(V.objects)
            var zh = lead.zh + place.zh + verb.zh + String(decoding: object.hant, as: UTF8.self) + "。"
            var en = lead.en + " " + verb.en + " " + String(decoding: object.en, as: UTF8.self) + " " + place.en + "."
            let extra = rng.below(3)
            let first = rng.below(V.synopsisExtras.count)
            for k in 0..<extra {
                let sentence = V.synopsisExtras[(first + k) % V.synopsisExtras.count]
                zh += sentence.zh
                en += " " + sentence.en
            }
            let links = rng.chance(30) ? [Link(kind: .info, url: "https://example.org/synthetic/films/" + id, label: nil)] : []
            list.append(Film(id: id, title: title, directors: filmDirectors, award: award, runtimeSeconds: runtime,
                             country: country, styles: styles, synopsis: LocalizedText(zhHant: zh, en: en),
                             links: links, note: nil, sources: generated))
        }
        return list
    }

    // MARK: - Quotes

    private func quotes(people: [Person], films: [Film], sourceIDs: [String]) -> [Quote] {
        typealias V = SyntheticVocabulary
        var rng = random(.quotes)
        let speakers = people.filter { $0.roles.contains(.speaker) }.map(\.id)
        let filmIDs = films.map(\.id)
        let topicIDs = V.topics.map(\.slug)
        // Quotes cite the invented publications, not the generator itself. One-source
        // lists are shared between quotes (arrays are copy-on-write).
        let citable = Array(sourceIDs.dropFirst())
        let single = citable.map { [$0] }
        let simplifiedNote = LocalizedText(zhHant: "原文以簡體字刊載，照錄。", en: "Published in Simplified characters; reproduced as published.")
        let noEnglishNote = LocalizedText(zhHant: "未能找到英文原文。", en: "English original not found.")
        var text = QuoteTextBuilder()
        var list: [Quote] = []
        list.reserveCapacity(quotes)
        for i in 0..<quotes {
            // ~40% both languages, ~30% Chinese only, ~30% English only.
            let mix = rng.below(10)
            let zh = mix < 7, en = mix < 4 || mix >= 7
            let simplified = zh && rng.chance(10)
            let words = text.make(&rng, zh: zh, en: en, simplified: simplified)
            var note: LocalizedText?
            if simplified { note = simplifiedNote } else if !en && rng.chance(20) { note = noEnglishNote }
            let (kind, place) = rng.pick(V.places)
            var date: PartialDate?
            if !rng.chance(30) {
                let year = rng.int(in: 2028...2031)
                switch rng.below(10) {
                case 0, 1: date = PartialDate(year: year, month: nil, day: nil)
                case 2, 3, 4: date = PartialDate(year: year, month: rng.int(in: 1...12), day: nil)
                default: date = PartialDate(year: year, month: rng.int(in: 1...12), day: rng.int(in: 1...28))
                }
            }
            // 1–3 distinct topics, in topic order.
            let first = rng.below(topicIDs.count)
            var topics = [topicIDs[first]]
            let more = rng.below(100) < 50 ? 0 : (rng.below(100) < 70 ? 1 : 2)
            if more > 0 {
                var picked = [first]
                for _ in 0..<more {
                    var t = rng.below(topicIDs.count)
                    while picked.contains(t) { t = (t + 1) % topicIDs.count }
                    picked.append(t)
                }
                picked.sort()
                topics = picked.map { topicIDs[$0] }
            }
            let film: String? = rng.chance(40) ? filmIDs[rng.below(filmIDs.count)] : nil
            let a = rng.below(citable.count)
            var sources = single[a]
            if rng.chance(20) {
                let b = rng.below(citable.count)
                if b != a { sources = [citable[a], citable[b]] }
            }
            list.append(Quote(id: "q" + String(i + 1), speaker: speakers[rng.skewed(speakers.count)],
                              text: LocalizedText(zhHant: words.zh, en: words.en), textNote: note,
                              context: QuoteContext(kind: kind, place: place, date: date),
                              topics: topics, film: film, sources: sources))
        }
        return list
    }
}

/// Assembles quote texts from `SyntheticVocabulary` sentences in reusable byte buffers,
/// measuring lengths from the phrase tables instead of the strings.
struct QuoteTextBuilder {
    /// One sentence: a short one, or opener + subject + verb + object + adverbial.
    struct Sentence {
        var short = -1
        var opener = 0, subject = 0, verb = 0, object = 0
        var adverbial = -1
    }

    private var sentences: [Sentence] = []
    private var zhBytes: [UInt8] = []
    private var enBytes: [UInt8] = []

    init() {
        sentences.reserveCapacity(16)
        zhBytes.reserveCapacity(1024)
        enBytes.reserveCapacity(512)
    }

    private static func sentence(_ rng: inout SyntheticRandom) -> Sentence {
        typealias V = SyntheticVocabulary
        var s = Sentence()
        if rng.chance(25) {
            s.short = rng.below(V.shortSentences.count)
            return s
        }
        s.opener = rng.below(V.openers.count)
        s.subject = rng.below(V.subjects.count)
        s.verb = rng.below(V.verbs.count)
        s.object = rng.below(V.objects.count)
        if rng.chance(40) { s.adverbial = rng.below(V.adverbials.count) }
        return s
    }

    /// Characters of a sentence in Chinese (with its full stop).
    private static func zhCount(_ s: Sentence, _ simplified: Bool) -> Int {
        typealias V = SyntheticVocabulary
        if s.short >= 0 { return V.shortSentences[s.short].zhCount(simplified: simplified) }
        return V.openers[s.opener].zhCount(simplified: simplified) + V.subjects[s.subject].zhCount(simplified: simplified)
            + V.verbs[s.verb].zhCount(simplified: simplified) + V.objects[s.object].zhCount(simplified: simplified)
            + (s.adverbial >= 0 ? V.adverbials[s.adverbial].zhCount(simplified: simplified) : 0) + 1
    }

    /// Characters of a sentence in English (with its full stop).
    private static func enCount(_ s: Sentence) -> Int {
        typealias V = SyntheticVocabulary
        if s.short >= 0 { return V.shortSentences[s.short].enCount }
        return V.openers[s.opener].enCount + V.subjects[s.subject].enCount + V.verbs[s.verb].enCount
            + V.objects[s.object].enCount + (s.adverbial >= 0 ? V.adverbials[s.adverbial].enCount : 0) + 1
    }

    /// A quote's text in the asked languages, each `CatalogGenerator.quoteLength`
    /// characters long; a quote in both languages is the same sentences in each.
    mutating func make(_ rng: inout SyntheticRandom, zh: Bool, en: Bool, simplified: Bool) -> (zh: String?, en: String?) {
        let minimum = CatalogGenerator.quoteLength.lowerBound, maximum = CatalogGenerator.quoteLength.upperBound
        while true {
            sentences.removeAll(keepingCapacity: true)
            let target = rng.int(in: CatalogGenerator.quoteLength)
            var zhLength = 0, enLength = 0, misses = 0
            var done = false
            while !done {
                let s = Self.sentence(&rng)
                let z = zh ? zhLength + Self.zhCount(s, simplified) : 0
                let e = en ? enLength + (enLength > 0 ? 1 : 0) + Self.enCount(s) : 0
                let long = (!zh || zhLength >= minimum) && (!en || enLength >= minimum)
                if z > maximum || e > maximum {
                    // Too long to add: stop if long enough, else try a few more sentences.
                    misses += 1
                    if long || misses > 8 { done = true }
                    continue
                }
                sentences.append(s)
                zhLength = z
                enLength = e
                if (!zh || z >= minimum) && (!en || e >= minimum) && max(z, e) >= target { done = true }
            }
            if (zh && zhLength < minimum) || (en && enLength < minimum) { continue }  // rare: start over
            return (zh ? render(zh: simplified) : nil, en ? renderEnglish() : nil)
        }
    }

    private mutating func render(zh simplified: Bool) -> String {
        typealias V = SyntheticVocabulary
        zhBytes.removeAll(keepingCapacity: true)
        for s in sentences {
            if s.short >= 0 {
                zhBytes += V.shortSentences[s.short].zh(simplified: simplified)
                continue
            }
            zhBytes += V.openers[s.opener].zh(simplified: simplified)
            zhBytes += V.subjects[s.subject].zh(simplified: simplified)
            if s.adverbial >= 0 { zhBytes += V.adverbials[s.adverbial].zh(simplified: simplified) }
            zhBytes += V.verbs[s.verb].zh(simplified: simplified)
            zhBytes += V.objects[s.object].zh(simplified: simplified)
            zhBytes += Self.fullStop
        }
        return String(decoding: zhBytes, as: UTF8.self)
    }

    private mutating func renderEnglish() -> String {
        typealias V = SyntheticVocabulary
        enBytes.removeAll(keepingCapacity: true)
        for s in sentences {
            if !enBytes.isEmpty { enBytes.append(UInt8(ascii: " ")) }
            if s.short >= 0 {
                enBytes += V.shortSentences[s.short].en
                continue
            }
            let opener = V.openers[s.opener]
            enBytes += opener.en
            enBytes += opener.en.isEmpty ? V.subjects[s.subject].enCapitalized : V.subjects[s.subject].en
            enBytes += V.verbs[s.verb].en
            enBytes += V.objects[s.object].en
            if s.adverbial >= 0 { enBytes += V.adverbials[s.adverbial].en }
            enBytes.append(UInt8(ascii: "."))
        }
        return String(decoding: enBytes, as: UTF8.self)
    }

    private static let fullStop: [UInt8] = Array("。".utf8)
}

/// Makes ids unique: the first use of a slug is kept, later ones get `-2`, `-3`, …
/// (slugs built from words never end in a number, so these cannot collide).
struct SlugSet {
    private var seen: [String: Int] = [:]

    mutating func unique(_ slug: String) -> String {
        let n = seen[slug, default: 0] + 1
        seen[slug] = n
        return n == 1 ? slug : slug + "-" + String(n)
    }
}
