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
    /// How much of the file is read to find the start: a first piece, then larger ones.
    public static let prefixSizes = [1 << 20, 16 << 20, 64 << 20]

    /// The start of the regular file at `path`, or nil (another order, a pipe, an error in
    /// the start, or a start larger than the largest prefix read).
    public static func read(path: String, prefixSizes: [Int] = Self.prefixSizes) -> Catalog? {
        for size in prefixSizes {
            guard case .content(let prefix) = FileIO.readPrefix(path, maxBytes: size) else { return nil }
            switch decode(prefix.bytes, whole: prefix.bytes.count == prefix.fileSize) {
            case .start(let catalog): return catalog
            case .none: return nil
            case .needMore: continue
            }
        }
        return nil
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
                    guard k < 6 else {
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
