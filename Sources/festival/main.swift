// Entry point: runs the command line and maps failures to exit codes
// (0 ok, 1 not found, 2 bad usage or bad catalog).
import ArgumentParser
import FestivalImport
import Foundation

// Ctrl-\ (SIGQUIT) is the user's, not a crash: end as its default action does (exit 131),
// without the Swift runtime's backtrace and prompt.
signal(SIGQUIT, SIG_DFL)

// A standard descriptor the shell closed (`>&-`) is held by /dev/null, read-only: no file
// festival opens can take its number and receive output meant for it, and writing to it
// still fails (exit 2 with a message, as before).
for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
    let null = open("/dev/null", O_RDONLY)
    if null >= 0 && null != fd { dup2(null, fd); close(null) }
}

// iCalendar feeds (and other formats as they come) open wherever a catalog does.
Importer.register()

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
