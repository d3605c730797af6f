import ArgumentParser
import FestivalCatalog
import FestivalImport
import FestivalIO
import Foundation

extension Importer.Format: ExpressibleByArgument {}

/// `festival import FILE`: a feed as festival's own catalog, to keep and enrich.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a festival's published programme (iCalendar, frab schedule XML or JSON, schema.org JSON-LD, CSV) into a festival catalog.",
        discussion: """
        Formats: ics (iCalendar, RFC 5545), frab (a frab or Pentabarf schedule.xml or schedule.json), \
        jsonld (schema.org events in a JSON-LD file or in a web page's ld+json scripts), csv (a programme \
        spreadsheet, one row a screening). The format is recognised by the content, not the name. Every \
        command also opens such a file directly (festival --catalog feed.ics). Ids stay the same when a \
        newer version of the same feed is imported, so your shelf keeps working. What the file does not \
        say stays unknown. The catalog written passes festival validate; warnings (a zone inferred from \
        UTC offsets, a start in a repeated hour) go to standard error.
        Examples:
          festival import programme.ics --output festival.json
          festival import schedule.xml --output festival.json
          festival import programme.html --time-zone Asia/Taipei
        """
    )

    @Argument(help: "The file to convert.", completion: .file())
    var file: String

    @Option(help: ArgumentHelp("Read it as this format: ics, frab, jsonld or csv (default: recognised from the content).", valueName: "format"))
    var format: Importer.Format?

    @Option(name: .customLong("time-zone"), help: ArgumentHelp("The time zone of times the file gives without one (an IANA name).", valueName: "zone"))
    var timeZone: String?

    @Option(help: ArgumentHelp("CSV: which header holds which field, e.g. title=Film,start=Showtime (fields: \(CSVImport.Field.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "field=header,..."))
    var columns: String?

    @Flag(name: .customLong("keep-going"), help: "CSV: leave out the rows that cannot be read (each reported on stderr) instead of failing.")
    var keepGoing = false

    @Option(help: ArgumentHelp("Write the catalog to this file (replaced atomically) instead of standard output.", valueName: "path"),
            completion: .file())
    var output: String?

    func run() throws {
        if let timeZone, LocalTime.zone(timeZone) == nil { throw CLIFailure.usage("--time-zone: unknown time zone '\(timeZone)'") }
        let bytes: [UInt8]
        do { bytes = try CatalogLoader.read(path: file) } catch { throw CLIFailure.catalog(error) }
        var mapping: [String: String] = [:]
        for pair in (columns ?? "").split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else { throw CLIFailure.usage("--columns needs field=header pairs (got '\(pair)')") }
            mapping[kv[0]] = kv[1]
        }
        let catalog: Catalog
        do {
            guard let imported = try Importer.read(bytes, file: file, format: format, timeZone: timeZone, columns: mapping,
                                                   keepGoing: keepGoing) else {
                throw CLIFailure.usage("\(file) is already a festival catalog (or a format festival does not read)")
            }
            for var issue in imported.warnings {
                issue.message = "warning: " + issue.message
                Output.error(issue.description)
            }
            catalog = imported.catalog
        } catch let error as CatalogError {
            throw CLIFailure.catalog(error)
        }
        try write(catalog)
    }

    func write(_ catalog: Catalog) throws {
        if let output, output != "-", output != "/dev/stdout" {
            try CatalogFileWriter.write(catalog, atomicallyTo: output)
        } else {
            Output.prepare()
            try CatalogFileWriter.write(catalog, toDescriptor: STDOUT_FILENO, name: "standard output")
        }
    }
}
