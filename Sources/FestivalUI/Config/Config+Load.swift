import Foundation

extension Config {
    /// Where the config file is: `$XDG_CONFIG_HOME/festival/config.toml` when that is an
    /// absolute path, else `$HOME/.config/festival/config.toml`; nil without either.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/festival/config.toml"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + (home.hasSuffix("/") ? "" : "/") + ".config/festival/config.toml"
        }
        return nil
    }

    /// The user's config, or nil when there is no file. Throws `ConfigError` (located)
    /// for a file that cannot be read or is not a valid config.
    public static func load(environment: [String: String]) throws(ConfigError) -> Config? {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else { return nil }
        return try load(path: path)
    }

    /// Reads and checks one config file.
    public static func load(path: String) throws(ConfigError) -> Config {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError([.init(file: path, line: nil, column: nil, path: nil, message: "no such file")])
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            let reason = isDirectory.boolValue ? "is a directory" : "cannot be read"
            throw ConfigError([.init(file: path, line: nil, column: nil, path: nil, message: reason)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError([.init(file: path, line: nil, column: nil, path: nil, message: "not UTF-8 text")])
        }
        return try parse(text: text, file: path)
    }
}
