import Foundation
import Testing

/// The generated bash completion, driven as bash drives it: COMP_WORDS and COMP_CWORD set,
/// the completion function called, COMPREPLY read. Values come from the binary itself
/// (`---completion`), ids from the catalog named on the line or the built-in one.
@Suite struct CompletionTests {
    /// The candidates bash offers for `line` (completing its last word; a trailing space
    /// starts a new, empty word).
    static func complete(_ lines: [String], files: [String] = []) async throws -> [[String]] {
        let binaryDir = CLITests.binary.deletingLastPathComponent().path
        var script = """
        set -u
        \(files.map { "mkdir -p \"$(dirname '\($0)')\" && : > '\($0)'" }.joined(separator: "\n"))
        source <(festival --generate-completion-script bash)
        run() {
          COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
          read -ra COMP_WORDS <<< "$COMP_LINE"
          [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
          COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
          COMPREPLY=()
          _festival festival "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
          printf '%s\\n' "${COMPREPLY[@]}" | sort
          echo '<end>'
        }

        """
        for line in lines { script += "run '\(line)'\n" }
        let holder = try Sandbox("festival-completion-script")
        let file = holder.directory.appending(path: "complete.bash")
        try Data(script.utf8).write(to: file)
        let r = try await CLITests.shell("bash '\(file.path)'", env: ["PATH": binaryDir + ":/usr/bin:/bin"])
        let answers = r.stdout.components(separatedBy: "<end>\n").dropLast().map { $0.split(separator: "\n").map(String.init) }
        try #require(r.status == 0 && answers.count == lines.count, "\(r.stdout) \(r.stderr)")
        return answers
    }

    @Test func commandsOptionsAndValues() async throws {
        let got = try await Self.complete(["festival fi", "festival search x --in ", "festival films --lang ", "festival export --format ",
                                           "festival films --award g", "festival browse --theme "])
        #expect(got[0] == ["film", "films"])
        #expect(got[1] == ["all", "festival", "films", "people", "quotes"])
        #expect(got[2] == ["en", "zh-Hant"])
        #expect(got[3] == ["csv", "ics", "json", "md"])
        #expect(got[4] == ["gold", "grand-prix"], "\(got[4])")
        #expect(got[5] == ["auto", "dark", "light"])
    }

    @Test func pathsCompleteAsFiles() async throws {
        let got = try await Self.complete(["festival films --catalog my", "festival validate cat/"],
                                          files: ["my-festival.json", "cat/a.json"])
        #expect(got[0] == ["my-festival.json"], "\(got[0])")
        #expect(got[1] == ["cat/a.json"], "\(got[1])")
    }

    @Test func idsComeFromTheCatalogOnTheLine() async throws {
        let got = try await Self.complete(["festival film total", "festival quotes --speaker cristobal", "festival quotes --topic copy",
                                           "festival export --quotes q01,q1", "festival export --films jail"])
        #expect(got[0] == ["total-pixel-space"])
        #expect(got[1] == ["cristobal-valenzuela"])
        #expect(got[2] == ["copyright"], "\(got[2])")
        #expect(got[3].contains("q01,q10") && got[3].allSatisfy { $0.hasPrefix("q01,q1") }, "\(got[3])")
        #expect(got[4] == ["jailbird"])
        // Another catalog, named on the line: its ids, not the built-in ones.
        let other = try await CLITests.run(["generate", "--films", "3", "--quotes", "5", "--seed", "1"])
        let id = try #require(try CLITests.load(other.stdout).films.first?.id)
        let sandbox = try Sandbox("festival-completion")
        let path = sandbox.directory.appending(path: "gen.json").path
        try Data(other.stdout.utf8).write(to: URL(fileURLWithPath: path))
        let fromOther = try await Self.complete(["festival film --catalog \(path) \(id.prefix(2))"])
        #expect(fromOther[0].contains(id) && !fromOther[0].contains("total-pixel-space"), "\(fromOther[0])")
    }
}
