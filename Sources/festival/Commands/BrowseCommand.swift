import ArgumentParser
import FestivalModel

/// `festival` (default): the interactive browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default)."
    )

    @OptionGroup var options: CatalogOptions

    @Flag(name: .long, help: "Do not capture the mouse.")
    var noMouse = false

    func run() throws {
        _ = try options.load()
        throw CLIFailure.usage("the interactive browser is not built yet; try `festival films` or `festival --help`")
    }
}

/// `festival render`: a screen as text, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a screen of the browser as text (for scripts and tests)."
    )

    @OptionGroup var options: CatalogOptions

    func run() throws {
        throw CLIFailure.usage("render is not built yet")
    }
}
