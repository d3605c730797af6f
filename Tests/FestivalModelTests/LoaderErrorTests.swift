import Foundation
import Testing
@testable import FestivalCatalog
import FestivalText

@Suite struct LoaderErrorTests {
    @Test func minimalFixtureLoads() throws {
        let c = try CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "m.json")
        #expect(c.films.map(\.id) == ["first", "second"])
        #expect(c.films[1].award == nil)                 // explicit null: unknown
        #expect(c.films[1].runtimeSeconds == nil)
        #expect(c.films[0].runtimeText == "5:00")
        #expect(c.quotes[0].text.zhHant == "電影是光。👍🏽 Cafe\u{301}")
        #expect(c.festival.events[0].date?.description == "2030-01-02")
    }

    /// A place can be known without its tier (a source gives "sixth place" and nothing more);
    /// an award with neither is refused where it stands.
    @Test func anAwardMayKnowItsPlaceWithoutItsTier() throws {
        let placeOnly = TestSupport.minimal(replacing: #""award": {"tier": "top", "place": 1}"#, with: #""award": {"tier": null, "place": 6}"#)
        let c = try CatalogLoader.load(bytes: Array(placeOnly.utf8), file: "m.json")
        #expect(c.films[0].award == Award(tier: nil, place: 6))
        #expect(Format.award(c.films[0], in: c, .en) == "6th place" && Format.award(c.films[0], in: c, .zhHant) == "第6名")
        #expect(CatalogEncoder.json(c).contains(#""tier": null"#))
        let neither = TestSupport.issues(TestSupport.minimal(replacing: #""award": {"tier": "top", "place": 1}"#, with: #""award": {"tier": null, "place": null}"#))
        #expect(neither.map(\.path) == ["films[0].award"] && neither.first?.line == 30, "\(neither)")
        #expect(neither.first?.message.contains("needs a tier or a place") == true)
    }

    @Test func malformedJSONIsLocated() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: #""shortName": "TF","#, with: #""shortName": "TF""#))
        #expect(issues.count == 1)
        #expect(issues[0].line == 7)
        #expect(issues[0].message.contains("invalid JSON"))
        #expect(issues[0].description.hasPrefix("test.json:7:"))
    }

    @Test func missingRequiredField() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: #""synopsis": {"en": "Wind returns."}, "#, with: ""))
        #expect(issues.count == 1)
        #expect(issues[0].path == "films[1]")
        #expect(issues[0].message.contains("missing key \"synopsis\" (write null if it is unknown)"))
        #expect(issues[0].line == 31)
    }

    @Test func nullableFieldMustBePresent() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: #""runtimeSeconds": null, "#, with: ""))
        #expect(issues.map(\.message) == ["missing key \"runtimeSeconds\" (write null if it is unknown)"])
    }

    @Test func emptyStringIsNotUnknown() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: #""title": {"en": "Second Wind 👨‍👩‍👧 🎬", "#, with: #""title": {"en": "", "#))
        #expect(issues.map(\.path) == ["films[1].title.en"])
    }

    @Test func danglingSpeakerID() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: #""speaker": "bo""#, with: #""speaker": "nobody""#))
        #expect(issues.count == 1)
        #expect(issues[0].path == "quotes[0].speaker")
        #expect(issues[0].message == "unknown person id \"nobody\"")
        #expect(issues[0].line == 34)
        #expect(issues[0].column == 29)
    }

    @Test func duplicateID() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: #""id": "second""#, with: #""id": "first""#))
        #expect(issues.count == 1)
        #expect(issues[0].path == "films[1].id")
        #expect(issues[0].message.contains("duplicate film id \"first\" (first defined at line 30)"))
    }

    @Test func wrongSchemaVersion() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: #""schemaVersion": 1"#, with: #""schemaVersion": 2"#))
        #expect(issues.count == 1)
        #expect(issues[0].message.contains("unsupported schemaVersion 2"))
        #expect(issues[0].line == 2)
        let missing = TestSupport.issues(TestSupport.minimal(replacing: #""schemaVersion": 1,"#, with: ""))
        #expect(missing.first?.message.contains("missing \"schemaVersion\"") == true)
    }

    @Test func emptyFile() {
        #expect(TestSupport.issues("").first?.message.contains("the file is empty") == true)
        #expect(TestSupport.issues("   \n\n  ").first?.line == 3)
    }

    @Test func notUTF8() {
        var bytes = Array(TestSupport.minimalText.utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "N"))!   // "Nobody", line 6
        bytes[at] = 0xC3
        bytes[at + 1] = 0x28
        let issues = TestSupport.issues(bytes)
        #expect(issues.count == 1)
        #expect(issues[0].line == 6)
        #expect(issues[0].message.contains("not valid UTF-8"))
    }

    @Test func severalProblemsReportedTogether() {
        var text = TestSupport.minimal(replacing: #""speaker": "bo""#, with: #""speaker": "nobody""#)
        text = text.replacingOccurrences(of: #""directors": ["ana"], "award": null"#, with: #""directors": ["zed"], "award": null"#)
        text = text.replacingOccurrences(of: #""kind": "interview""#, with: #""kind": "chat""#)
        text = text.replacingOccurrences(of: #""url": "https://example.org/first""#, with: #""url": "javascript:alert(1)""#)
        let issues = TestSupport.issues(text)
        #expect(issues.map(\.path) == ["films[0].links[0].url", "films[1].directors[0]", "quotes[0].speaker", "quotes[0].context.kind"])
        #expect(issues.map(\.line) == [30, 31, 34, 34])
    }

    @Test func unknownKeyAndWrongType() {
        var text = TestSupport.minimal(replacing: #""finalistCount": 2,"#, with: #""finalistCount": "two", "finalsts": 2,"#)
        text = text.replacingOccurrences(of: #""roles": ["speaker"]"#, with: #""roles": ["talker"]"#)
        let issues = TestSupport.issues(text)
        #expect(issues.map(\.path) == ["festival.finalistCount", "festival.finalsts", "people[1].roles[0]"])
        #expect(issues[0].message.contains("expected a whole number, found a string"))
        #expect(issues[1].message.contains("unknown key \"finalsts\""))
    }

    @Test func fileSystemErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func message(_ path: String) -> String {
            do { _ = try CatalogLoader.load(path: path); return "loaded" } catch { return error.description }
        }
        #expect(message(dir.appending(path: "missing.json").path).hasSuffix("missing.json: no such file"))
        #expect(message(dir.path).hasSuffix(": is a directory, not a catalog file"))
        let ok = dir.appending(path: "ok.json")
        try TestSupport.minimalText.write(to: ok, atomically: true, encoding: .utf8)
        #expect(message(ok.path) == "loaded")
    }
}
