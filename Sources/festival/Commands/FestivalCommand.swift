import ArgumentParser

/// `festival`: browse a film festival's lineup, people and quotes.
struct FestivalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "festival",
        abstract: "Browse a film festival's films, people and quotes in the terminal.",
        discussion: """
        Without a subcommand, opens the interactive browser on the built-in AIFF 2025 catalog \
        (or --catalog PATH). The subcommands print plain text or, with --json, a catalog that \
        `festival validate` accepts.
        """,
        subcommands: [BrowseCommand.self, FilmsCommand.self, FilmCommand.self, PeopleCommand.self,
                      QuotesCommand.self, SearchCommand.self, ValidateCommand.self, RenderCommand.self, GenerateCommand.self, ExportCommand.self, ConfigCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}
