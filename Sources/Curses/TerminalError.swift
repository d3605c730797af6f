/// Why a terminal session could not start.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, cron…).
    case notATerminal
    /// `TERM` is unset, empty or `dumb`.
    case dumbTerminal(term: String?)
    /// ncurses could not set up the terminal (e.g. no terminfo entry for `TERM`).
    case initFailed(term: String?)
    /// Another session is still running in this process.
    case alreadyActive

    static let scriptingHint =
        "for scripting, try `festival films`, `festival quotes --json` or `festival --help`"

    public var description: String {
        switch self {
        case .notATerminal:
            return "festival needs an interactive terminal (standard input and output must be a tty); "
                + Self.scriptingHint + "."
        case .dumbTerminal(let term):
            let name = term.map { $0.isEmpty ? "TERM is empty" : "TERM=\($0)" } ?? "TERM is not set"
            return "festival needs a full-screen terminal, but \(name). Set TERM (e.g. TERM=xterm-256color), or "
                + Self.scriptingHint + "."
        case .initFailed(let term):
            return "festival could not start the terminal" + (term.map { " (TERM=\($0): no terminfo entry?)" } ?? "")
                + "; " + Self.scriptingHint + "."
        case .alreadyActive:
            return "a terminal session is already running"
        }
    }
}
