// Entry point: runs the command line and maps failures to exit codes
// (0 ok, 1 not found, 2 bad usage or bad catalog).
import ArgumentParser
import Foundation

// Ctrl-\ (SIGQUIT) is the user's, not a crash: end as its default action does (exit 131),
// without the Swift runtime's backtrace and prompt.
signal(SIGQUIT, SIG_DFL)

do {
    let commands = FestivalCommand.configuration.subcommands.map { $0._commandName } + ["help"]
    let arguments = try CommandLineOrder.normalized(Array(CommandLine.arguments.dropFirst()), commands: commands)
    var command = try FestivalCommand.parseAsRoot(arguments)
    try command.run()
} catch let failure as CLIFailure {
    failure.report()
    exit(failure.exitCode)
} catch {
    let code = FestivalCommand.exitCode(for: error)
    let message = FestivalCommand.fullMessage(for: error)
    if code == .success {
        // --help, --version: a failure to print them is a failure.
        do { try Output.write(message) } catch { exit(2) }
        exit(0)
    }
    Output.error(message)
    exit(2)
}
