import ArgumentParser
import BuiltinCatalog
import FestivalModel
import Foundation

/// Options every command takes: which catalog and which language.
struct CatalogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A catalog JSON file (default: the built-in AIFF 2025 catalog).", valueName: "path"))
    var catalog: String?

    @Option(name: .long, help: ArgumentHelp("Language: zh-Hant or en (default: from LC_ALL/LANG).", valueName: "lang"))
    var lang: String?

    func validate() throws {
        if let lang, Language(identifier: lang) == nil {
            throw ValidationError("unknown language '\(lang)' (use zh-Hant or en)")
        }
    }

    /// The language to show: --lang, else the locale environment.
    var language: Language {
        lang.flatMap(Language.init(identifier:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// Loads the chosen catalog or fails with its located errors (exit 2).
    func load() throws -> Catalog {
        do {
            if let catalog { return try CatalogLoader.load(path: catalog) }
            return try CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8), file: BuiltinCatalog.displayName)
        } catch {
            throw CLIFailure.catalog(error)
        }
    }
}

/// The --json flag of listing commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print a catalog JSON of the selection (it loads with --catalog).")
    var json = false
}
