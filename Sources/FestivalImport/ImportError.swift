import FestivalCatalog

/// Problems found reading a foreign format, each at its line (and column when known), as
/// catalog errors are: the importer reports them with `CatalogError`, so every command
/// shows them the same way.
struct ImportLog {
    let file: String
    private(set) var issues: [CatalogIssue] = []
    /// What loads but is not exact, shown by `festival import`.
    var warnings: [CatalogIssue] = []

    init(file: String) { self.file = file }

    mutating func add(line: Int?, column: Int? = nil, _ path: String, _ message: String) {
        issues.append(CatalogIssue(file: file, path: path, line: line, column: column, message: message))
    }

    var error: CatalogError { CatalogError(issues) }
}
