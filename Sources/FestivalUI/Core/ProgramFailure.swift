import FestivalText
import FestivalCatalog

/// How a program festival started for the user (a browser, an editor) failed.
public struct ProgramFailure: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// It could not be started (not found, not executable).
        case notStarted
        /// It exited with a status other than 0 (127 from a shell: the command was not found).
        case exitStatus(Int32)
        /// A signal ended it.
        case signal(Int32)
    }

    /// The program as the user named it (the first word of `$BROWSER` or `$EDITOR`).
    public var program: String
    public var reason: Reason

    public init(program: String, reason: Reason) {
        self.program = program
        self.reason = reason
    }

    /// "false: exit status 1"
    func text(_ l: Language) -> String {
        let what: String
        switch reason {
        case .notStarted, .exitStatus(127): what = UIString.notRunnable.text(l)
        case .exitStatus(let status): what = UIString.exitStatus.text(l) + "\(status)"
        case .signal(let signal): what = UIString.endedBySignal.text(l) + "\(signal)"
        }
        return program + UIString.colon.text(l) + what
    }
}

/// What `$VISUAL`/`$EDITOR` came back with.
public enum NoteEdit: Equatable, Sendable {
    /// The text in the file when the editor exited successfully.
    case edited(String)
    /// The editor failed; the note stays as it was.
    case failed(ProgramFailure)
}
