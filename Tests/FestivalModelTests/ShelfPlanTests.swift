import FestivalCatalog
import Foundation
import Testing
@testable import FestivalLibrary

/// Priorities, picks, tickets and unavailable times on the shelf, and its file (version 2
/// only when they are used).
@Suite struct ShelfPlanTests {
    let t0 = Date(timeIntervalSince1970: 1_900_000_000)

    @Test func prioritiesPicksAndTickets() {
        var shelf = Shelf()
        let five = shelf.setPriority(film: "a", 5, at: t0), zero = shelf.setPriority(film: "b", 0, at: t0)
        let six = shelf.setPriority(film: "a", 6, at: t0), negative = shelf.setPriority(film: "a", -1, at: t0)
        #expect(five && zero, "0 is a priority: not wanted")
        #expect(!six && !negative)
        #expect(shelf.priority(film: "a") == 5 && shelf.priority(film: "b") == 0)
        shelf.setTicket(screening: "s1", true, at: t0)
        #expect(shelf.isPicked(screening: "s1") && shelf.hasTicket(screening: "s1"), "a ticket is a pick")
        shelf.setTicket(screening: "s1", false, at: t0)
        #expect(shelf.isPicked(screening: "s1") && !shelf.hasTicket(screening: "s1"), "dropping a ticket keeps the pick")
        shelf.setTicket(screening: "s1", true, at: t0)
        shelf.setPicked(screening: "s1", false, at: t0)
        #expect(shelf.screenings.isEmpty, "unpicking drops the ticket and the empty entry")
        shelf.setPriority(film: "b", nil, at: t0)
        #expect(shelf.films["b"] == nil)
    }

    @Test func theFileIsVersionOneUntilAPlanIsOnIt() throws {
        var shelf = Shelf()
        shelf.toggleFavorite(.film("a"), at: t0)
        let plain = String(decoding: ShelfCoding.encode(shelf, catalogID: "c"), as: UTF8.self)
        #expect(plain.contains("\"shelfVersion\": 1") && !plain.contains("screenings"))
        shelf.setPriority(film: "a", 4, at: t0)
        shelf.setTicket(screening: "s9", true, at: t0)
        shelf.setPicked(screening: "s2", true, at: t0)
        let span = try #require(Shelf.Unavailable(from: LocalStart("2030-06-06T09:00")!, to: LocalStart("2030-06-06T13:00")!,
                                                  timeZone: "America/Toronto"))
        let added = shelf.addUnavailable(span), again = shelf.addUnavailable(span)
        #expect(added && !again)
        let bytes = ShelfCoding.encode(shelf, catalogID: "c")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"shelfVersion\": 2") && text.contains("\"priority\": 4"))
        #expect(try ShelfCoding.decode(bytes, catalogID: "c") == shelf)
        #expect(span.description == "2030-06-06T09:00–13:00 America/Toronto")
        #expect(span.seconds.count == 4 * 3_600)
    }

    @Test func badPlanEntriesAreRefusedWithTheirPlace() {
        let base = #"{"catalogId": "c", "films": {}, "quotes": {}, "shelfVersion": 2, "screenings": {}, "unavailable": []}"#
        let cases: [(String, String, String)] = [
            (#""films": {}"#, #""films": {"a": {"priority": 9, "updated": "2030-01-01T00:00:00Z"}}"#, "expected a priority from 0 to 5, found 9"),
            (#""screenings": {}"#, #""screenings": {"s": {"picked": "yes", "updated": "2030-01-01T00:00:00Z"}}"#, "screenings.\"s\".picked"),
            (#""unavailable": []"#, #""unavailable": [{"from": "2030-01-01T10:00", "to": "2030-01-01T09:00", "timeZone": "UTC"}]"#, "unavailable[0]"),
            (#""unavailable": []"#, #""unavailable": [{"from": "2030-01-01T10:00", "to": "2030-01-01T11:00", "timeZone": "../x"}]"#, "unavailable[0]"),
            (#""shelfVersion": 2"#, #""shelfVersion": 1"#, "need shelfVersion 2"),
            (#""shelfVersion": 2"#, #""shelfVersion": 3"#, "unsupported version 3"),
        ]
        for (old, new, expected) in cases {
            let text = base.replacingOccurrences(of: old, with: new)
            #expect(throws: ShelfCoding.FormatError.self, "\(new)") { try ShelfCoding.decode(Array(text.utf8), catalogID: "c") }
            do { _ = try ShelfCoding.decode(Array(text.utf8), catalogID: "c") } catch {
                #expect(error.reason.contains(expected) && error.reason.contains("line 1"), "\(error.reason)")
            }
        }
        // A version 1 shelf (written before priorities) still reads.
        let old = #"{"catalogId": "c", "films": {"a": {"favorite": true, "updated": "2030-01-01T00:00:00Z"}}, "quotes": {}, "shelfVersion": 1}"#
        #expect((try? ShelfCoding.decode(Array(old.utf8), catalogID: "c"))?.isFavorite(.film("a")) == true)
    }

    @Test func mergingTwoPlansLosesNeitherSide() throws {
        var mine = Shelf(), theirs = Shelf()
        mine.setPriority(film: "a", 5, at: t0)
        mine.setPicked(screening: "s1", true, at: t0)
        theirs.setPriority(film: "a", 2, at: t0)
        theirs.setPriority(film: "b", 3, at: t0)
        theirs.setTicket(screening: "s2", true, at: t0)
        let span = try #require(Shelf.Unavailable(from: LocalStart("2030-06-06T09:00")!, to: LocalStart("2030-06-06T10:00")!, timeZone: "UTC"))
        theirs.addUnavailable(span)
        let conflicts = mine.mergePlan(theirs, at: t0)
        #expect(mine.priority(film: "a") == 5 && mine.priority(film: "b") == 3)
        #expect(mine.isPicked(screening: "s1") && mine.isPicked(screening: "s2") && !mine.hasTicket(screening: "s2"))
        #expect(mine.unavailable == [span])
        #expect(conflicts == ["film a: priority 5 kept (the other plan has 2)",
                              "screening s2: the other plan holds a ticket; here it is picked, not ticketed"])
    }
}
