import FestivalCatalog

/// Why a config file cannot be used: every problem found, each located as
/// `file:line:column: path: message`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?
        /// The setting, e.g. `keys.down[1]`; nil for a TOML syntax error.
        public var path: String?
        public var message: String

        public init(file: String, line: Int?, column: Int?, path: String?, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.path = path
            self.message = message
        }

        public var description: String {
            CatalogIssue.located(file: file, line: line, column: column, path: path ?? "", message: message)
        }
    }

    public var issues: [Issue]

    public init(_ issues: [Issue]) { self.issues = issues }

    /// The issues, one a line: the first `CatalogError.maxShown`, then how many more.
    public var description: String {
        var lines = issues.prefix(CatalogError.maxShown).map(\.description)
        if issues.count > CatalogError.maxShown { lines.append("… and \(issues.count - CatalogError.maxShown) more problems") }
        return lines.joined(separator: "\n")
    }
}
