import Foundation
import Testing
@testable import FestivalApp
import FestivalUI

/// The browser and the editor as real programs: what each reports when it works, fails or
/// is missing, and `$EDITOR` with arguments run as git runs it.
@Suite struct ExternalProgramTests {
    static let url = "https://example.org/film"
    static let path = ["PATH": "/usr/bin:/bin"]

    /// What `URLOpener.open` reported, as text.
    static func opening(_ environment: [String: String]) -> String {
        switch URLOpener.open(url, environment: path.merging(environment) { $1 }) {
        case .opened(let u): return "opened \(u)"
        case .notOpened(let u, nil): return "no browser for \(u)"
        case .notOpened(let u, let failure?): return "\(failure.program) failed (\(failure.reason)) on \(u)"
        default: return "something else"
        }
    }

    /// Writes an executable script through a descriptor closed on exec, so that a child
    /// another test starts meanwhile does not hold it open for writing (running the script
    /// would then fail with "text file busy").
    static func writeScript(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else { throw POSIXError(.EIO) }
    }

    @Test func aBrowserThatFailsIsReportedAndOneThatWorksIsNot() throws {
        #expect(Self.opening(["BROWSER": "/bin/false"]) == "/bin/false failed (exitStatus(1)) on \(Self.url)")
        #expect(Self.opening(["BROWSER": "true"]) == "opened \(Self.url)")
        // N11: a $BROWSER that is not there is named as the browser that failed.
        #expect(Self.opening(["BROWSER": "/nonexistent/browser"]) == "/nonexistent/browser failed (notStarted) on \(Self.url)")
        #expect(Self.opening(["PATH": "/nonexistent"]) == "no browser for \(Self.url)")
        // Still running after the window: a browser that stays open has the link.
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let browser = dir.appending(path: "browser").path
        try Self.writeScript("#!/bin/sh\nsleep 2\n", to: browser)
        #expect(Self.opening(["BROWSER": browser]) == "opened \(Self.url)")
    }

    @Test func theEditorRunsAsGitRunsIt() {
        #expect(ExternalEditor.command(["EDITOR": "vi"])?.argv == ["vi"])
        #expect(ExternalEditor.command(["EDITOR": "code --wait"])?.argv == ["/bin/sh", "-c", "code --wait \"$@\"", "code --wait"])
        #expect(ExternalEditor.command(["VISUAL": "nano", "EDITOR": "vi"])?.argv == ["nano"])
        #expect(ExternalEditor.command(["EDITOR": "  "]) == nil)
        // Arguments and shell syntax reach the shell; the file is "$1", never part of the command.
        let editor = ExternalEditor.command(["EDITOR": "printf '%s' 'seen twice' >"])!
        #expect(ExternalEditor.edit("old", editor: editor) == .edited("seen twice"))
        let appending = ExternalEditor.command(["EDITOR": "sh -c 'printf \" more\" >> \"$1\"' sh"])!
        #expect(ExternalEditor.edit("note", editor: appending) == .edited("note more"))
    }

    @Test func anEditorThatFailsOrIsMissingIsReported() {
        let failing = ExternalEditor.command(["EDITOR": "false"])!
        #expect(ExternalEditor.edit("x", editor: failing) == .failed(ProgramFailure(program: "false", reason: .exitStatus(1))))
        let missing = ExternalEditor.command(["EDITOR": "/nonexistent/editor"])!
        #expect(ExternalEditor.edit("x", editor: missing) == .failed(ProgramFailure(program: "/nonexistent/editor", reason: .notStarted)))
        let missingWithArguments = ExternalEditor.command(["EDITOR": "no-such-editor --wait"])!
        #expect(ExternalEditor.edit("x", editor: missingWithArguments)
                == .failed(ProgramFailure(program: "no-such-editor --wait", reason: .exitStatus(127))))
    }
}
