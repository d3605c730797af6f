import TextGrid

extension Config {
    /// The commented default config file: every setting with its default and every
    /// command of the keymap with its standard keys, generated from `Keymap.standard` so
    /// it always matches. It parses to the standard keymap.
    public static var defaultText: String {
        var lines: [String] = [
            "# festival's configuration: $XDG_CONFIG_HOME/festival/config.toml, or",
            "# ~/.config/festival/config.toml when XDG_CONFIG_HOME is not set. Every setting is",
            "# optional: one left out keeps its default, shown here. Options on the command",
            "# line win over this file. Check a file with `festival config --check PATH`.",
            "",
            "# Language of the interface and of the catalog's texts: \"zh-Hant\" or \"en\".",
            "# Default: from LC_ALL, LC_MESSAGES or LANG (zh… gives zh-Hant, anything else en).",
            "# language = \"en\"",
            "",
            "# Capture the mouse: the wheel scrolls, a click selects, a double click opens.",
            "# false leaves the mouse to the terminal (its own text selection). Like --no-mouse.",
            "mouse = true",
            "",
            "# Where `e` proposes to write exports (the prompt shows the path and can change it).",
            "# \"~/\" is your home directory. Default: the current directory.",
            "# export-directory = \"~/Documents/festival\"",
            "",
            "[theme]",
            "# The palette: \"dark\" for a dark terminal background, \"light\" for a light one,",
            "# \"auto\" for the one that suits the background the terminal reports (asked with",
            "# OSC 11; else COLORFGBG; else dark). `--theme` wins over this.",
            "# (`theme = \"light\"` on its own line above [theme] says the same.)",
            "base = \"auto\"",
            "",
            "# Colors of your own, per role, over the base palette. A color is a name —",
            "# \(TerminalColor.names.prefix(8).joined(separator: ", ")),",
            "# \(TerminalColor.names.dropFirst(8).prefix(4).joined(separator: ", ")),",
            "# \(TerminalColor.names.dropFirst(12).joined(separator: ", ")) (or gray),",
            "# default (the terminal's own) — or a number 0–255. A color alone sets the text;",
            "# { fg = …, bg = … } sets the text and the background. Colors the terminal lacks",
            "# fall back to the base palette (bright ones to their plain variant). The examples",
            "# are the dark palette's own colors on a 16-color terminal.",
            "[theme.colors]",
        ]
        let examples: [ColorRole: String] = [
            .normal: "\"default\"", .muted: "\"bright-black\"", .accent: "\"bright-cyan\"", .title: "\"bright-yellow\"",
            .heading: "\"bright-magenta\"", .selection: "{ fg = \"black\", bg = \"cyan\" }",
            .highlight: "{ fg = \"black\", bg = \"yellow\" }", .status: "{ fg = \"bright-white\", bg = \"blue\" }",
            .error: "\"bright-red\"", .link: "\"bright-blue\"", .tab: "{ fg = \"bright-white\", bg = \"bright-black\" }",
            .activeTab: "{ fg = \"black\", bg = \"yellow\" }",
        ]
        let roleHelp: [ColorRole: String] = [
            .normal: "body text", .muted: "secondary text", .accent: "accents, counts", .title: "titles",
            .heading: "section headings", .selection: "the selected row", .highlight: "search matches",
            .status: "the status and hint bars", .error: "errors", .link: "links", .tab: "section tabs",
            .activeTab: "the current section's tab",
        ]
        let roleWidth = ColorRole.allCases.map { "# \($0.configName) = \(examples[$0] ?? "\"default\"")".count }.max() ?? 0
        for role in ColorRole.allCases {
            let entry = "# \(role.configName) = \(examples[role] ?? "\"default\"")"
            lines.append(pad(entry, roleWidth) + "  # " + (roleHelp[role] ?? ""))
        }
        lines += [
            "",
            "# The planner's defaults (`A` in the browser, `festival plan`, whose options win).",
            "[plan]",
            "same-venue-minutes = 10       # travel within one venue, 0–1440",
            "between-venues-minutes = 20   # between venues the catalog gives no time for",
            "# window = \"10:00-23:30\"      # plan only screenings within these hours",
            "# max-per-day = 4              # at most this many screenings a day",
            "standby = false               # plan standby screenings too",
            "late-after = \"23:00\"          # a screening ending later is a late night",
            "time-limit = 2                # seconds the exact search may take (0.1–600)",
            "",
            "# Keys of each command: a list of key names. A command listed here gets exactly",
            "# these keys (its standard ones are dropped; [] leaves it without keys). A key can",
            "# mean two commands only where they never apply on the same screen.",
            "# Key names: a character (\"j\", \"G\", \"?\"), space, enter, esc, tab, shift-tab,",
            "# backspace, del, ins, up, down, left, right, home, end, pgup, pgdn, f1…f63,",
            "# ctrl-a…ctrl-z (not ctrl-h, ctrl-i, ctrl-j, ctrl-m: terminals send those as",
            "# backspace, tab and enter). The ? help shows the keys in force.",
            "[keys]",
        ]
        let entries = Command.allCases.map { command in
            let names = Keymap.standard.keys(for: command).compactMap(KeyName.name).map(KeyName.quoted)
            return ("\(command.configName) = [\(names.joined(separator: ", "))]", command.helpText)
        }
        let width = entries.map(\.0.count).max() ?? 0
        for (entry, help) in entries { lines.append(pad(entry, width) + "  # " + help) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }
}
