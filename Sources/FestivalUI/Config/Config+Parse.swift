import Foundation
import FestivalCatalog
import TextGrid
import FestivalTOML

extension Config {
    /// The top-level settings, in the order the default file lists them.
    static let settings = ["language", "mouse", "export-directory", "theme", "keys", "plan"]

    /// Reads a config file's bytes (UTF-8 TOML 1.1). `file` names it in messages. A TOML
    /// syntax error is reported alone; otherwise unknown settings, commands, roles and key
    /// names, values of the wrong type and a key bound to two commands that apply on the
    /// same screen are errors, all of them, each with its line and column.
    public static func parse(bytes: [UInt8], file: String) throws(ConfigError) -> Config {
        let document: TOMLDocument
        do {
            document = try TOMLDocument.parse(bytes)
        } catch {
            throw ConfigError([.init(file: file, line: error.position.line, column: error.position.column, path: nil,
                                     message: "TOML syntax: " + error.message)])
        }
        var reader = ConfigReader(file: file)
        let config = reader.read(document.root)
        if !reader.issues.isEmpty {
            throw ConfigError(reader.issues.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        return config
    }

    public static func parse(text: String, file: String) throws(ConfigError) -> Config {
        try parse(bytes: Array(text.utf8), file: file)
    }
}

/// Turns a parsed TOML table into a `Config`, collecting every problem.
struct ConfigReader {
    let file: String
    var issues: [ConfigError.Issue] = []
    /// Where each (command, key) of `[keys]` is written, for conflicts.
    var keyPaths: [Command: [Key: (path: String, position: TOMLPosition)]] = [:]

    init(file: String) {
        self.file = file
    }

    /// A problem with `item`, at its value (or at its key, `atKey`).
    mutating func fail(_ path: String, _ item: TOMLItem, _ message: String, atKey: Bool = false) {
        fail(path, at: atKey ? item.keyPosition ?? item.position : item.position, message)
    }

    mutating func fail(_ path: String, at position: TOMLPosition, _ message: String) {
        issues.append(.init(file: file, line: position.line, column: position.column, path: path, message: message))
    }

    /// Joins path parts; a part that is not a bare key is quoted, as TOML would write it.
    /// Array indices stay as they are: "down[1]".
    static func join(_ parts: [String]) -> String {
        parts.map { part in
            var name = Substring(part)
            var indices = ""
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
                  name[name.index(after: open)...].dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) {
                indices = String(name[open...]) + indices
                name = name[..<open]
            }
            let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
            return (bare ? String(name) : KeyName.quoted(String(name))) + indices
        }.joined(separator: ".")
    }

    mutating func read(_ root: TOMLTable) -> Config {
        var config = Config()
        for (name, value) in root.entries {
            switch name {
            case "language": config.language = language(value)
            case "mouse":
                if let b = value.bool { config.mouse = b } else { wrongType("mouse", value, "true or false") }
            case "export-directory": config.exportDirectory = exportDirectory(value)
            case "theme": config.theme = theme(value)
            case "keys": config.keys = keys(value)
            case "plan": config.plan = plan(value)
            default:
                fail(Self.join([name]), value, "unknown setting\(suggestion(name, Config.settings)) (settings: \(Config.settings.joined(separator: ", ")))", atKey: true)
            }
        }
        checkConflicts(config)
        return config
    }

    mutating func wrongType(_ path: String, _ value: TOMLItem, _ expected: String) {
        fail(path, value, "expected \(expected), found \(Self.describe(value))")
    }

    static func describe(_ item: TOMLItem) -> String {
        switch item.value {
        case .string(let s): return "the string \(KeyName.quoted(s))"
        case .integer(let n): return "the number \(n)"
        case .float(let x): return "the number \(x)"
        case .bool(let b): return b ? "true" : "false"
        case .dateTime(let d): return "the date or time \(d.text)"
        case .array: return "a list"
        case .table: return "a table"
        }
    }

    /// A directory path: not empty, no control characters (it is shown on screen).
    mutating func exportDirectory(_ value: TOMLItem) -> String? {
        guard let text = value.string else {
            wrongType("export-directory", value, "a directory path (a string)")
            return nil
        }
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) else {
            fail("export-directory", value, "expected a directory path without control characters")
            return nil
        }
        return text
    }

