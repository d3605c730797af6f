import Foundation
import FestivalIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Config files larger than this are refused (the default file is about 3 kB).
    public static let maxFileBytes = 1 << 20

    /// Reads and checks one config file: a regular file (a FIFO, a device or a directory is
    /// refused without being opened for long, so a start never hangs on it).
    public static func load(path: String) throws(ConfigError) -> Config {
        func refuse(_ reason: String) -> ConfigError {
            ConfigError([.init(file: path, line: nil, column: nil, path: nil, message: reason)])
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw refuse(errno == ENOENT ? "no such file" : "cannot be read") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw refuse("is a directory")
        default: throw refuse("is not a regular file")
        }
        guard Int(info.st_size) <= maxFileBytes else { throw refuse("is larger than \(maxFileBytes >> 20) MB") }
        guard case .content(let bytes) = FileIO.read(path) else { throw refuse("cannot be read") }
        // The parser locates bytes that are not UTF-8 (and NUL, and UTF-16) itself.
        return try parse(bytes: bytes, file: path)
    }
}
