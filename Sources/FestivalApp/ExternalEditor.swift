import Foundation
import FestivalUI

/// Edits text in the user's editor ($VISUAL, else $EDITOR) on a private temp file.
enum ExternalEditor {
    /// The editor as git runs it: a plain name or path is run directly; a value with
    /// arguments or shell syntax (`code --wait`, `vim -c 'set tw=72'`) through `/bin/sh -c
    /// '<value> "$@"'`, the file passed as an argument (never spliced into the command).
    struct Command: Equatable {
        /// The value as the user set it (for messages).
        var name: String
        var argv: [String]
    }

    /// Characters that make git hand the editor to the shell (run-command.c).
    static let shellSyntax = Set("|&;<>()$`\\\"' \t\n*?[#~=%")

    /// The editor to run, or nil when there is none (the caller edits inline instead).
    static func command(_ environment: [String: String]) -> Command? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                let argv = value.contains(where: shellSyntax.contains) ? ["/bin/sh", "-c", value + " \"$@\"", value] : [value]
                return Command(name: value, argv: argv)
            }
        }
        return nil
    }

    /// Runs the editor on `text`: the edited text, or how the editor failed (the note is
    /// then left as it was).
    static func edit(_ text: String, editor: Command) -> NoteEdit {
        func failed(_ reason: ProgramFailure.Reason) -> NoteEdit {
            .failed(ProgramFailure(program: editor.name, reason: reason))
        }
        let dir = FileManager.default.temporaryDirectory
        let path = dir.appending(path: "festival-note-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).md").path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return failed(.notStarted) }
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return failed(.notStarted) }

        // Like system(): the editor owns Ctrl-C and Ctrl-\ while it runs.
        var ignore = sigaction(), oldInt = sigaction(), oldQuit = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGINT, &ignore, &oldInt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }
        guard let pid = Spawn.start(editor.argv + [path], Spawn.Options(defaultSignals: [SIGINT, SIGQUIT])) else {
            return failed(.notStarted)
        }
        let end = Spawn.wait(pid) ?? .notStarted
        guard end == .exitStatus(0) else { return failed(end) }
        guard let data = FileManager.default.contents(atPath: path) else { return failed(.notStarted) }
        return .edited(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
