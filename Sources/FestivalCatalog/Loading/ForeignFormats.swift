import Synchronization

/// Readers of formats other than festival's JSON (iCalendar feeds, …), which the program
/// registers at start: every load (the CLI, the browser, the cache, `validate`) asks it
/// first, so a feed opens like a catalog. The reader returns nil for bytes that are not its
/// formats (festival's own JSON among them), telling them by their first bytes.
public final class ForeignFormats: Sendable {
    public typealias Reader = @Sendable (_ bytes: [UInt8], _ file: String) throws(CatalogError) -> Catalog?
    private let reader = Mutex<Reader?>(nil)
    private let variantName = Mutex("")

    /// Registers `r`; `variant` names what else its catalogs depend on besides the bytes
    /// (the `--time-zone` given), so the cache keeps them apart.
    public func register(_ r: @escaping Reader, variant: String = "") {
        reader.withLock { $0 = r }
        variantName.withLock { $0 = variant }
    }

    /// The registered reader's `variant`; empty when its catalogs depend on the bytes alone.
    public var variant: String { variantName.withLock { $0 } }

    /// The catalog the registered reader makes of `bytes`, or nil (JSON, or no reader).
    func read(_ bytes: [UInt8], file: String) throws(CatalogError) -> Catalog? {
        guard !bytes.isEmpty, let reader = reader.withLock({ $0 }) else { return nil }
        return try reader(bytes, file)
    }
}

extension CatalogLoader {
    /// The program's readers of other formats.
    public static let foreign = ForeignFormats()
}
