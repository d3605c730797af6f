import FestivalIO

/// The start of a catalog file — its festival, topics, people and films — read before the
/// rest, so that a large catalog can be shown while its quotes and sources are still being
/// read. Only a file in the documented order (`quotes` and `sources` after the others) has a
/// start; any other order is read whole as usual.
///
/// A start is not a catalog that was checked: its quotes and sources are not read, and
/// references to sources are not checked (everything else in it is, as the loader would).
/// It is for showing while the whole file loads, and the whole load decides whether the
/// catalog is valid.
public enum CatalogStart {
    /// How much of the file is read to find the start: the first size is a first piece,
    /// decoded as it is; for a longer start, pieces twice as long each time, up to the last
    /// size (the most a start may take).
    public static let prefixSizes = [1 << 20, 64 << 20]

    /// The start of the regular file at `path`, or nil (another order, a pipe, an error in
    /// the start, or a start larger than the largest prefix read).
    public static func read(path: String, prefixSizes: [Int] = Self.prefixSizes) -> Catalog? {
        guard var size = prefixSizes.first, let most = prefixSizes.last else { return nil }
        while true {
            guard case .content(let prefix) = FileIO.readPrefix(path, maxBytes: size) else { return nil }
            let whole = prefix.bytes.count == prefix.fileSize
            // After the first piece, only a piece that holds the whole start is decoded: it is
            // found by skipping values, which is several times faster than decoding them (a
            // 20 MB start was decoded almost whole from a 16 MB piece, only to be too short).
            if size == prefixSizes.first || whole || size >= most || holdsStart(prefix.bytes) {
                switch decode(prefix.bytes, whole: whole) {
                case .start(let catalog): return catalog
                case .none: return nil
                case .needMore: break
                }
            }
            guard !whole, size < most else { return nil }
            size = min(most, 2 * size)
        }
    }

    /// Whether `bytes` reach past the start: the root object's members are skipped, not
    /// decoded, until `quotes` or `sources` (or the object's end); false when they end first.
    static func holdsStart(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var j = FastJSON(buffer, at: buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            do throws(FastJSON.Bail) {
                try j.expect(0x7B)
                while true {
                    j.skipSpace()
                    if j.current == 0x7D { return true }
                    let key = try j.rawString()
                    try j.expect(0x3A)
                    if let k = key.index(in: FastJSON.rootKeys), k >= FastJSON.restKey { return true }
                    j.skipSpace()
                    try j.skipValue()
                    guard j.i < buffer.count else { return false }
                    j.skipSpace()
                    if j.current == 0x2C { j.i += 1 }
                }
            } catch {
                return false
            }
        }
    }

    /// The start held in a whole file's bytes, or nil.
    public static func decode(bytes: [UInt8]) -> Catalog? {
        if case .start(let catalog) = decode(bytes, whole: true) { return catalog }
        return nil
    }

    enum Decoded {
        case start(Catalog)
        /// The bytes ended inside the start: a longer prefix may hold it.
        case needMore
        case none
    }

    /// Decodes the start from the first bytes of a file (`whole`: all of them).
    static func decode(_ bytes: [UInt8], whole: Bool) -> Decoded {
        bytes.withUnsafeBufferPointer { buffer in
            var j = FastJSON(buffer, at: buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
            var parts = FastJSON.CatalogParts()
            var reachedRest = false
            do throws(FastJSON.Bail) {
                try j.object { j, key throws(FastJSON.Bail) in
                    guard let k = key.index(in: FastJSON.rootKeys) else { throw FastJSON.Bail() }
                    // `quotes` or `sources`: the start is over.
                    guard k < FastJSON.restKey else {
                        reachedRest = true
                        throw FastJSON.Bail()
                    }
                    try j.rootMember(k, into: &parts, progress: nil)
                }
                return .none   // the whole catalog without quotes or sources: not valid
            } catch {
                guard reachedRest else {
                    // A piece cut inside the start ends within a few bytes of its end.
                    return !whole && j.i + 64 >= buffer.count ? .needMore : .none
                }
            }
            guard let catalog = try? parts.catalog(start: true),
                  catalog.integrityProblem(quoteReferences: false, sourceReferences: false) == nil else { return .none }
            return .start(catalog)
        }
    }
}
