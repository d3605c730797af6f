import Foundation
import FestivalSchedule
import Testing
import TextGrid
@testable import FestivalUI

/// config.toml: the printed default, remapped keys (in the keymap and in `?`), themes,
/// and a located message for each kind of mistake.
@Suite struct ConfigTests {
    static func parse(_ text: String) throws -> Config { try Config.parse(text: text, file: "config.toml") }

    /// The messages a text gives, one per problem.
    static func errors(_ text: String) -> [String] {
        do {
            _ = try Config.parse(text: text, file: "config.toml")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    static func pairs(_ keymap: Keymap) -> [String] { keymap.bindings.map { "\($0.key.label)→\($0.command.rawValue)" } }

    // MARK: the default file

    @Test func printedDefaultParsesBackToTheStandardKeymap() throws {
        let config = try Self.parse(Config.defaultText)
        #expect(Self.pairs(config.keymap) == Self.pairs(.standard))
        #expect(Set(config.keys.keys) == Set(Command.allCases))
        #expect(config.mouse == true)
        #expect(config.theme == ThemeSettings(base: .auto), "the palette follows the terminal's background")
        #expect(config.language == nil)
        #expect(config.keymap.conflicts().isEmpty)
    }

    @Test func printedDefaultNamesEveryCommandAndRole() {
        let text = Config.defaultText
        for command in Command.allCases {
            let names = Keymap.standard.keys(for: command).map { KeyName.quoted(KeyName.name($0)!) }
            #expect(text.contains("\n\(command.configName) = [\(names.joined(separator: ", "))]"), "\(command)")
        }
        for role in ColorRole.allCases { #expect(text.contains("\n# \(role.configName) = "), "\(role)") }
    }

    @Test func uncommentedColorExamplesParse() throws {
        let text = Config.defaultText.replacingOccurrences(of: "\n# ", with: "\n").split(separator: "\n")
            .filter { line in ColorRole.allCases.contains { line.hasPrefix($0.configName + " = ") } }
            .map { $0.components(separatedBy: "  #")[0] }
        let config = try Self.parse("[theme.colors]\n" + text.joined(separator: "\n"))
        #expect(config.theme?.colors.count == ColorRole.allCases.count)
        #expect(config.theme?.colors[.selection] == RoleColor(fg: .index(0), bg: .index(6)))
        #expect(config.theme?.colors[.normal] == RoleColor(fg: .terminalDefault))
    }

    // MARK: key names

    @Test func everyLabelAndNameReadsBackAsItsKey() {
        var keys = Keymap.standard.bindings.map(\.key)
        keys += [.delete, .insert, .function(12), .function(63), .ctrl("a"), .char("é"), .char("中"), .char("#")]
        for key in keys {
            #expect(KeyName.parse(key.label) == .success(key), "label \(key.label)")
            let name = KeyName.name(key)!
            #expect(KeyName.parse(name) == .success(key), "name \(name)")
        }
        #expect(KeyName.parse("G") == .success(.char("G")))
        #expect(KeyName.parse("g") == .success(.char("g")))
        #expect(KeyName.parse("ESC") == .success(.escape))
        #expect(KeyName.parse("Ctrl-D") == .success(.ctrl("d")))
        #expect(KeyName.parse("page-down") == .success(.pageDown))
        #expect(KeyName.name(.resize) == nil)
    }

    @Test func badKeyNamesSayWhy() {
        func message(_ name: String) -> String? {
            if case .failure(let e) = KeyName.parse(name) { return e.message }
            return nil
        }
        #expect(message("ctrl+q") == #"unknown key name "ctrl+q" (use e.g. "j", "down", "ctrl-d", "f1", "enter", "esc", "tab", "space")"#)
        #expect(message("ctrl-i") == #""ctrl-i" is what the terminal sends for tab; use "tab""#)
        #expect(message("ctrl-m") == #""ctrl-m" is what the terminal sends for enter; use "enter""#)
        #expect(message("ctrl-1") == #""ctrl-1": ctrl- takes one letter a–z (e.g. "ctrl-d")"#)
        #expect(message("f64") == #"no function key "f64" (f1 to f63)"#)
        #expect(message("\u{7}") == #""\u0007" is a control character (use a name such as "j", "down", "ctrl-d", "f1", "enter", "esc", "tab", "space")"#)
        #expect(message("") != nil)
        #expect(message("jk") != nil)
    }

    // MARK: remapping

    @Test func remappedKeysReplaceTheStandardOnes() throws {
        let config = try Self.parse("""
        [keys]
        down = ["ctrl-n", "j"]
        quit = ["Q"]
        help = ["f2"]
        """)
        let keymap = config.keymap
        #expect(keymap.command(for: .ctrl("n"), on: .filmList) == .down)
        #expect(keymap.command(for: .char("j"), on: .quoteList) == .down)
        #expect(keymap.command(for: .down, on: .filmList) == nil)
        #expect(keymap.command(for: .char("q"), on: .filmList) == nil)
        #expect(keymap.command(for: .ctrl("c"), on: .document) == nil)
        #expect(keymap.command(for: .char("Q"), on: .document) == .quit)
        #expect(keymap.command(for: .function(2), on: .document) == .help)
        #expect(keymap.command(for: .char("k"), on: .filmList) == .up)  // untouched
        let help = keymap.help(for: .filmList, .en)
        #expect(help.contains { $0.keys == "Ctrl-n j / ↑ k" && $0.text == "move down / up" })
        #expect(help.contains { $0.keys == "Q" && $0.text == "quit" })
        #expect(help.contains { $0.keys.hasSuffix("F2") && !$0.keys.contains("F1") && $0.text.contains("this help") })
        #expect(!help.contains { $0.keys.contains("Ctrl-c") })
    }

    @Test func helpOverlayShowsTheRemappedKeys() throws {
        let keymap = try Self.parse("[keys]\nquit = [\"Q\", \"ctrl-x\"]\nhelp = [\"f2\"]\n").keymap
        var state = UITestSupport.state(UITestSupport.minimal, .en, width: 100, height: 40)
        #expect(update(&state, .key(.char("?")), now: UITestSupport.now, keymap: keymap).isEmpty)
        #expect(!(state.mode == .help))
        _ = update(&state, .key(.function(2)), now: UITestSupport.now, keymap: keymap)
        #expect((state.mode == .help))
        let screen = view(state, size: Size(width: 100, height: 40), keymap: keymap).text
        #expect(screen.contains("Q Ctrl-x"))
        #expect(screen.contains("F2"))
        #expect(!screen.contains("Ctrl-c"))
        let standard = view(state, size: Size(width: 100, height: 40)).text
        #expect(standard.contains("q Ctrl-c"))
    }

    @Test func remappingKeepsTheStandardPrecedenceOfSharedKeys() throws {
        // `/` finds on every screen (one meaning per key); another key can be added.
        let keymap = try Self.parse("[keys]\nfind = [\"/\", \"F\"]\n").keymap
        #expect(keymap.command(for: .char("/"), on: .filmList) == .find)
        #expect(keymap.command(for: .char("/"), on: .quoteList) == .find)
        #expect(keymap.command(for: .char("/"), on: .searchResults) == .find)
        #expect(keymap.command(for: .char("F"), on: .document) == .find)
        #expect(keymap.conflicts().isEmpty)
        let unbound = try Self.parse("[keys]\nsuspend = []\n").keymap
        #expect(unbound.command(for: .ctrl("z"), on: .filmList) == nil)
        #expect(!unbound.help(for: .filmList, .en).contains { $0.text.hasPrefix("suspend") })
    }

    // MARK: other settings

    @Test func readsLanguageMouseAndThemes() throws {
        let config = try Self.parse("""
        language = "zh-Hant"
        mouse = false

        [theme]
        base = "light"
        colors.title = "bright-blue"
        colors.muted = 244
        colors.selection = { fg = "default", bg = "Bright_Magenta" }
        colors.active-tab = { bg = "grey" }
        """)
        #expect(config.language == .zhHant)
        #expect(config.mouse == false)
        #expect(config.theme == ThemeSettings(base: .light, colors: [
            .title: RoleColor(fg: .index(12)),
            .muted: RoleColor(fg: .index(244)),
            .selection: RoleColor(fg: .terminalDefault, bg: .index(13)),
            .activeTab: RoleColor(bg: .index(8)),
        ]))
        #expect(try Self.parse("theme = \"light\"").theme == ThemeSettings.light)
        #expect(try Self.parse("language = \"en\"").language == .en)
        #expect(try Self.parse("").keys.isEmpty)
        #expect(try Self.parse("# only a comment\n") == Config())
    }