    mutating func language(_ value: TOMLItem) -> Language? {
        guard let text = value.string else {
            wrongType("language", value, #""zh-Hant" or "en""#)
            return nil
        }
        switch text.lowercased() {
        case "zh-hant", "zh": return .zhHant
        case "en": return .en
        default:
            fail("language", value, "unknown language \(KeyName.quoted(text)) (use \"zh-Hant\" or \"en\")")
            return nil
        }
    }

    // MARK: theme

    mutating func theme(_ value: TOMLItem) -> ThemeSettings? {
        if let name = value.string {
            guard let base = ThemeSettings.Base(rawValue: name.lowercased()) else {
                fail("theme", value, "unknown theme \(KeyName.quoted(name)) (use \"auto\", \"dark\" or \"light\", or a [theme] table with base and colors)")
                return nil
            }
            return ThemeSettings(base: base)
        }
        guard let table = value.table else {
            wrongType("theme", value, #""auto", "dark", "light" or a [theme] table"#)
            return nil
        }
        var theme = ThemeSettings()
        for (name, value) in table.entries {
            let path = Self.join(["theme", name])
            switch name {
            case "base":
                if let text = value.string {
                    if let base = ThemeSettings.Base(rawValue: text.lowercased()) { theme.base = base }
                    else { fail(path, value, "unknown base \(KeyName.quoted(text)) (use \"auto\", \"dark\" or \"light\")") }
                } else {
                    wrongType(path, value, #""auto", "dark" or "light""#)
                }
            case "colors":
                guard let colors = value.table else { wrongType(path, value, "a table of roles and colors"); continue }
                theme.colors = roleColors(colors)
            default:
                fail(path, value, "unknown theme setting\(suggestion(name, ["base", "colors"])) (use base and colors)", atKey: true)
            }
        }
        return theme
    }

    static let roleNames = ColorRole.allCases.map(\.configName)

    mutating func roleColors(_ table: TOMLTable) -> [ColorRole: RoleColor] {
        var colors: [ColorRole: RoleColor] = [:]
        for (name, value) in table.entries {
            let path = Self.join(["theme", "colors", name])
            guard let role = ColorRole.allCases.first(where: { $0.configName == name }) else {
                fail(path, value, "unknown role\(suggestion(name, Self.roleNames)) (roles: \(Self.roleNames.joined(separator: ", ")))", atKey: true)
                continue
            }
            if let pair = value.table {
                var color = RoleColor()
                for (part, value) in pair.entries {
                    let partPath = Self.join(["theme", "colors", name, part])
                    switch part {
                    case "fg": color.fg = self.color(value, partPath)
                    case "bg": color.bg = self.color(value, partPath)
                    default: fail(partPath, value, "unknown color setting (use fg and bg)", atKey: true)
                    }
                }
                colors[role] = color
            } else if value.string != nil || value.integer != nil {
                colors[role] = RoleColor(fg: color(value, path))
            } else {
                wrongType(path, value, "a color, or a table with fg and bg")
            }
        }
        return colors
    }

    static let colorHint = #"use a name such as "red" or "bright-blue", "default", or a number 0–255"#

    mutating func color(_ value: TOMLItem, _ path: String) -> TerminalColor? {
        if let name = value.string {
            if let color = TerminalColor(name: name) { return color }
            if let n = Int(name), (0...255).contains(n) { return .index(n) }
            fail(path, value, "unknown color \(KeyName.quoted(name)) (\(Self.colorHint))")
            return nil
        }
        if let n = value.integer {
            guard (0...255).contains(n) else {
                fail(path, value, "color \(n) is out of range (0–255)")
                return nil
            }
            return .index(Int(n))
        }
        wrongType(path, value, "a color (\(Self.colorHint))")
        return nil
    }

    // MARK: keys

    static let commandNames = Command.allCases.map(\.configName)

    mutating func keys(_ value: TOMLItem) -> [Command: [Key]] {
        guard let table = value.table else {
            wrongType("keys", value, "a [keys] table of commands and key lists")
            return [:]
        }
        var keys: [Command: [Key]] = [:]
        for (name, value) in table.entries {
            let path = Self.join(["keys", name])
            guard let command = Command(configName: name) else {
                fail(path, value, "unknown command\(suggestion(name, Self.commandNames)) (`festival config --print-default` lists them all)", atKey: true)
                continue
            }
            let elements: [(TOMLItem, String)]
            if value.string != nil {
                elements = [(value, path)]
            } else if let array = value.array {
                elements = array.items.enumerated().map { ($1, Self.join(["keys", name + "[\($0)]"])) }
            } else {
                wrongType(path, value, "a list of key names such as [\"j\", \"down\"]")
                continue
            }
            var list: [Key] = []
            for (element, elementPath) in elements {
                guard let text = element.string else {
                    wrongType(elementPath, element, "a key name such as \"j\" or \"ctrl-d\"")
                    continue
                }
                switch KeyName.parse(text) {
                case .success(let key):
                    list.append(key)
                    if keyPaths[command]?[key] == nil { keyPaths[command, default: [:]][key] = (elementPath, element.position) }
                case .failure(let error):
                    fail(elementPath, element, error.message)
                }
            }
            if command == .quit && elements.isEmpty {
                fail(path, value, "quit needs at least one key (without one the browser could not be left)")
            }
            keys[command] = list
        }
        return keys
    }

    /// A key that would mean two commands on one screen: reported where the file binds
    /// it (the later of the two places when the file binds both).
    mutating func checkConflicts(_ config: Config) {
        for conflict in config.keymap.conflicts() {
            let (a, b) = conflict.commands
            let pathA = keyPaths[a]?[conflict.key], pathB = keyPaths[b]?[conflict.key]
            let here: (path: String, position: TOMLPosition), other: Command
            switch (pathA, pathB) {
            case let (pa?, pb?): (here, other) = pb.position >= pa.position ? (pb, a) : (pa, b)
            case let (pa?, nil): (here, other) = (pa, b)
            case let (nil, pb?): (here, other) = (pb, a)
            case (nil, nil): continue
            }
            let name = KeyName.name(conflict.key).map(KeyName.quoted) ?? conflict.key.label
            let screens = conflict.screens.count == ScreenKind.allCases.count ? "on every screen"
                : "on " + ScreenKind.allCases.filter { conflict.screens.contains($0) }.map(\.configDescription).joined(separator: ", ")
            let whose = pathA != nil && pathB != nil ? "" : " (by default)"
            fail(here.path, at: here.position, "\(name) is also bound to \(other.configName)\(whose), and both apply \(screens); give one of them another key")
        }
    }

    /// " (did you mean "down"?)" for a near miss, else "".
    static func suggestion(_ name: String, _ known: [String]) -> String {
        // Only names a few edits away can be suggested: others are not measured at all.
        guard name.count <= 64 else { return "" }
        return suggestion(lowercased: name.lowercased(), known)
    }

    /// A suggestion for the issue about to be added: only for those a message shows (the
    /// first `CatalogError.maxShown`), so 60,000 unknown names cost no edit distances.
    func suggestion(_ name: String, _ known: [String]) -> String {
        issues.count < CatalogError.maxShown ? Self.suggestion(name, known) : ""
    }

    private static func suggestion(lowercased name: String, _ known: [String]) -> String {
        let best = known.filter { abs($0.count - name.count) <= 3 }.map { ($0, distance(name, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, min(3, best.0.count / 3)) else { return "" }
        return " (did you mean \(KeyName.quoted(best.0))?)"
    }

    /// Edit distance, a swap of neighbours counting as one edit (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
