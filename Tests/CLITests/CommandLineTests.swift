import Foundation
import Testing

/// The command line as users of git, ripgrep and jq expect it: --version, options before
/// the subcommand, unknown commands and ids named with the nearest, names where ids are
/// asked, grep-like exit codes (0 printed, 1 nothing selected, 2 bad usage).
@Suite struct CommandLineTests {
    @Test func versionIsOneConstantShownInHelpToo() async throws {
        let version = try await CLITests.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "festival 1.1.0\n")
        let help = try await CLITests.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("version 1.1.0"))
        #expect(help.stdout.contains("--catalog PATH") && help.stdout.contains("--lang en"), "help says they open the browser")
        #expect(help.stdout.contains("Exit codes:"))
    }

    @Test(arguments: [["--catalog", "CATALOG", "films"], ["--lang", "en", "films"], ["--lang=en", "--catalog", "CATALOG", "films"],
                      ["films", "--catalog", "CATALOG", "--lang", "en"]])
    func optionsWorkBeforeAndAfterTheSubcommand(args: [String]) async throws {
        let catalog = CLITests.packageRoot.appending(path: "Resources/aiff2025.json").path
        let r = try await CLITests.run(args.map { $0 == "CATALOG" ? catalog : $0 }, env: ["LANG": "en_US.UTF-8"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("total-pixel-space") && r.stdout.contains("Total Pixel Space"))
    }

    @Test func anUnknownCommandIsNamedWithTheCommandsAndTheNearest() async throws {
        let r = try await CLITests.run(["nosuchcmd"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command 'nosuchcmd'"))
        #expect(r.stderr.contains("films, film, people, quotes, search, screenings, priority, pick, plan, shelf, import, validate"), "\(r.stderr)")
        let typo = try await CLITests.run(["--lang", "en", "serch", "light"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'search'?"), "\(typo.stderr)")
        #expect(typo.stdout.isEmpty)
    }

    @Test func anIdThatIsNotThereSuggestsTheNearest() async throws {
        let film = try await CLITests.run(["film", "totl-pixel-space"])
        #expect(film.status == 1)
        #expect(film.stderr.contains("no film 'totl-pixel-space'; did you mean 'total-pixel-space'?"), "\(film.stderr)")
        let speaker = try await CLITests.run(["quotes", "--speaker", "cristobal-valenzeula"])
        #expect(speaker.status == 1 && speaker.stderr.contains("did you mean 'cristobal-valenzuela'?"), "\(speaker.stderr)")
        let export = try await CLITests.run(["export", "--films", "jailbrid", "--format", "md"])
        #expect(export.status == 1 && export.stderr.contains("did you mean 'jailbird'?"), "\(export.stderr)")
    }

    @Test func namesWorkWhereIdsAreAskedAsSearchTakesThem() async throws {
        let byName = try await CLITests.run(["quotes", "--speaker", "valenzuela", "--json"])
        #expect(byName.status == 0, "\(byName.stderr)")
        let byID = try await CLITests.run(["quotes", "--speaker", "cristobal-valenzuela", "--json"])
        #expect(byName.stdout == byID.stdout && !byID.stdout.isEmpty)
        let film = try await CLITests.run(["film", "Total", "--lang", "en"])
        #expect(film.status == 0 && film.stdout.contains("Total Pixel Space"), "\(film.stderr)")
        let chinese = try await CLITests.run(["film", "全像素", "--lang", "en"])
        #expect(chinese.status == 0 && chinese.stdout.contains("Total Pixel Space"), "\(chinese.stderr)")
        // A name that fits several is bad usage, listed, not a guess.
        let several = try await CLITests.run(["quotes", "--speaker", "a"])
        #expect(several.status == 2 && several.stderr.contains("matches") && several.stderr.contains("give an id"), "\(several.stderr)")
    }

    @Test func exitCodesAreGrepLike() async throws {
        let none = try await CLITests.run(["quotes", "--speaker", "bruce-markoe", "--topic", "copyright"])
        #expect(none.status == 1 && none.stdout.isEmpty, "nothing selected prints no bare header")
        let award = try await CLITests.run(["films", "--award", "nope"])
        #expect(award.status == 2, "a bad value is bad usage")
        #expect(award.stderr.contains("grand-prix") && award.stderr.contains("unknown"), "\(award.stderr)")
        let limit = try await CLITests.run(["search", "x", "--limit", "-1"])
        #expect(limit.status == 2 && limit.stderr.contains("--limit must be at least 1"), "\(limit.stderr)")
        #expect(try await CLITests.run(["search", "zzzqqq"]).status == 1)
        #expect(try await CLITests.run(["films", "--award", "gold"]).status == 0)
    }

    @Test func theManPageDescribesEveryCommandAndOption() async throws {
        let page = try String(contentsOf: CLITests.packageRoot.appending(path: "docs/man/festival.1"), encoding: .utf8)
        let dump = try await CLITests.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let info = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any]) {
            if let name = command["commandName"] as? String, !page.contains(name) { missing.append(name) }
            // Every paragraph of the discussion too (the generator keeps only ASCII: a help
            // text with other characters shows up here as missing).
            let discussion = (command["discussion"] as? String)?.split(separator: "\n").map(String.init) ?? []
            for text in [command["abstract"] as? String].compactMap({ $0 }) + discussion where !page.contains(text.trimmingCharacters(in: .whitespaces)) {
                missing.append(text)
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] where (name["kind"] as? String) == "long" {
                    if let n = name["name"] as? String, !page.contains("Fl -\(n)") { missing.append("--" + n) }
                }
                if let help = argument["abstract"] as? String, !page.contains(help) { missing.append(help) }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub) }
        }
        visit(try #require(info["command"] as? [String: Any]))
        #expect(missing.isEmpty, "docs/man/festival.1 is out of date (run bash scripts/make-man.sh): \(missing)")
    }

    @Test func installPutsTheBinaryManPageAndCompletionsUnderThePrefix() async throws {
        let sandbox = try Sandbox("festival-install")
        let prefix = sandbox.directory.appending(path: "prefix").path
        let script = CLITests.packageRoot.appending(path: "scripts/install.sh").path
        let r = try await CLITests.shell("BINARY='\(CLITests.binary.path)' PREFIX='\(prefix)' bash '\(script)'")
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("installed festival 1.1.0"))
        for file in ["bin/festival", "share/man/man1/festival.1", "share/bash-completion/completions/festival",
                     "share/zsh/site-functions/_festival", "share/fish/vendor_completions.d/festival.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
        let installed = try await CLITests.shell("'\(prefix)/bin/festival' --version")
        #expect(installed.stdout == "festival 1.1.0\n")
    }

    /// On a terminal, long work draws a bar on stderr and erases it; into a pipe, nothing.
    /// The terminal is `script`'s pseudo-terminal, whose every byte is kept (polling a
    /// screen can miss a bar on a loaded machine).
    @Test func longWorkShowsAProgressBarOnlyOnATerminal() async throws {
        let sandbox = try Sandbox("festival-progress")
        let catalog = try await CatalogStartE2ETests.generate(sandbox.directory, quotes: 20_000)
        let onTerminal = try await CLITests.shell("script -qec \"'\(CLITests.binary.path)' validate '\(catalog)'\" /dev/null", timeout: 120)
        #expect(onTerminal.status == 0, "\(onTerminal.stderr)")
        #expect(onTerminal.stdout.contains("festival: "), "no progress line: \(onTerminal.stdout.prefix(300))")
        #expect(onTerminal.stdout.contains("\r\u{1B}[K"), "the bar is erased")
        #expect(onTerminal.stdout.contains("ok (200 films"))
        let piped = try await CLITests.run(["validate", catalog])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
    }
}