    // MARK: located errors

    @Test func tomlSyntaxErrorsCarryLineAndColumn() {
        let errors = Self.errors("mouse = true\n[keys]\ndown = [\"j\"\nup = [\"k\"]\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("config.toml:4:1: TOML syntax: ") == true, "\(errors)")
        #expect(Self.errors("mouse = true\nmouse = false\n").first?.hasPrefix("config.toml:2:") == true)
        #expect(Self.errors("language = \"en\n").first?.hasPrefix("config.toml:1:") == true)
    }

    /// Every file of toml-test (Debian's golang-github-burntsushi-toml-dev, or `TOML_TEST_DIR`)
    /// as a config: never a crash; a TOML syntax error comes alone, and every error has its
    /// line and column. (Which files are valid TOML is TOMLConformanceTests' business.)
    @Test(.enabled(if: Self.tomlTestRoot != nil, "toml-test's suite is not installed"))
    func everyTomlTestFileIsAConfigOrLocatedErrors() throws {
        let root = Self.tomlTestRoot!
        var files: [String] = []
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let name = walker?.nextObject() as? String { if name.hasSuffix(".toml") { files.append(name) } }
        #expect(files.count >= 300)
        for name in files {
            let bytes = try [UInt8](Data(contentsOf: root.appending(path: name)))
            do {
                _ = try Config.parse(bytes: bytes, file: "t.toml")
            } catch {
                #expect(error.issues.allSatisfy { $0.line != nil && $0.column != nil }, "\(name): \(error)")
                if error.issues.contains(where: { $0.message.hasPrefix("TOML syntax: ") }) {
                    #expect(error.issues.count == 1, "\(name): \(error)")
                }
                if name.hasPrefix("valid/") {
                    #expect(!error.issues.contains { $0.message.hasPrefix("TOML syntax") }, "\(name): \(error)")
                }
            }
        }
    }

    static let tomlTestRoot: URL? = {
        let path = ProcessInfo.processInfo.environment["TOML_TEST_DIR"]
            ?? "/usr/share/gocode/src/github.com/BurntSushi/toml/internal/toml-test/tests"
        return FileManager.default.fileExists(atPath: path + "/valid") ? URL(fileURLWithPath: path) : nil
    }()

    @Test func valuesNoSettingTakesAreTypeErrors() {
        #expect(Self.errors("mouse = 1979-05-27\n") == ["config.toml:1:9: mouse: expected true or false, found the date or time 1979-05-27"])
        #expect(Self.errors("mouse = 1979-05-27T-07:32\n").first?.hasPrefix("config.toml:1:9: TOML syntax: ") == true)
        #expect(Self.errors("mouse = true\u{0}\nkeys = 5\n") == ["config.toml:1:13: TOML syntax: expected the end of the line, found U+0000"])
    }

    @Test func theExportDirectoryIsAPathWithHomeExpanded() throws {
        let config = try Self.parse("export-directory = \"~/exports\"\n")
        #expect(config.exportDirectory == "~/exports")
        #expect(config.exportDirectory(home: "/home/me", current: "/srv/project") == "/home/me/exports")
        #expect(try Self.parse("export-directory = \"out\"\n").exportDirectory(home: nil, current: "/srv/project") == "/srv/project/out")
        #expect(Config().exportDirectory(home: "/home/me", current: "/srv/project") == "/srv/project")
        #expect(Self.errors("export-directory = 3\n") == ["config.toml:1:20: export-directory: expected a directory path (a string), found the number 3"])
        #expect(Self.errors("export-directory = \"a\\u001b[31m\"\n")
            == ["config.toml:1:20: export-directory: expected a directory path without control characters"])
    }

