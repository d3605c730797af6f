import FestivalCatalog
import FestivalSchedule
import TextGrid

/// The user's settings from `$XDG_CONFIG_HOME/festival/config.toml`: what the file sets,
/// nil where it leaves the default (so command-line flags and the locale still apply).
/// `Config.parse(text:file:)` reads one; `Config.defaultText` is the commented default.
public struct Config: Sendable, Equatable {
    /// The interface and catalog language.
    public var language: Language?
    /// Palette and custom colors.
    public var theme: ThemeSettings?
    /// Whether to capture the mouse.
    public var mouse: Bool?
    /// Commands whose keys the file sets; each list replaces the command's standard keys.
    public var keys: [Command: [Key]]
    /// Where `e` proposes to write (`~/` allowed); nil: the current directory.
    public var exportDirectory: String?
    /// The planner's defaults (`[plan]`); nil: the built-in ones.
    public var plan: PlanRequest?

    public init(language: Language? = nil, theme: ThemeSettings? = nil, mouse: Bool? = nil, keys: [Command: [Key]] = [:],
                exportDirectory: String? = nil) {
        self.language = language
        self.theme = theme
        self.mouse = mouse
        self.keys = keys
        self.exportDirectory = exportDirectory
    }

    /// The export directory to propose: the setting with `~` expanded, else `current`.
    public func exportDirectory(home: String?, current: String) -> String {
        guard let directory = exportDirectory else { return current }
        if directory == "~" || directory.hasPrefix("~/"), let home, home.hasPrefix("/") { return home + directory.dropFirst() }
        return directory.hasPrefix("/") ? directory : current + "/" + directory
    }

    /// The standard keymap with this file's keys.
    public var keymap: Keymap { Keymap.standard.remapped(keys) }
}

/// Colors: a base palette for dark or light backgrounds, and per-role colors over it.
public struct ThemeSettings: Sendable, Equatable {
    /// The palette: for a dark or a light background, or `auto`: the one for the
    /// background the terminal reports (else `COLORFGBG`'s, else dark).
    public enum Base: String, Sendable, CaseIterable { case auto, dark, light }

    public var base: Base
    /// Roles whose colors the user chose; the others keep the base palette's.
    public var colors: [ColorRole: RoleColor]

    public init(base: Base = .auto, colors: [ColorRole: RoleColor] = [:]) {
        self.base = base
        self.colors = colors
    }

    public static let dark = ThemeSettings(base: .dark)
    public static let light = ThemeSettings(base: .light)
}

/// A role's foreground and background; nil keeps the base palette's.
public struct RoleColor: Sendable, Equatable {
    public var fg: TerminalColor?
    public var bg: TerminalColor?

    public init(fg: TerminalColor? = nil, bg: TerminalColor? = nil) {
        self.fg = fg
        self.bg = bg
    }
}

/// One of the terminal's colors: its default, or a color number 0–255 (0–7 the base
/// eight, 8–15 their bright variants, 16–255 the extended palette).
public enum TerminalColor: Sendable, Hashable {
    case terminalDefault
    case index(Int)

    /// Names of colors 0–15 in order.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                               "bright-black", "bright-red", "bright-green", "bright-yellow",
                               "bright-blue", "bright-magenta", "bright-cyan", "bright-white"]

    /// Parses "default", a name from `names` (also with `_` or without the dash, and
    /// "gray"/"grey" for bright-black), case-insensitively.
    public init?(name: String) {
        let lower = name.lowercased().replacingUnderscores
        if lower == "default" { self = .terminalDefault; return }
        if lower == "gray" || lower == "grey" { self = .index(8); return }
        if let i = Self.names.firstIndex(of: lower) ?? Self.names.firstIndex(where: { $0.replacingDash == lower }) {
            self = .index(i)
            return
        }
        return nil
    }

    /// The name as the config file writes it: "default", "bright-blue", or the number.
    public var name: String {
        switch self {
        case .terminalDefault: return "default"
        case .index(let i): return i < Self.names.count ? Self.names[i] : String(i)
        }
    }

    /// The curses color number, -1 for the default.
    public var number: Int {
        switch self {
        case .terminalDefault: return -1
        case .index(let i): return i
        }
    }
}

extension ColorRole {
    /// The role's name in the config file: `active-tab` for `activeTab`.
    public var configName: String { ConfigNames.kebab(String(describing: self)) }
}

extension Command {
    /// The command's name in the config file's `[keys]`: `page-down` for `pageDown`.
    public var configName: String { ConfigNames.kebab(rawValue) }

    /// The command named `name` in the config file.
    public init?(configName name: String) {
        guard let command = Command.byConfigName[name] else { return nil }
        self = command
    }

    private static let byConfigName = Dictionary(allCases.map { ($0.configName, $0) }, uniquingKeysWith: { first, _ in first })

    /// What the command does, in English (the config file's comments).
    public var helpText: String { help.text(.en) }
}

enum ConfigNames {
    /// "pageDown" → "page-down".
    static func kebab(_ camel: String) -> String {
        var out = ""
        for c in camel {
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
    fileprivate var replacingDash: String { String(filter { $0 != "-" }) }
}
