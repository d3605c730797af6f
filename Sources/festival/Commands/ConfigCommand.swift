import ArgumentParser
import FestivalUI
import Foundation

/// `festival config`: the commented default config file, or a check of one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default config file, or check one.",
        discussion: """
        The browser reads $XDG_CONFIG_HOME/festival/config.toml (or \
        ~/.config/festival/config.toml): language, theme and colors, mouse, and the keys of \
        every command. A bad file is reported as file:line:column: setting: message.
        Examples:
          festival config --print-default > ~/.config/festival/config.toml
          festival config --check
          festival config --check my-config.toml
        """
    )

    @Flag(help: "Print a commented config file with every setting and every command's standard keys.")
    var printDefault = false

    @Flag(help: "Check a config file (default: the one the browser reads); exit 2 with the located problems.")
    var check = false

    @Argument(help: ArgumentHelp("The file to check (with --check).", valueName: "path"))
    var path: String?

    func validate() throws {
        if printDefault == check {
            throw ValidationError("use --print-default, or --check [PATH]")
        }
        if path != nil && !check {
            throw ValidationError("a PATH goes with --check")
        }
    }

    func run() throws {
        if printDefault {
            try Output.write(Config.defaultText)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let file: String
        if let path {
            file = path
        } else {
            guard let found = Config.path(environment: environment) else {
                throw CLIFailure.usage("no config path: neither XDG_CONFIG_HOME nor HOME is set (give a PATH)")
            }
            guard FileManager.default.fileExists(atPath: found) else {
                try Output.write("\(found): no config file; the defaults apply")
                return
            }
            file = found
        }
        let config: Config
        do {
            config = try Config.load(path: file)
        } catch {
            throw CLIFailure(message: error.description, exitCode: 2)
        }
        try Output.write("\(file): ok (\(Self.summary(config)))")
    }

    /// "language en, theme light with 2 colors, mouse off, keys of 3 commands".
    static func summary(_ config: Config) -> String {
        var parts: [String] = []
        if let language = config.language { parts.append("language \(language.rawValue)") }
        if let theme = config.theme {
            parts.append("theme \(theme.base.rawValue)" + (theme.colors.isEmpty ? "" : " with \(theme.colors.count) custom color\(theme.colors.count == 1 ? "" : "s")"))
        }
        if let mouse = config.mouse { parts.append("mouse \(mouse ? "on" : "off")") }
        if !config.keys.isEmpty { parts.append("keys of \(config.keys.count) command\(config.keys.count == 1 ? "" : "s") set") }
        return parts.isEmpty ? "nothing set; the defaults apply" : parts.joined(separator: ", ")
    }
}
