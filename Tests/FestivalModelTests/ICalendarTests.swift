import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalExport
@testable import FestivalLibrary
@testable import FestivalSchedule

/// The iCalendar writer on its own: one event a screening with a stable UID, local times
/// with their VTIMEZONE, a day alone as an all-day event, hostile text escaped, lines
/// folded at 75 octets, CRLF. (The CLI tests parse whole files with Python's icalendar.)
@Suite struct ICalendarTests {
    static let stamp = Date(timeIntervalSince1970: 1_900_000_000)

    @Test func eventsZonesAndDays() throws {
        let catalog = try CatalogLoader.load(path: TestSupport.fixtures.appending(path: "schedule.json").path)
        var shelf = Shelf()
        shelf.setPriority(film: "first", 5, at: Self.stamp)
        shelf.setTicket(screening: "s1", true, at: Self.stamp)
        let (text, skipped) = ICalendar.calendar(Timetable(catalog: catalog).entries, catalog: catalog, shelf: shelf, language: .en,
                                                 stamp: Self.stamp, productVersion: "9.9")
        #expect(skipped == ["s4"], "no known day")
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//festival//festival 9.9//EN\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        #expect(text.contains("UID:s1@tiny-fest.festival\r\n") && text.contains("DTSTAMP:20300317T174640Z"))
        #expect(text.contains("DTSTART;TZID=America/New_York:20300102T193000\r\nDTEND;TZID=America/New_York:20300102T210000"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York") && text.contains("TZOFFSETTO:-0500"))
        #expect(text.contains("DTSTART;VALUE=DATE:20300105\r\nDTEND;VALUE=DATE:20300106"), "s3: a day alone")
        #expect(text.contains("LOCATION:Great Hall\\, 1 Test Plaza\\, New York") && text.contains("GEO:40.7725;-73.9835"))
        #expect(text.contains("CATEGORIES:premiere,Q&A") && text.contains("STATUS:CONFIRMED"))
        #expect(text.contains("Priority 5") && text.contains("Ticket held"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 3)
    }

    @Test func hostileTextIsEscapedAndLongLinesFolded() {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(!ICalendar.escape("x\u{1B}[31my\u{202E}z").contains("\u{1B}") && !ICalendar.escape("\u{202E}").contains("\u{202E}"))
        let long = "DESCRIPTION:" + String(repeating: "電影", count: 40)
        let folded = ICalendar.fold(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1 && lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long,
                "unfolding gives the line back, never split inside a character")
    }
}
