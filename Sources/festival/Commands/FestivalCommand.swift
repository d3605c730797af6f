import ArgumentParser

/// `festival`: browse a film festival's lineup, people and quotes.
struct FestivalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "festival",
        abstract: "Browse a film festival's films, people and quotes in the terminal (version \(FestivalVersion.string)).",
        discussion: """
        Without a subcommand, opens the interactive browser on the built-in AIFF 2025 catalog; \
        `festival --catalog PATH` opens it on another catalog and `festival --lang en` (or \
        zh-Hant) in that language (see `festival browse --help` for its other options). The \
        subcommands print plain text or, with --json, a catalog that `festival validate` \
        accepts; --catalog and --lang may come before or after the subcommand.
        Exit codes: 0 something was printed or written; 1 nothing was selected (no match, an \
        unknown id); 2 bad usage or a catalog that cannot be used (the message on stderr).
        """,
        version: "festival " + FestivalVersion.string,
        subcommands: [BrowseCommand.self, FilmsCommand.self, FilmCommand.self, PeopleCommand.self,
                      QuotesCommand.self, SearchCommand.self, ScreeningsCommand.self, PriorityCommand.self, PickCommand.self, PlanCommand.self,
                      ShelfCommand.self, ImportCommand.self, ValidateCommand.self, RenderCommand.self, GenerateCommand.self, ExportCommand.self, ConfigCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}