    @Test func unknownSettingsAreLocatedErrors() {
        #expect(Self.errors("mouse = true\ncolour = \"red\"\n") == [
            "config.toml:2:1: colour: unknown setting (settings: language, mouse, export-directory, theme, keys, plan)",
        ])
        #expect(Self.errors("[keys]\n\n  dwn = [\"x\"]\n") == [
            "config.toml:3:3: keys.dwn: unknown command (did you mean \"down\"?) (`festival config --print-default` lists them all)",
        ])
        #expect(Self.errors("[theme]\nbase = \"dark\"\nfont = \"x\"\n") == [
            "config.toml:3:1: theme.font: unknown theme setting (use base and colors)",
        ])
        #expect(Self.errors("[theme.colors]\ntitel = \"red\"\n").first?
            .hasPrefix("config.toml:2:1: theme.colors.titel: unknown role (did you mean \"title\"?) (roles: normal, muted,") == true)
        #expect(Self.errors("[theme.colors]\ntitle = { fg = \"red\", fgcolor = 1 }\n") == [
            "config.toml:2:23: theme.colors.title.fgcolor: unknown color setting (use fg and bg)",
        ])
    }

    @Test func valuesOfTheWrongTypeAreLocatedErrors() {
        #expect(Self.errors("mouse = \"yes\"\n") == [#"config.toml:1:9: mouse: expected true or false, found the string "yes""#])
        #expect(Self.errors("language = 1\n") == [#"config.toml:1:12: language: expected "zh-Hant" or "en", found the number 1"#])
        #expect(Self.errors("language = \"fr\"\n") == [#"config.toml:1:12: language: unknown language "fr" (use "zh-Hant" or "en")"#])
        #expect(Self.errors("theme = \"blue\"\n") == [
            #"config.toml:1:9: theme: unknown theme "blue" (use "auto", "dark" or "light", or a [theme] table with base and colors)"#,
        ])
        #expect(Self.errors("[keys]\nup = 5\n") == [#"config.toml:2:6: keys.up: expected a list of key names such as ["j", "down"], found the number 5"#])
        #expect(Self.errors("[keys]\nup = [\"k\", true]\n") == [
            #"config.toml:2:12: keys.up[1]: expected a key name such as "j" or "ctrl-d", found true"#,
        ])
        #expect(Self.errors("keys = 1\n") == [#"config.toml:1:8: keys: expected a [keys] table of commands and key lists, found the number 1"#])
    }

    @Test func badKeyNamesAreLocatedAtTheElement() {
        let text = "\n\n\n\n\n\n\n\n\n\n[keys]\ndown = [\"j\", \"ctrl+q\"]\n"
        #expect(Self.errors(text) == [
            #"config.toml:12:14: keys.down[1]: unknown key name "ctrl+q" (use e.g. "j", "down", "ctrl-d", "f1", "enter", "esc", "tab", "space")"#,
        ])
        // Across lines, and as a single string.
        #expect(Self.errors("[keys]\nsort = [\n  \"S\",\n  \"ctrl-i\",\n]\nquit = \"ctrl+c\"\n") == [
            #"config.toml:4:3: keys.sort[1]: "ctrl-i" is what the terminal sends for tab; use "tab""#,
            #"config.toml:6:8: keys.quit: unknown key name "ctrl+c" (use e.g. "j", "down", "ctrl-d", "f1", "enter", "esc", "tab", "space")"#,
        ])
        // Dotted keys at the top level.
        #expect(Self.errors("keys.down = [\"nope\"]\n").first?.hasPrefix("config.toml:1:14: keys.down[0]: unknown key name \"nope\"") == true)
    }

    @Test func badColorsAreLocatedErrors() {
        #expect(Self.errors("[theme.colors]\ntitle = \"purple\"\n") == [
            #"config.toml:2:9: theme.colors.title: unknown color "purple" (use a name such as "red" or "bright-blue", "default", or a number 0–255)"#,
        ])
        #expect(Self.errors("[theme]\ncolors.selection = { fg = \"black\", bg = 300 }\n") == [
            "config.toml:2:41: theme.colors.selection.bg: color 300 is out of range (0–255)",
        ])
        #expect(Self.errors("[theme.colors]\nlink = 1.5\n") == [
            "config.toml:2:8: theme.colors.link: expected a color, or a table with fg and bg, found the number 1.5",
        ])
    }

    @Test func conflictingBindingsAreLocatedErrors() {
        #expect(Self.errors("[keys]\nquit = [\"q\", \"j\"]\n") == [
            #"config.toml:2:14: keys.quit[1]: "j" is also bound to down (by default), and both apply on every screen; give one of them another key"#,
        ])
        // Only where both commands apply: `t` may filter by style (films) and by topic (quotes).
        #expect(Self.errors("[keys]\nfilter-topic = [\"a\"]\n") == [])
        #expect(Self.errors("[keys]\nfilter-topic = [\"p\"]\n") == [
            #"config.toml:2:17: keys.filter-topic[0]: "p" is also bound to filter-speaker (by default), and both apply on the quote list; give one of them another key"#,
        ])
        // Both bound in the file: reported at the later one.
        #expect(Self.errors("[keys]\nup = [\"z\"]\nopen = [\"enter\", \"z\"]\n") == [
            #"config.toml:3:18: keys.open[1]: "z" is also bound to up, and both apply on every screen; give one of them another key"#,
        ])
        // A key the standard map frees is free.
        #expect(Self.errors("[keys]\ndown = [\"down\"]\nquit = [\"j\"]\n") == [])
    }

    @Test func quitKeepsAKey() {
        #expect(Self.errors("[keys]\nquit = []\n") == [
            "config.toml:2:8: keys.quit: quit needs at least one key (without one the browser could not be left)",
        ])
    }

    /// Mangled versions of the default file: each parses or gives located errors, never a
    /// crash or a hang (CONFIG_FUZZ_ROUNDS=N runs more).
    @Test func mangledFilesNeverCrash() {
        let rich = #"""
        language = 'en'  # literal string
        mouse = false
        theme = { base = "light", colors = { title = "red", selection = { fg = 0, bg = "bright-blue" } } }
        "keys".down = [ "j", 'k',  # comment in an array
          "ctrl-n",
        ]
        keys.up = ["\u0075", """
        x"""]
        [[extra]]
        a = [[1, 2], [3.5, -inf], {b = 1979-05-27T07:32:00Z}]
        """#
        let bases = [Array(Config.defaultText.unicodeScalars), Array(rich.unicodeScalars)]
        let inserts: [String] = ["[", "]", "\"", "'", "=", "{", "}", ",", "\n", "#", ".", "[[keys]]\n", "\"\"\"", "x", "1", "é", "\u{0}", "\n[", "\n[[", " ", "\\", "\'\'\'", "+", "-", "1979-05-27T07:32:00Z", "inf", "0x", "\r"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let rounds = Int(ProcessInfo.processInfo.environment["CONFIG_FUZZ_ROUNDS"] ?? "") ?? 500
        for _ in 0..<rounds {
            var scalars = bases[next(bases.count)]
            for _ in 0..<(1 + next(3)) {
                let at = next(scalars.count)
                switch next(3) {
                case 0: scalars.remove(at: at)
                case 1: scalars.insert(contentsOf: inserts[next(inserts.count)].unicodeScalars, at: at)
                default: scalars.replaceSubrange(at..<min(scalars.count, at + 1 + next(8)), with: inserts[next(inserts.count)].unicodeScalars)
                }
            }
            var mangled = String.UnicodeScalarView()
            mangled.append(contentsOf: scalars)
            // CONFIG_FUZZ_DUMP=1 keeps the input of a crash in /tmp/config-fuzz.toml.
            if ProcessInfo.processInfo.environment["CONFIG_FUZZ_DUMP"] != nil {
                try? String(mangled).write(toFile: "/tmp/config-fuzz.toml", atomically: false, encoding: .utf8)
            }
            do {
                _ = try Config.parse(text: String(mangled), file: "m.toml")
            } catch {
                #expect(!error.issues.isEmpty)
                #expect(error.issues.allSatisfy { $0.line != nil || $0.message.contains("TOML") }, "\(error)")
            }
        }
    }

    /// Random runs of TOML's tokens, where a parser's checks are weakest.
    @Test func tokenSoupNeverCrashes() {
        let tokens = ["[", "]", "[[", "]]", "{", "}", "=", ",", ".", "\"a\"", "'b'", "\"\"\"", "'''", "a", "keys", "down", "1", "0",
                      "-", "+", ":", "T", "Z", "1979-05-27", "07:32:00", "true", "false", "inf", "nan", "0x", "0o7", "0b1", "1e5",
                      ".5", "\n", " ", "#c", "\\", "é", "\t", "_", "\"\\u00\"", "\r\n", "1979-05-27T07:32:00.5+01:00"]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let rounds = Int(ProcessInfo.processInfo.environment["CONFIG_FUZZ_ROUNDS"] ?? "") ?? 500
        for _ in 0..<rounds {
            let prefix = ["", "a = ", "[keys]\ndown = ", "x = [", "t = {"][next(5)]
            let text = prefix + (0..<(1 + next(12))).map { _ in tokens[next(tokens.count)] }.joined()
            if ProcessInfo.processInfo.environment["CONFIG_FUZZ_DUMP"] != nil {
                try? text.write(toFile: "/tmp/config-fuzz.toml", atomically: false, encoding: .utf8)
            }
            do {
                _ = try Config.parse(text: text, file: "soup.toml")
            } catch {
                #expect(!error.issues.isEmpty)
            }
        }
    }

    @Test func themeAutoAndATableWithoutBaseFollowTheTerminal() throws {
        #expect(try Self.parse("theme = \"auto\"\n").theme == ThemeSettings(base: .auto))
        #expect(try Self.parse("theme = \"Light\"\n").theme == ThemeSettings(base: .light))
        #expect(try Self.parse("[theme.colors]\ntitle = \"red\"\n").theme?.base == .auto)
        #expect(try Self.parse("[theme]\nbase = \"dark\"\n").theme?.base == .dark)
    }

    @Test func everyProblemIsReportedInOrder() {
        let errors = Self.errors("mouse = 1\n[keys]\ndown = [\"ctrl+q\"]\n[theme]\nbase = \"dim\"\n")
        #expect(errors.map { $0.components(separatedBy: ": ")[0] } == ["config.toml:1:9", "config.toml:3:9", "config.toml:5:8"])
    }

    // MARK: loading

    @Test func loadsFromXDGConfigHomeOrHome() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Config.load(environment: ["XDG_CONFIG_HOME": dir.path]) == nil)
        #expect(Config.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.config/festival/config.toml")
        #expect(Config.path(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/festival/config.toml")
        #expect(Config.path(environment: [:]) == nil)
        let folder = dir.appending(path: "festival")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "mouse = false\n".write(to: folder.appending(path: "config.toml"), atomically: true, encoding: .utf8)
        #expect(try Config.load(environment: ["XDG_CONFIG_HOME": dir.path])?.mouse == false)
        try "mouse = no\n".write(to: folder.appending(path: "config.toml"), atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try Config.load(environment: ["XDG_CONFIG_HOME": dir.path]) }
        do {
            _ = try Config.load(environment: ["XDG_CONFIG_HOME": dir.path])
        } catch {
            #expect(error.description.hasPrefix(folder.appending(path: "config.toml").path + ":1:"))
        }
    }
}

/// `[plan]`: the planner's defaults, every bad value located.
@Suite struct PlanConfigTests {
    @Test func planSettingsAreReadAndCheckedWithTheirPlace() throws {
        let config = try Config.parse(text: """
            [plan]
            same-venue-minutes = 5
            between-venues-minutes = 25
            window = "10:00-23:30"
            max-per-day = 4
            standby = true
            late-after = "22:30"
            time-limit = 0.5
            """, file: "c.toml")
        let plan = try #require(config.plan)
        #expect(plan.sameVenueMinutes == 5 && plan.betweenVenuesMinutes == 25 && plan.window == 600...1_410)
        #expect(plan.maxPerDay == 4 && plan.standby && plan.lateAfter == 1_350 && plan.timeLimit == 0.5)
        do {
            _ = try Config.parse(text: "[plan]\nsame-venue-minutes = -1\nwindw = \"x\"\ntime-limit = 1000\nwindow = \"23:00-10:00\"\n", file: "c.toml")
            Issue.record("bad values are refused")
        } catch {
            let text = "\(error)"
            #expect(text.contains("c.toml:2:22: plan.same-venue-minutes: expected minutes from 0 to 1440"), "\(text)")
            #expect(text.contains("c.toml:3:1: plan.windw: unknown setting (did you mean \"window\"?)"))
            #expect(text.contains("plan.time-limit") && text.contains("plan.window"))
        }
        #expect(Config.defaultText.contains("[plan]"))
        #expect(try Config.parse(text: Config.defaultText, file: "d.toml").plan == PlanRequest())
    }
}
