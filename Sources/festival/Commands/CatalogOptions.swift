import ArgumentParser
import BuiltinCatalog
import FestivalCatalog
import FestivalImport
import FestivalLibrary
import FestivalSearch
import FestivalStorage
import FestivalApp
import Foundation
import TextGrid

/// Options every command takes: which catalog and which language.
struct CatalogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A catalog JSON file, a pipe, or - for standard input (default: the built-in AIFF 2025 catalog).", valueName: "path"),
            completion: .file())
    var catalog: String?

    @Option(name: .long, help: ArgumentHelp("Language: zh-Hant or en (default: from LC_ALL/LANG).", valueName: "lang"),
            completion: .list(["zh-Hant", "en"]))
    var lang: String?

    @Option(name: .customLong("time-zone"), help: ArgumentHelp("The time zone of times given without one: a feed's, and those of --from and --unavailable (an IANA name, such as Asia/Taipei; default for these: the first venue's).", valueName: "zone"))
    var timeZone: String?

    func validate() throws {
        if let lang, Language(identifier: lang) == nil {
            throw ValidationError("unknown language '\(Sanitize.oneLine(lang))' (use zh-Hant or en)")
        }
        try Self.readFeeds(in: timeZone)
    }

    /// Every load from here on reads feeds' zone-less times in `timeZone` (checked first).
    static func readFeeds(in timeZone: String?) throws {
        guard let timeZone else { return }
        guard LocalTime.zone(timeZone) != nil else { throw ValidationError("unknown time zone '\(Sanitize.oneLine(timeZone))' (an IANA name, such as Asia/Taipei)") }
        Importer.register(timeZone: timeZone)
    }

    /// The language to show: --lang, else the locale environment.
    var language: Language {
        lang.flatMap(Language.init(identifier:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// Loads the chosen catalog or fails with its located errors (exit 2). A catalog file
    /// comes from its cache file when there is a valid one (see `CatalogCache`); a miss
    /// parses the JSON and, without an index to store, writes no cache.
    func load() throws -> Catalog {
        do {
            if let catalog {
                return KeptUntilExit.keep(try ProgressBar.loading {
                    try CatalogCache.standard.load(path: catalog, withIndex: false, progress: $0).catalog
                })
            }
            return try CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8), file: BuiltinCatalog.displayName)
        } catch let error as CatalogError {
            throw CLIFailure.catalog(error)
        }
    }

    /// Catalog files at least this large are printed from their start by `withStart`.
    static let startBytes = 4 << 20

    /// For a command that prints only what a catalog's start holds (films, people): `body`
    /// gets the start of a large catalog file as soon as it is read (`CatalogStart`), not
    /// after its quotes. The whole file is then still loaded, so that a catalog that is not
    /// valid fails (exit 2) as it would have — unless the cache already knows it is valid.
    func withStart(_ body: (Catalog) throws -> Void) throws {
        let cache = CatalogCache.standard
        if let catalog, catalog != "-", (try? FileManager.default.attributesOfItem(atPath: catalog)[.size] as? Int) ?? 0 >= Self.startBytes,
           let start = cache.start(path: catalog) {
            try body(start.catalog)
            if !start.knownValid { _ = try load() }
            return
        }
        try body(try load())
    }

    /// The catalog and its search index: from the cache file on a hit; else parsed and
    /// built, and stored in the cache for next time on another thread, which writes the
    /// catalog while the index is built and the index once it is, while the command goes
    /// on (`OpenedLibrary.finish()` waits for it). The built-in catalog is not cached.
    /// With `deferringQuotes`, a hit leaves the quotes in the cache file until hits are
    /// resolved (`OpenedLibrary.prepare`), for a command that prints a few of them.
    func loadWithIndex(deferringQuotes: Bool = false) throws -> OpenedLibrary {
        guard let catalog else {
            return OpenedLibrary(library: Library(indexing: try load()), storing: nil)
        }
        let cache = CatalogCache.standard
        let storing = DispatchGroup()
        let (loaded, library, cached): (CatalogCache.Loaded, Library, Bool)
        do {
            (loaded, library, cached) = try ProgressBar.loading { progress in
                var loaded = try cache.load(path: catalog, deferringQuotes: deferringQuotes, progress: progress)
                if let index = cache.cachedIndex(loaded) {
                    return (loaded, Library(catalog: loaded.catalog, index: index, deferredQuotes: loaded.deferredQuotes), true)
                }
                // A damaged index (the cache file is gone now): the whole catalog is needed to build one.
                if loaded.deferredQuotes != nil { loaded = try cache.load(path: catalog, progress: progress) }
                progress?.start(.indexing)
                // The index is built while another thread writes the cache file's catalog,
                // which then waits for the index.
                let toIndex = loaded.catalog
                let index = Job { Library(indexing: toIndex) }
                let toStore = loaded
                DispatchQueue.global().async(group: storing) { _ = cache.storeIfNew(toStore, index: { index.value.index }) }
                return (loaded, index.value, false)
            }
        } catch let error as CatalogError {
            throw CLIFailure.catalog(error)
        }
        KeptUntilExit.keep(library)
        if cached { return OpenedLibrary(library: library, storing: nil, discard: { cache.discard(loaded) }) }
        return OpenedLibrary(library: library, storing: storing)
    }
}

/// A library, perhaps still being written to the cache.
struct OpenedLibrary {
    var library: Library
    fileprivate var storing: DispatchGroup?
    /// Deletes the cache file the library came from.
    fileprivate var discard: (() -> Void)?

    var catalog: Catalog { library.catalog }

    /// Waits until the cache file is written (call before the process exits).
    func finish() {
        storing?.wait()
    }

    /// Makes `hits` resolvable (`Library.item`): with deferred quotes, decodes theirs from
    /// the cache file. A damaged part of the file is not shown: the file is deleted and the
    /// result is false (load the catalog again, from its JSON).
    func prepare(_ hits: some Collection<SearchIndex.Hit>) -> Bool {
        do {
            try library.load(hits)
            return true
        } catch {
            discard?()
            return false
        }
    }
}

/// The --json flag of listing commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print a catalog JSON of the selection (it loads with --catalog).")
    var json = false
}
