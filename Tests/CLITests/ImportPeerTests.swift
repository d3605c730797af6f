import Foundation
import Testing
@testable import FestivalCatalog

/// `festival import` of frab schedules and JSON-LD pages end to end, checked against
/// Python's lxml (and xmlschema, for the fixtures' shape) on the same files; feeds opened
/// from a pipe and with `--time-zone`, and kept in the cache.
@Suite struct ImportPeerTests {
    /// Every event as lxml reads the frab XML: folded title, UTC start, minutes, room.
    static let frabPeer = """
    import sys, datetime, xmlschema
    from zoneinfo import ZoneInfo
    from lxml import etree
    xmlschema.XMLSchema(sys.argv[2]).validate(sys.argv[1])
    root = etree.parse(sys.argv[1], etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    zone = ZoneInfo(root.findtext('conference/time_zone_name'))
    out = []
    for day in root.iter('day'):
        for room in day.iter('room'):
            for e in room.iter('event'):
                if e.findtext('date'):
                    s = datetime.datetime.fromisoformat(e.findtext('date'))
                else:
                    h, m = map(int, e.findtext('start').split(':'))
                    d = datetime.date.fromisoformat(day.get('date'))
                    if day.get('start') and (h, m) < tuple(map(int, day.get('start')[11:16].split(':'))):
                        d += datetime.timedelta(days=1)
                    s = datetime.datetime(d.year, d.month, d.day, h, m, tzinfo=zone)
                h, m = map(int, e.findtext('duration').split(':'))
                title = ' '.join(e.findtext('title').lower().split())
                out.append('%s|%s|%d|%s' % (title, s.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%MZ'), h * 60 + m, e.findtext('room') or room.get('name')))
    print('\\n'.join(sorted(out)))
    """

    /// Every event in the page's ld+json scripts as lxml and json read them: its films'
    /// folded titles, UTC start (or day), status.
    static let jsonldPeer = """
    import sys, json, datetime
    from lxml import html
    events = []
    def walk(n):
        if isinstance(n, list):
            for x in n: walk(x)
        elif isinstance(n, dict):
            t = n.get('@type', '')
            if isinstance(t, str) and t.endswith('Event') and 'startDate' in n: events.append(n)
            for k, v in n.items():
                if k not in ('superEvent', 'workPresented', 'location'): walk(v)
    for s in html.parse(sys.argv[1]).getroot().iter('script'):
        if s.get('type') == 'application/ld+json': walk(json.loads(s.text))
    out = []
    for e in events:
        works = e.get('workPresented') or {'name': e['name']}
        works = works if isinstance(works, list) else [works]
        title = ' / '.join(' '.join(w['name'].lower().split()) for w in works)
        s = datetime.datetime.fromisoformat(e['startDate']) if 'T' in e['startDate'] else datetime.date.fromisoformat(e['startDate'])
        start = s.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%MZ') if isinstance(s, datetime.datetime) else s.isoformat()
        status = 'cancelled' if e.get('eventStatus', '').endswith('EventCancelled') else 'sold-out' if 'SoldOut' in json.dumps(e.get('offers', {})) else 'scheduled'
        out.append('%s|%s|%s' % (title, start, status))
    print('\\n'.join(sorted(out)))
    """

