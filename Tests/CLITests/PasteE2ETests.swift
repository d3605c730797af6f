import Foundation
import Testing

/// Bracketed paste through a real terminal: tmux's `paste-buffer -p` sends the text between
/// `ESC[200~` and `ESC[201~` because festival asked for them. Pasted line breaks and letters
/// are never keys: the shelf changes only by what Enter saves.
@Suite(.serialized) struct PasteE2ETests {
    static var binary: String { CLITests.binary.path }

    static func paste(_ tmux: Tmux, _ text: String) async throws {
        try await tmux.run(["set-buffer", "-b", "p", "--", text])
        try await tmux.run(["paste-buffer", "-p", "-b", "p", "-t", tmux.session])
    }

    @Test func pastesAreTextInEveryFieldAndOutsideOne() async throws {
        let tmux = try Tmux()
        // After festival, a paste is read by `cat -v`: it shows the markers if the terminal
        // were still in bracketed-paste mode.
        try await tmux.start(Self.binary + " --lang en; echo $? > festival-status; timeout --foreground 10 head -n 1 | cat -v > after-paste",
                             env: ["TERM": "xterm-256color", "XDG_DATA_HOME": tmux.dir.path])
        _ = try await tmux.waitFor("Total Pixel Space")

        // The note editor (no $EDITOR here): the review's repro.
        try await tmux.send("m")
        _ = try await tmux.waitFor("Note:")
        try await Self.paste(tmux, "Loved the ending.\nwatch again with friends")
        _ = try await tmux.waitFor("Note: Loved the ending. watch again with friends")
        try await tmux.send("Enter")
        let saved = try await tmux.waitFor("Note saved")
        #expect(saved.contains("✎ Total Pixel Space") && !saved.contains("★") && !saved.contains("✓"), "only the note: \(saved)")

        // The search field: the query is the text, nothing else happens.
        try await tmux.send("s")
        _ = try await tmux.waitFor("Search")
        try await Self.paste(tmux, "Jailbird\nfw")
        _ = try await tmux.waitFor("Jailbird fw")
        try await tmux.send("Escape")
        let back = try await tmux.wait { !$0.contains("Jailbird fw") }
        #expect(!back.contains("★") && !back.contains("✓"), "\(back)")

        // Find, the export prompt and a filter's menu take it as text too.
        try await tmux.send("/")
        try await Self.paste(tmux, "pixel\nw")
        _ = try await tmux.waitFor("pixel w")
        try await tmux.send("Escape")
        try await tmux.send("e", "m")
        _ = try await tmux.waitFor("Export to:")
        try await tmux.send("C-u")
        try await Self.paste(tmux, "out\nfile.md")
        _ = try await tmux.waitFor("Export to: out file.md")
        try await tmux.send("C-c")
        _ = try await tmux.waitFor("Export cancelled")

        // On the list, a paste opens the search with it.
        try await Self.paste(tmux, "Valenzuela\nq")
        _ = try await tmux.waitFor("Valenzuela q")
        try await tmux.send("C-c", "q")
        #expect(await tmux.file("festival-status") == "0\n")
        // The terminal is back as it was: bracketed paste off.
        try? await Task.sleep(for: .milliseconds(500))   // `head` is reading
        try await Self.paste(tmux, "after")
        try await tmux.send("Enter")
        let after = await tmux.file("after-paste")
        let screenAfter = try await tmux.screen()
        #expect(after == "after\n", "\(after ?? "nothing") \(screenAfter)")

        // The shelf file holds the note and nothing else.
        let shelf = try String(contentsOf: tmux.dir.appending(path: "festival/shelf-aiff-2025.json"), encoding: .utf8)
        #expect(shelf.contains("Loved the ending. watch again with friends"))
        #expect(shelf.contains("\"favorite\": false") && shelf.contains("\"watched\": false") && !shelf.contains("true"), "\(shelf)")
    }

    /// The probe's N4: a byte that is not UTF-8 (xterm's 8-bit Alt sends 0xC3 for Alt-C)
    /// followed by PgUp, F1 or a mouse event used to end the browser (exit 0) and lose the note
    /// being typed. Now the byte is dropped and the note is saved by Enter.
    @Test(arguments: ["PageUp", "F1", "C-Up"]) func aStrayByteQuitsNothingAndLosesNothing(key: String) async throws {
        let tmux = try Tmux()
        try await tmux.start(Self.binary + " --lang en", env: ["TERM": "xterm-256color", "XDG_DATA_HOME": tmux.dir.path])
        _ = try await tmux.waitFor("Total Pixel Space")
        try await tmux.send("m")
        _ = try await tmux.waitFor("Note:")
        try await tmux.type("my unsaved note")
        _ = try await tmux.waitFor("Note: my unsaved note")
        try await tmux.run(["send-keys", "-t", tmux.session, "-H", "c3"])
        try await tmux.send(key)
        try? await Task.sleep(for: .milliseconds(300))
        try await tmux.type(" kept")
        _ = try await tmux.waitFor("kept")
        try await tmux.send("Enter")
        _ = try await tmux.waitFor("Note saved")
        try await tmux.send("q")
        #expect(await tmux.file("status") == "0\n")
        let shelf = try String(contentsOf: tmux.dir.appending(path: "festival/shelf-aiff-2025.json"), encoding: .utf8)
        #expect(shelf.contains("my unsaved note"), "\(shelf)")
    }
}
