import ArgumentParser
import FestivalCatalog

/// `festival validate PATH`: check a catalog file and report every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a catalog file; print every problem with its line, column and JSON path.",
        discussion: """
        Errors (exit 2) make the catalog unusable. Warnings (on standard error, exit 0) are \
        text that loads but may mislead a reader: control characters, bidi controls, text \
        that is empty once invisible characters are removed; --strict makes them errors.
        Example: festival validate my-festival.json
        """
    )

    @Argument(help: "The catalog file to check.", completion: .file())
    var path: String

    @Flag(help: "Treat warnings as errors (exit 2).")
    var strict = false

    @Option(name: .customLong("time-zone"), help: ArgumentHelp("The time zone of a feed's times that have none (an IANA name, such as Asia/Taipei).", valueName: "zone"))
    var timeZone: String?

    func validate() throws { try CatalogOptions.readFeeds(in: timeZone) }

    func run() throws {
        let checked: (catalog: Catalog, warnings: [CatalogIssue])
        do {
            checked = try ProgressBar.loading { try CatalogLoader.validate(path: path, progress: $0) }
        } catch let error as CatalogError {
            throw CLIFailure.catalog(error)
        }
        if strict && !checked.warnings.isEmpty { throw CLIFailure.catalog(CatalogError(checked.warnings)) }
        for warning in checked.warnings.prefix(CatalogError.maxShown) {
            var shown = warning
            shown.message = "warning: " + warning.message
            Output.error(shown.description)
        }
        if checked.warnings.count > CatalogError.maxShown {
            Output.error("… and \(checked.warnings.count - CatalogError.maxShown) more warnings")
        }
        let c = checked.catalog
        let warned = checked.warnings.isEmpty ? "" : ", \(checked.warnings.count) warning\(checked.warnings.count == 1 ? "" : "s")"
        let schedule = c.screenings.isEmpty ? "" : ", \(c.venues.count) venues, \(c.screenings.count) screenings"
        try Output.write("\(path): ok (\(c.films.count) films, \(c.people.count) people, \(c.quotes.count) quotes, \(c.topics.count) topics, \(c.sources.count) sources\(schedule)\(warned))")
    }
}
