import FestivalCatalog
import FestivalIO
import Foundation
import TextGrid

/// A command's failure with the exit code it maps to; the message goes to stderr.
struct CLIFailure: Error {
    var message: String
    var exitCode: Int32

    /// Something asked for does not exist (exit 1). One line: a line break in a value it
    /// quotes is shown as ␤.
    static func notFound(_ message: String) -> CLIFailure { CLIFailure(message: Sanitize.oneLine(message), exitCode: 1) }
    /// Bad usage or an unusable catalog (exit 2).
    static func usage(_ message: String) -> CLIFailure { CLIFailure(message: message, exitCode: 2) }
    static func catalog(_ error: CatalogError) -> CLIFailure { CLIFailure(message: error.description, exitCode: 2) }
    /// A file or stream that could not be written (exit 2, as for a catalog that cannot be read).
    static func cannotWrite(_ name: String, _ code: Int32) -> CLIFailure {
        CLIFailure(message: "cannot write \(name): \(String(cString: strerror(code)))", exitCode: 2)
    }
    /// One line: the path and a link's target are the user's (or another user's) text.
    static func cannotWrite(_ failure: AtomicFile.Failure) -> CLIFailure {
        CLIFailure(message: Sanitize.oneLine(failure.description), exitCode: 2)
    }

    func report() {
        Output.error("festival: " + message.replacingOccurrences(of: "\n", with: "\nfestival: "))
    }
}
