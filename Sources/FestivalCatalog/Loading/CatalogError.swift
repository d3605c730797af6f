import TextGrid
/// One problem found in a catalog, located by file, JSON path, line and column.
public struct CatalogIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// JSON path such as `films[3].directors[0]`; empty for the whole file.
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, path: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: path: message`, as compilers print it.
    public var description: String {
        Self.located(file: file, line: line, column: column, path: path, message: message)
    }

    /// The one located-message format, for catalogs, config files and the like; an
    /// unknown line or column and an empty path are left out. Always one line: a line break
    /// in a value it quotes is shown as ␤.
    public static func located(file: String, line: Int?, column: Int?, path: String, message: String) -> String {
        var s = Sanitize.oneLine(file)
        if let line { s += ":\(line)" ; if let column { s += ":\(column)" } }
        s += ": "
        if !path.isEmpty { s += Sanitize.oneLine(path) + ": " }
        return s + Sanitize.oneLine(message)
    }
}

/// A catalog could not be loaded; `issues` lists every problem found, in file order.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [CatalogIssue]

    public init(_ issues: [CatalogIssue]) { self.issues = issues }

    public var description: String {
        let shown = issues.prefix(CatalogError.maxShown).map(\.description)
        var lines = shown
        if issues.count > CatalogError.maxShown {
            lines.append("… and \(issues.count - CatalogError.maxShown) more problems")
        }
        return lines.joined(separator: "\n")
    }

    /// How many issues the description lists before summarising the rest.
    public static let maxShown = 50
}
