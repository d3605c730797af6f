import Foundation

/// Edits text in the user's editor ($VISUAL, else $EDITOR) on a private temp file, without
/// a shell. Returns nil when there is no editor (the caller edits inline instead).
enum ExternalEditor {
    static func command(_ environment: [String: String]) -> [String]? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return value.split(separator: " ").map(String.init)
            }
        }
        return nil
    }

    /// Runs the editor on `text`; the edited text, or nil if the editor failed to run or
    /// exited with an error (the note is then left as it was).
    static func edit(_ text: String, argv: [String]) -> String? {
        let dir = FileManager.default.temporaryDirectory
        let path = dir.appending(path: "festival-note-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).md").path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return nil }
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return nil }

        // Like system(): the editor owns Ctrl-C and Ctrl-\ while it runs.
        var ignore = sigaction(), oldInt = sigaction(), oldQuit = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGINT, &ignore, &oldInt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }
        guard let pid = Spawn.start(argv + [path], Spawn.Options(defaultSignals: [SIGINT, SIGQUIT])),
              Spawn.succeeded(pid) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
