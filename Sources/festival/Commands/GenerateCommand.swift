import ArgumentParser
import FestivalIO
import FestivalCatalog
import FestivalSynthetic
import Foundation
import Synchronization

/// `festival generate`: write a synthetic catalog for benchmarks and tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic catalog (invented festival, films, people and quotes) for benchmarks and tests.",
        discussion: """
        The same arguments always give the same bytes, on any machine. The festival's name \
        and description say the data is generated; no quote is anything a real person said.
        Example: festival generate --films 1000 --quotes 1000000 --seed 1 --output big.json
        """
    )

    static let maxFilms = 1_000_000
    static let maxQuotes = 20_000_000

    // `.unconditional`: `--quotes -1` is the value -1 (refused by its range), not a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp("How many films (1 to \(maxFilms)).", valueName: "n"))
    var films: Int

    @Option(parsing: .unconditional, help: ArgumentHelp("How many quotes (0 to \(maxQuotes)).", valueName: "m"))
    var quotes: Int

    @Option(help: ArgumentHelp("The seed of the pseudo-random generator (0 to 18446744073709551615).", valueName: "s"))
    var seed: UInt64

    @Option(parsing: .unconditional, help: ArgumentHelp("Add this many venues and a schedule (1 to 1000; with --days and --screenings-per-film).", valueName: "n"))
    var venues: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Days the schedule spans (1 to 366; default 10).", valueName: "n"))
    var days: Int?

    @Option(name: .customLong("screenings-per-film"), parsing: .unconditional,
            help: ArgumentHelp("Screenings of each film or programme (1 to 20; default 3).", valueName: "n"))
    var screeningsPerFilm: Int?

    @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "path"),
            completion: .file())
    var output: String?

    func run() throws {
        guard (1...Self.maxFilms).contains(films) else {
            throw CLIFailure.usage("--films must be between 1 and \(Self.maxFilms) (got \(films))")
        }
        guard (0...Self.maxQuotes).contains(quotes) else {
            throw CLIFailure.usage("--quotes must be between 0 and \(Self.maxQuotes) (got \(quotes))")
        }
        if let output, output.isEmpty { throw CLIFailure.usage("--output needs a file path") }
        var schedule: SyntheticSchedule?
        if venues != nil || days != nil || screeningsPerFilm != nil {
            let v = venues ?? 10, d = days ?? 10, k = screeningsPerFilm ?? 3
            guard (1...1_000).contains(v) else { throw CLIFailure.usage("--venues must be between 1 and 1000 (got \(v))") }
            guard (1...366).contains(d) else { throw CLIFailure.usage("--days must be between 1 and 366 (got \(d))") }
            guard (1...20).contains(k) else { throw CLIFailure.usage("--screenings-per-film must be between 1 and 20 (got \(k))") }
            schedule = SyntheticSchedule(venues: v, days: d, screeningsPerFilm: k)
        }
        let written = Written()
        try ProgressBar.showing({ written.status }) {
            let catalog = CatalogGenerator(films: films, quotes: quotes, seed: seed, schedule: schedule).catalog()
            written.bytes.store(0, ordering: .relaxed)
            if let output, output != "-", output != "/dev/stdout" {
                try CatalogFileWriter.write(catalog, atomicallyTo: output, counting: written)
            } else {
                Output.prepare()
                try CatalogFileWriter.write(catalog, toDescriptor: STDOUT_FILENO, name: "standard output", counting: written)
            }
        }
    }

    /// How far the output is, for the progress bar: -1 while the catalog is generated.
    final class Written: Sendable {
        let bytes = Atomic<Int>(-1)

        func add(_ count: Int) { bytes.add(count, ordering: .relaxed) }

        var status: ProgressBar.Status {
            let done = bytes.load(ordering: .relaxed)
            if done < 0 { return ProgressBar.Status(label: "generating") }
            return ProgressBar.Status(label: "writing", detail: "\(done >> 20) MB")
        }
    }
}

/// Streams a catalog's JSON to a file descriptor or, atomically, to a file.
enum CatalogFileWriter {
    /// Writes all of `catalog` to `fd` in chunks (no whole-file string in memory).
    static func write(_ catalog: Catalog, toDescriptor fd: Int32, name: String, counting: GenerateCommand.Written? = nil) throws {
        try CatalogEncoder.write(catalog) { chunk in
            counting?.add(chunk.count)
            if let code = AtomicFile.writeAll(fd, UnsafeRawBufferPointer(chunk)) { throw CLIFailure.cannotWrite(name, code) }
        }
    }

    /// Writes to a temporary file beside `path`, then renames it over `path`, so readers
    /// see the old file or the whole new one, never a part.
    static func write(_ catalog: Catalog, atomicallyTo path: String, counting: GenerateCommand.Written? = nil) throws {
        do {
            try AtomicFile.write(to: path) { writer in
                try CatalogEncoder.write(catalog) { chunk in
                    counting?.add(chunk.count)
                    try writer.write(UnsafeRawBufferPointer(chunk))
                }
            }
        } catch let failure as AtomicFile.Failure {
            throw CLIFailure.cannotWrite(failure)
        }
    }
}
