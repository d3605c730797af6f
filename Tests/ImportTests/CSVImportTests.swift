import FestivalCatalog
import Foundation
import Testing
@testable import FestivalImport

/// Programme spreadsheets: headers in English or Chinese, quoted fields with commas and line
/// breaks, a BOM and CRLF, every value form, and every bad row located.
@Suite struct CSVImportTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: ICSImportTests.dir.appending(path: name)))
    }

    @Test func aSpreadsheetBecomesACatalog() throws {
        let bytes = try Self.bytes("programme.csv")
        #expect(Importer.detect(bytes) == .csv)
        let (c, warnings) = try CSVImport.catalog(Array(bytes.dropFirst(3)), file: "programme.csv", timeZone: "Europe/Berlin")
        #expect(warnings.isEmpty && c.integrityProblem() == nil && c.id == "csv-programme-csv")
        #expect(c.films.map { $0.title.en ?? $0.title.zhHant! } == ["The Lighthouse Keeper", "海港之夜 🌊", "Signal Lost"])
        let keeper = try #require(c.film("the-lighthouse-keeper"))
        #expect(keeper.directors.compactMap { c.person($0)?.name.en } == ["Ana Núñez"] && keeper.country?.en == "Germany")
        #expect(keeper.synopsis?.en == "A keeper counts ships, storms and days.\r\nQ&A after." || keeper.synopsis?.en == "A keeper counts ships, storms and days.\nQ&A after.")
        #expect(c.film("signal-lost")?.directors.isEmpty == true, "no director given: unknown")
        let shows = c.screenings
        #expect(shows.map { $0.start?.description ?? "" } == ["2030-03-30T19:30", "2030-03-31T10:00", "2030-03-31T14:00", "2030-04-02T18:00"])
        #expect(shows.map(\.duration) == [105, 105, 90, nil])
        #expect(shows.map(\.status) == [.scheduled, .soldOut, .cancelled, .scheduled])
        #expect(c.people.map { $0.name.en ?? $0.name.zhHant! } == ["Ana Núñez", "李波", "Bo Li"])
        // DST: 19:30 on the 30th is UTC+1, 10:00 on the 31st UTC+2.
        #expect(c.startInstant(of: shows[0]) == ICSImportTests.utc(2030, 3, 30, 18, 30))
        #expect(c.startInstant(of: shows[1]) == ICSImportTests.utc(2030, 3, 31, 8, 0))
    }

    @Test func chineseHeadersAndMappedColumns() throws {
        let (zh, _) = try CSVImport.catalog(try Self.bytes("programme-zh.csv"), file: "zh.csv", timeZone: "Asia/Taipei")
        #expect(zh.films.map(\.title.zhHant) == ["初光", "再起之風"] && zh.screenings.first?.duration == 95)
        #expect(zh.film(zh.films[0].id)?.styles.first?.zhHant == "競賽")
        let odd = Array("Film,When,Hall\nA,2030-01-02 20:00,Main\n".utf8)
        #expect(throws: CatalogError.self) { try CSVImport.catalog(odd, file: "o.csv", timeZone: "UTC") }
        let (mapped, _) = try CSVImport.catalog(odd, file: "o.csv", timeZone: "UTC", columns: ["start": "When", "venue": "Hall"])
        #expect(mapped.screenings.first?.start?.description == "2030-01-02T20:00" && mapped.venues.first?.name.en == "Main")
    }

    @Test func badRowsAreLocatedAndKeepGoingLeavesThemOut() throws {
        let text = Array("Title,Date,Time,Runtime,Status\nGood,2030-01-02,20:00,90,\nBad date,2030-13-40,20:00,,\nBad time,2030-01-03,25:99,abc,maybe\n".utf8)
        do {
            _ = try CSVImport.catalog(text, file: "b.csv", timeZone: "UTC")
            Issue.record("bad rows fail the import")
        } catch {
            let all = error.description
            #expect(all.contains("b.csv:3:2: Date: \"2030-13-40\" is not a date"), "\(all)")
            #expect(all.contains("b.csv:4:3: Time: \"25:99\" is not a time") && all.contains("b.csv:4:4: Runtime") && all.contains("b.csv:4:5: Status"))
        }
        let (c, skipped) = try CSVImport.catalog(text, file: "b.csv", timeZone: "UTC", keepGoing: true)
        #expect(c.screenings.count == 1 && skipped.count == 4)
        // Times without a zone are refused with the way out.
        let noZone = Array("Title,Date,Time\nA,2030-01-02,20:00\n".utf8)
        do { _ = try CSVImport.catalog(noZone, file: "n.csv", timeZone: nil) } catch {
            #expect(error.description.contains("n.csv:2:3: Time: times in a CSV have no time zone: give --time-zone"))
        }
        #expect(CSVImport.clock("7:30 PM") == 1_170 && CSVImport.clock("12:05 AM") == 5 && CSVImport.clock("19時30分") == 1_170)
        #expect(CSVImport.duration("1h45") == 105 && CSVImport.duration("105分鐘") == 105 && CSVImport.duration("0") == nil)
        var log = ImportLog(file: "q.csv")
        #expect(CSVTable.parse(Array("a;b\n\"x;y\";\"he said \"\"hi\"\"\"\n".utf8), log: &log).rows.last?.fields == ["x;y", "he said \"hi\""])
    }
}
