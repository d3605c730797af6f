import Foundation
import Glibc
import Testing
@testable import FestivalCatalog
@testable import FestivalIO
@testable import FestivalLibrary
@testable import FestivalSearch
import FestivalSynthetic

/// The hostile-input probe of 2026-12-07 (shared/reviews), shrunk to the model's layer: each
/// test failed before its fix.
@Suite struct TrustTests {
    static func sandbox() throws -> URL { try SpecialFileTests.sandbox() }

    // MARK: N1: a symbolic link another user planted in /tmp

    /// The kernel's protected_symlinks rule, as `AtomicFile` applies it.
    @Test func aLinkInAStickyWorldWritableDirectoryIsFollowedOnlyForItsOwners() {
        var sticky = stat(), plain = stat()
        sticky.st_mode = S_IFDIR | 0o1777
        sticky.st_uid = 0
        plain.st_mode = S_IFDIR | 0o777
        #expect(!AtomicFile.mayFollow(linkOwner: 1001, directory: sticky, user: 1000), "another user's link in /tmp")
        #expect(AtomicFile.mayFollow(linkOwner: 1000, directory: sticky, user: 1000), "the user's own link")
        #expect(AtomicFile.mayFollow(linkOwner: 0, directory: sticky, user: 1000), "the directory owner's link")
        #expect(AtomicFile.mayFollow(linkOwner: 1001, directory: plain, user: 1000), "not sticky: followed")
        sticky.st_mode = S_IFDIR | 0o1775
        #expect(AtomicFile.mayFollow(linkOwner: 1001, directory: sticky, user: 1000), "not world-writable: followed")
    }

