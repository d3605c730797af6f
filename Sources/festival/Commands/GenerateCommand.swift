import ArgumentParser
import FestivalModel
import Foundation

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

    @Option(help: ArgumentHelp("How many films (1–\(maxFilms)).", valueName: "n"))
    var films: Int

    @Option(help: ArgumentHelp("How many quotes (0–\(maxQuotes)).", valueName: "m"))
    var quotes: Int

    @Option(help: ArgumentHelp("The seed of the pseudo-random generator (0–18446744073709551615).", valueName: "s"))
    var seed: UInt64

    @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        guard (1...Self.maxFilms).contains(films) else {
            throw CLIFailure.usage("--films must be between 1 and \(Self.maxFilms) (got \(films))")
        }
        guard (0...Self.maxQuotes).contains(quotes) else {
            throw CLIFailure.usage("--quotes must be between 0 and \(Self.maxQuotes) (got \(quotes))")
        }
        if let output, output.isEmpty { throw CLIFailure.usage("--output needs a file path") }
        let catalog = CatalogGenerator(films: films, quotes: quotes, seed: seed).catalog()
        if let output, output != "-" {
            try CatalogFileWriter.write(catalog, atomicallyTo: output)
        } else {
            Output.prepare()
            try CatalogFileWriter.write(catalog, toDescriptor: STDOUT_FILENO, name: "standard output")
        }
    }
}

/// Streams a catalog's JSON to a file descriptor or, atomically, to a file.
enum CatalogFileWriter {
    /// Writes all of `catalog` to `fd` in chunks (no whole-file string in memory).
    static func write(_ catalog: Catalog, toDescriptor fd: Int32, name: String) throws {
        try CatalogEncoder.write(catalog) { chunk in
            try writeAll(fd, chunk, name: name)
        }
    }

    /// Writes to a temporary file beside `path`, then renames it over `path`, so readers
    /// see the old file or the whole new one, never a part.
    static func write(_ catalog: Catalog, atomicallyTo path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw failure(path, EISDIR)
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        do {
            // mkstemp makes the file 0600; give it the usual mode for new files.
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
            try write(catalog, toDescriptor: fd, name: path)
            guard fsync(fd) == 0 else { throw failure(path, errno) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure(path, errno) }
        guard rename(temporary, path) == 0 else { throw failure(path, errno) }
        done = true
    }

    private static func writeAll(_ fd: Int32, _ chunk: UnsafeBufferPointer<UInt8>, name: String) throws {
        guard var base = chunk.baseAddress else { return }
        var left = chunk.count
        while left > 0 {
            let n = Foundation.write(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(name, errno)
            }
            base += n
            left -= n
        }
    }

    /// Exit 2, as for a catalog file that cannot be read.
    private static func failure(_ name: String, _ code: Int32) -> CLIFailure {
        CLIFailure(message: "cannot write \(name): \(String(cString: strerror(code)))", exitCode: 2)
    }
}
