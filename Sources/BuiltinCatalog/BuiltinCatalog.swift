/// The AIFF 2025 catalog that ships inside the binary (from `Resources/aiff2025.json`).
public enum BuiltinCatalog {
    /// The catalog's JSON text.
    public static var json: String { embeddedCatalogJSON }
    /// How errors and `--json` output name the built-in catalog.
    public static let displayName = "<built-in aiff2025.json>"
}
