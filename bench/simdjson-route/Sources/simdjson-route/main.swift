import CSimdjsonRoute
import FestivalCatalog
import Foundation

/// Decodes a catalog both ways, alternating, and prints each route's median.
///   A  festival's decoder: `CatalogLoader.load(bytes:)` (decode, checks, integrity)
///   B  simdjson route: the start by festival, quotes and sources by simdjson On-Demand
///      into an arena, then the same model built from it in Swift, and the integrity check.
///      A lower bound for the route: B checks no id, date or URL rule (A checks them all).
///   P  simdjson alone: parse and unescape into the arena, no model.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else { print("usage: simdjson-route FILE.json [RUNS]"); exit(2) }
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let bytes = try! CatalogLoader.read(path: arguments[1])

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func date(_ s: String) -> PartialDate? {
    let parts = s.split(separator: "-").compactMap { Int($0) }
    guard let year = parts.first else { return nil }
    return PartialDate(year: year, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
}

/// Builds the quotes and sources from the shim's entries.
func model(_ r: sr_result) -> (quotes: [Quote], sources: [Source]) {
    var quotes: [Quote] = [], sources: [Source] = []
    quotes.reserveCapacity(r.quotes)
    sources.reserveCapacity(r.sources)
    var q: Quote?
    var s: Source?
    func flush() {
        if let done = q { quotes.append(done); q = nil }
        if let done = s { sources.append(done); s = nil }
    }
    for n in 0..<r.entryCount {
        let tag = Int32(r.entries[3 * n]), offset = Int(r.entries[3 * n + 1]), length = Int(r.entries[3 * n + 2])
        if tag == Int32(SR_QUOTE) {
            flush()
            q = Quote(id: "", speaker: "", text: LocalizedText(), textNote: nil,
                      context: QuoteContext(kind: .other, place: LocalizedText(), date: nil), topics: [], film: nil, sources: [])
            continue
        }
        if tag == Int32(SR_SOURCE) {
            flush()
            s = Source(id: "", title: "", author: nil, person: nil, publisher: nil, url: nil, date: nil, language: "", note: nil)
            continue
        }
        let text = String(decoding: UnsafeBufferPointer(start: r.arena + offset, count: length), as: UTF8.self)
        switch Int(tag) {
        case Int(SR_Q_ID): q!.id = text
        case Int(SR_Q_SPEAKER): q!.speaker = text
        case Int(SR_Q_TEXT_ZH): q!.text.zhHant = text
        case Int(SR_Q_TEXT_EN): q!.text.en = text
        case Int(SR_Q_NOTE_ZH): q!.textNote = LocalizedText(zhHant: text, en: q!.textNote?.en)
        case Int(SR_Q_NOTE_EN): q!.textNote = LocalizedText(zhHant: q!.textNote?.zhHant, en: text)
        case Int(SR_Q_KIND): q!.context.kind = QuoteContext.Kind(rawValue: text) ?? .other
        case Int(SR_Q_WHERE_ZH): q!.context.place.zhHant = text
        case Int(SR_Q_WHERE_EN): q!.context.place.en = text
        case Int(SR_Q_DATE): q!.context.date = date(text)
        case Int(SR_Q_TOPIC): q!.topics.append(text)
        case Int(SR_Q_FILM): q!.film = text
        case Int(SR_Q_SOURCE): q!.sources.append(text)
        case Int(SR_S_ID): s!.id = text
        case Int(SR_S_TITLE): s!.title = text
        case Int(SR_S_AUTHOR): s!.author = text
        case Int(SR_S_PERSON): s!.person = text
        case Int(SR_S_PUBLISHER): s!.publisher = text
        case Int(SR_S_URL): s!.url = text
        case Int(SR_S_DATE): s!.date = date(text)
        case Int(SR_S_LANGUAGE): s!.language = text
        case Int(SR_S_NOTE_ZH): s!.note = LocalizedText(zhHant: text, en: s!.note?.en)
        case Int(SR_S_NOTE_EN): s!.note = LocalizedText(zhHant: s!.note?.zhHant, en: text)
        default: break
        }
    }
    flush()
    return (quotes, sources)
}

var times: [String: [Double]] = ["A festival decoder": [], "B simdjson route": [], "P simdjson parse only": []]
var counts = (0, 0)
for _ in 0..<runs {
    times["A festival decoder"]!.append(seconds {
        let catalog = try! CatalogLoader.load(bytes: bytes, file: arguments[1])
        counts.0 = catalog.quotes.count
    })
    times["B simdjson route"]!.append(seconds {
        let start = CatalogStart.decode(bytes: bytes)!
        var r = sr_result()
        guard sr_decode(bytes, bytes.count, &r) == 0 else { fatalError("simdjson failed") }
        let (quotes, sources) = model(r)
        sr_free(&r)
        let catalog = Catalog(id: start.id, festival: start.festival, topics: start.topics, people: start.people,
                              films: start.films, quotes: quotes, sources: sources)
        precondition(catalog.integrityProblem() == nil)
        counts.1 = catalog.quotes.count
    })
    times["P simdjson parse only"]!.append(seconds {
        var r = sr_result()
        guard sr_decode(bytes, bytes.count, &r) == 0 else { fatalError("simdjson failed") }
        sr_free(&r)
    })
}
precondition(counts.0 == counts.1, "the routes disagree: \(counts)")
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
let a = median(times["A festival decoder"]!)
print("file: \(arguments[1]) (\(bytes.count / 1_000_000) MB, \(counts.0) quotes), \(runs) runs, medians:")
for name in times.keys.sorted() {
    let m = median(times[name]!)
    print("  " + name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%8.3f s  %.2f× A", m, m / a))
}