    static func importAndPeer(_ fixture: String, peer: String, peerReads: String? = nil, extra: [String] = [], line: (Catalog, Screening, String) -> String) async throws -> (ours: [String], theirs: [String]) {
        let sandbox = try Sandbox("festival-import-peer")
        let path = ImportCLITests.fixtures.appending(path: fixture).path
        let out = sandbox.directory.appending(path: "out.json").path
        let r = try await sandbox.run(CLITests.binary.path, ["import", path, "--output", out] + extra)
        #expect(r.status == 0, "\(String(decoding: r.stderr, as: UTF8.self))")
        #expect(try await sandbox.run(CLITests.binary.path, ["validate", out]).status == 0, "import then validate is clean")
        let catalog = try CatalogLoader.load(path: out)
        var ours: [String] = []
        for s in catalog.screenings {
            var start = s.start?.description ?? "?"
            if let t = catalog.startInstant(of: s) {
                let d = LocalTime.civil(t / 86_400), m = t % 86_400 / 60
                start = String(format: "%04d-%02d-%02dT%02d:%02dZ", d.year, d.month, d.day, m / 60, m % 60)
            }
            ours.append(line(catalog, s, start))
        }
        let python = try await sandbox.run("/usr/bin/env", ["python3", "-c", peer, peerReads.map { ImportCLITests.fixtures.appending(path: $0).path } ?? path, ImportCLITests.fixtures.appending(path: "frab-schedule.xsd").path])
        #expect(python.status == 0, "\(String(decoding: python.stderr, as: UTF8.self))")
        let clean = { (s: String) in s.unicodeScalars.filter { !($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }.map(String.init).joined() }
        return (ours.map(clean).sorted(), String(decoding: python.stdout, as: UTF8.self).split(separator: "\n").map { clean(String($0)) }.sorted())
    }

    static func title(_ c: Catalog, _ id: String) -> String {
        (c.film(id)?.title.en ?? c.film(id)?.title.zhHant ?? "").lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func aFrabScheduleAgreesWithLxml() async throws {
        for fixture in ["northern-frames.xml", "northern-frames.json"] {
            // The JSON twin is held to what lxml reads in the XML.
            let (ours, theirs) = try await Self.importAndPeer(fixture, peer: Self.frabPeer, peerReads: "northern-frames.xml") { c, s, start in
                // The second 02:30 of the night the clocks go back is the one the format cannot name: moved an hour, and warned about.
                "\(Self.title(c, s.films[0]))|\(start)|\(s.duration ?? 0)|\(c.venue(s.venue!)?.name.en ?? "")"
            }
            let repeated = "the extra hour\u{202E}|2030-10-27T01:30Z|20|Kino Eins"
            #expect(ours.filter { !$0.hasPrefix("the extra hour") } == theirs.filter { !$0.hasPrefix("the extra hour") }, "\(fixture)\nfestival:\n\(ours.joined(separator: "\n"))\nlxml:\n\(theirs.joined(separator: "\n"))")
            #expect(theirs.contains(repeated) && ours.contains("the extra hour\u{202E}|2030-10-27T00:30Z|20|Kino Eins"), "\(ours)\n\(theirs)")
        }
    }

    @Test func aJSONLDPageAgreesWithLxml() async throws {
        let (ours, theirs) = try await Self.importAndPeer("lantern-coast.html", peer: Self.jsonldPeer, extra: ["--time-zone", "Australia/Sydney"]) { c, s, start in
            "\(s.films.map { Self.title(c, $0) }.joined(separator: " / "))|\(start)|\(s.status.rawValue)"
        }
        #expect(ours == theirs, "festival:\n\(ours.joined(separator: "\n"))\nlxml:\n\(theirs.joined(separator: "\n"))")
    }

    @Test func feedsOpenFromAPipeWithAZoneAndAreCached() async throws {
        let sandbox = try Sandbox("festival-import-pipe")
        let binary = CLITests.binary.path
        let ics = ImportCLITests.fixtures.appending(path: "harbour.ics").path
        let piped = try await CLITests.shell("cat '\(ics)' | '\(binary)' films --catalog - --lang en")
        #expect(piped.status == 0 && piped.stdout.contains("The Lighthouse Keeper"), "\(piped.stderr)")
        let noise = try await CLITests.shell("printf 'Name:\\tx\\n' | '\(binary)' films --catalog -")
        #expect(noise.status == 2 && noise.stderr.contains("is not a catalog or a feed festival reads"), "\(noise.stderr)")
        // A floating feed opens with --time-zone; its cache is kept apart from the zone-less one.
        let floating = sandbox.directory.appending(path: "floating.txt").path
        try FileManager.default.copyItem(atPath: ImportCLITests.fixtures.appending(path: "floating.txt").path, toPath: floating)
        let taipei = try await sandbox.run(binary, ["screenings", "--catalog", floating, "--time-zone", "Asia/Taipei", "--json"])
        #expect(taipei.status == 0 && String(decoding: taipei.stdout, as: UTF8.self).contains("Asia/Taipei"), "\(String(decoding: taipei.stderr, as: UTF8.self))")
        let search = try await sandbox.run(binary, ["search", "--catalog", floating, "--time-zone", "Asia/Taipei", "floating"])
        #expect(search.status == 0)
        let cacheFiles = FileManager.default.enumerator(atPath: sandbox.directory.appending(path: "cache").path)?.allObjects.compactMap { $0 as? String }.filter { $0.hasSuffix(".bin") } ?? []
        #expect(cacheFiles.count == 1 && cacheFiles[0].contains("/variant-"), "\(cacheFiles)")
        let paris = try await sandbox.run(binary, ["screenings", "--catalog", floating, "--time-zone", "Europe/Paris", "--json"])
        #expect(String(decoding: paris.stdout, as: UTF8.self).contains("Europe/Paris"), "another zone is not served the cached one")
        // validate takes the zone too, so a CSV can be validated.
        let csv = sandbox.directory.appending(path: "p.csv").path
        try "Title,Date,Time,Venue\nA,2030-06-01,19:30,Hall\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try await sandbox.run(binary, ["validate", csv]).status == 2)
        let validated = try await sandbox.run(binary, ["validate", csv, "--time-zone", "Asia/Taipei"])
        #expect(validated.status == 0, "\(String(decoding: validated.stderr, as: UTF8.self))")
        let unknown = try await sandbox.run(binary, ["films", "--catalog", floating, "--time-zone", "Mars/Olympus"])
        #expect(unknown.status == 2 && String(decoding: unknown.stderr, as: UTF8.self).contains("unknown time zone 'Mars/Olympus'"))
        // frab's JSON opens like its XML (told from a catalog by its first member).
        let json = try await sandbox.run(binary, ["films", "--catalog", ImportCLITests.fixtures.appending(path: "northern-frames.json").path, "--lang", "en"])
        #expect(json.status == 0 && String(decoding: json.stdout, as: UTF8.self).contains("Winter Archive"), "\(String(decoding: json.stderr, as: UTF8.self))")
        // A frab schedule's talks show their speakers as such.
        let talk = try await sandbox.run(binary, ["render", "--screen", "film:making-films-with-machines", "--catalog",
                                                   ImportCLITests.fixtures.appending(path: "northern-frames.xml").path, "--lang", "en", "--size", "70x14"])
        #expect(String(decoding: talk.stdout, as: UTF8.self).contains("Speakers"), "\(String(decoding: talk.stdout, as: UTF8.self))\(String(decoding: talk.stderr, as: UTF8.self))")
    }
}