    /// As root (CI): a link in a sticky directory that another user owns is refused, the file
    /// behind it untouched; the user's own link is written through. (The two-user run of the
    /// real binary is in CLITests.)
    @Test(.enabled(if: geteuid() == 0, "needs root to give a link another owner"))
    func anotherUsersLinkIsNotWrittenThrough() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sticky = dir.appending(path: "sticky").path
        #expect(mkdir(sticky, 0o777) == 0 && chmod(sticky, 0o1777) == 0)
        let victim = dir.appending(path: "victim").path
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        let link = sticky + "/out.md"
        #expect(symlink(victim, link) == 0 && lchown(link, 4242, 4242) == 0)
        #expect {
            try AtomicFile.write("mine", to: link)
        } throws: { error in
            (error as? AtomicFile.Failure).map { $0.code == EACCES && $0.description.contains("protected_symlinks") } ?? false
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(lchown(link, geteuid(), getegid()) == 0)
        try AtomicFile.write("mine", to: link)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "mine")
    }

    /// A dangling link says where it points, and makes no file there.
    @Test func aDanglingLinkSaysWhereItPoints() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = dir.appending(path: "out.md").path
        #expect(symlink("nowhere/x.md", link) == 0)
        #expect {
            try AtomicFile.write("x", to: link)
        } throws: { error in
            "\(error)" == "cannot write \(link): it is a symbolic link to nowhere/x.md, which does not exist"
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appending(path: "nowhere").path))
    }

    // MARK: N10: a killed write's temporary file

    @Test func aKilledWritesTemporaryFileIsRemovedByTheNextWrite() throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A pid that is not running: the highest one plus one is never in use.
        let gone = Int32((try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 4_194_304) + 1
        let stale = dir.appending(path: ".out.json.tmp-\(gone)-12345").path
        let running = dir.appending(path: ".out.json.tmp-1-777").path           // pid 1 runs
        let other = dir.appending(path: ".other.json.tmp-\(gone)-1").path       // another name
        for path in [stale, running, other] { try "part".write(toFile: path, atomically: false, encoding: .utf8) }
        try AtomicFile.write("{}", to: dir.appending(path: "out.json").path)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: running) && FileManager.default.fileExists(atPath: other))
    }

    // MARK: N2 and N12: long and repeated reference lists

    @Test func referenceListsHaveALimitAndNoRepeats() {
        let topics = (0...Catalog.maxReferences).map { "{\"id\": \"t\($0)\", \"name\": {\"en\": \"t\($0)\"}}" }
        let many = TestSupport.minimal(replacing: "{\"id\": \"craft\", \"name\": {\"en\": \"craft\", \"zh-Hant\": \"技藝\"}}",
                                       with: (["{\"id\": \"craft\", \"name\": {\"en\": \"craft\"}}"] + topics).joined(separator: ",\n"))
            .replacingOccurrences(of: "\"topics\": [\"craft\"]",
                                  with: "\"topics\": [" + (0...Catalog.maxReferences).map { "\"t\($0)\"" }.joined(separator: ", ") + "]")
        let issues = TestSupport.issues(many)
        #expect(issues.count == 1 && issues[0].path == "quotes[0].topics" && issues[0].line != nil, "\(issues)")
        #expect(issues.first?.message == "lists 1001 ids; a list holds at most 1000")

        let twice = TestSupport.minimal(replacing: "\"topics\": [\"craft\"]", with: "\"topics\": [\"craft\", \"craft\"]")
        let repeated = TestSupport.issues(twice)
        #expect(repeated.map(\.path) == ["quotes[0].topics[1]"] && repeated.first?.message == "topic id \"craft\" is already in this list")

        // A cache file cannot bring them in either: the rules every catalog keeps refuse them.
        var catalog = try! CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "m.json")
        catalog.quotes[0].topics = ["craft", "craft"]
        #expect(catalog.integrityProblem() == "a reference listed twice")
        catalog.quotes[0].topics = ["craft"]
        catalog.films[0].directors = Array(repeating: "ana", count: 2)
        #expect(catalog.integrityProblem() == "a reference listed twice")
    }

    /// Topics and sources are found through a table, not by reading the list each time.
    @Test func topicsAndSourcesAreLookedUpByTable() {
        var catalog = try! CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "m.json")
        catalog.topics = (0..<5_000).map { Topic(id: "t\($0)", name: LocalizedText(zhHant: nil, en: "t\($0)")) }
        #expect(catalog.topic("t4999")?.id == "t4999" && catalog.topic("nope") == nil)
        #expect(catalog.source("doc")?.id == "doc")
        catalog.topics.append(Topic(id: "late", name: LocalizedText(zhHant: nil, en: "late")))
        #expect(catalog.topic("late")?.id == "late", "a change to the list makes a new table")
    }

    // MARK: N5: huge strings

    @Test func aStringLongerThanTheLimitIsALocatedError() {
        let long = String(repeating: "word ", count: Catalog.maxStringBytes / 5 + 1)
        let issues = TestSupport.issues(TestSupport.minimal(replacing: "\"Light arrives.\"", with: "\"\(long)\""))
        #expect(issues.count == 1 && issues[0].path == "films[0].synopsis.en" && issues[0].line != nil && issues[0].column != nil)
        #expect(issues.first?.message.hasSuffix("a string holds at most 1048576 bytes of UTF-8") == true)
    }

    // MARK: N8: the catalog's own id in a cache file

    @Test func theCatalogsOwnIdIsChecked() {
        var catalog = try! CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "m.json")
        #expect(catalog.integrityProblem() == nil)
        for bad in ["s\u{1B}arch-fest", "sear\u{01}h", String(repeating: "\u{0}", count: 8), ""] {
            catalog.id = bad
            #expect(catalog.integrityProblem() == "a bad catalog id", "\(bad.debugDescription)")
        }
    }

    // MARK: N7: one error is one line

    @Test func aLocatedMessageIsOneLineWhateverItQuotes() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: "\"id\": \"first\"",
                                                            with: "\"id\": \"x\\nevil.json: ok (2 films)\\r\\n\""))
        #expect(!issues.isEmpty)
        for issue in issues { #expect(!issue.description.contains("\n") && !issue.description.contains("\r"), "\(issue)") }
        #expect(issues.contains { $0.description.contains("x␤evil.json: ok (2 films)␤") }, "\(issues)")
    }

    // MARK: N3: repeated and implied search terms

    @Test func identicalAndContainedTermsCountOnce() {
        #expect(SearchQuery(String(repeating: "e ", count: 500)).terms == [Array("e".utf8)])
        #expect(SearchQuery("e ea light li").terms == [Array("ea".utf8), Array("light".utf8)])
        #expect(SearchQuery("\"a b\" a").terms == [Array("a b".utf8)])
        // The ranking phrase is still the whole query.
        #expect(SearchQuery("light light").phrase == Array("light light".utf8))
    }

    /// The same records however the terms are ordered or repeated (the phrase that ranks them
    /// changes), and the same as reading every record for every term, also where the later
    /// terms are read in the few candidates the first left (the fewCandidates path).
    @Test func termOrderRepeatsAndFewCandidatesGiveTheSameHits() {
        let catalog = CatalogGenerator(films: 40, quotes: 6_000, seed: 7).catalog()
        let index = SearchIndex(catalog: catalog)
        // The long Chinese terms are narrowed by their rarest characters and then read (the
        // memo of a typed prefix first, then without it).
        let queries = ["light camera", "the of", "frame light the", "電影 light", "e a", "li ght", "th e r", "camera, of",
                       "聲音", "聲音是畫面的另一半", "我們發現那場咖啡館的戲", "的另一半 light", "聲音是畫面的另一半。"]
        for text in queries {
            let words = text.split(separator: " ").map(String.init)
            let hits = Set(index.search(SearchQuery(text)).map(\.document))
            let reversed = Set(index.search(SearchQuery(words.reversed().joined(separator: " "))).map(\.document))
            let repeated = Set(index.search(SearchQuery(text + " " + text)).map(\.document))
            #expect(reversed == hits && repeated == hits, "\(text): \(hits.count), \(reversed.count), \(repeated.count)")
            // Brute force: every term somewhere in the record's folded text.
            let terms = SearchQuery(text).terms
            let expected = (0..<index.documents.count).filter { record in
                let corpus = index.corpus
                let bytes = (corpus.starts[record]..<corpus.end(of: record)).map { corpus.bytes[$0] }
                return terms.allSatisfy { SearchIndex.contains(bytes, $0) }
            }
            #expect(hits == Set(expected), "\(text): \(hits.count) hits, \(expected.count) expected")
        }
    }

    // MARK: N12: validation gaps

    @Test func aLanguageIsATagAndTagCharactersAreWarnedAbout() {
        let issues = TestSupport.issues(TestSupport.minimal(replacing: "\"language\": \"en\"", with: "\"language\": \"!!! not bcp47 !!!\""))
        #expect(issues.count == 1 && issues[0].path == "sources[0].language" && issues[0].line != nil, "\(issues)")
        for good in ["en", "zh-Hant", "zh-Hant-TW", "es-419", "und"] { #expect(Source.isLanguageTag(good), "\(good)") }
        for bad in ["", "e", "en-", "-en", "en--us", "en us", "123", "toolongprimary"] { #expect(!Source.isLanguageTag(bad), "\(bad)") }
        #expect(CatalogLint.problem("title\u{E0041}\u{E0042}") == "tag character U+E0041 in text (invisible: it can carry hidden text)")
        #expect(CatalogLint.problem("\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scotland") == nil, "a flag's tags")
    }
}
