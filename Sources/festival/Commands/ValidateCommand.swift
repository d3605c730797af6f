import ArgumentParser
import FestivalCatalog

/// `festival validate PATH`: check a catalog file and report every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a catalog file; print every problem with its line, column and JSON path.",
        discussion: "Example: festival validate my-festival.json"
    )

    @Argument(help: "The catalog file to check.")
    var path: String

    func run() throws {
        let c: Catalog
        do {
            c = try CatalogLoader.load(path: path)
        } catch {
            throw CLIFailure.catalog(error)
        }
        try Output.write("\(path): ok (\(c.films.count) films, \(c.people.count) people, \(c.quotes.count) quotes, \(c.topics.count) topics, \(c.sources.count) sources)")
    }
}
