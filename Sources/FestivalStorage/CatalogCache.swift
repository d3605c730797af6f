import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FestivalIO
import FestivalCatalog
import FestivalSearch

/// A catalog file's parsed catalog and search index, kept in the user's cache directory
/// (one file per catalog content), so a large catalog opens without parsing its JSON or
/// building its index again.
///
/// The file is named by a hash of the catalog file's bytes (`catalog-<16 hex>.bin`), so an
/// edited catalog misses and gets a new file; the header repeats that hash and the JSON's
/// length. The catalog and the index each have their own checksum, so the catalog can be
/// shown before the index is even read. A cache file that is missing, stale, from another
/// format version, truncated or corrupt is ignored (and deleted when it can be) and the
/// catalog is loaded from its JSON as without a cache — or, when only the index is damaged,
/// the index is built again; a cache that cannot be written is skipped silently. Deleting
/// the directory is always safe. Every length, count and offset in the file is checked
/// before it is used, and the catalog it holds must keep the rules a loaded catalog keeps
/// (`Catalog.integrityProblem()`): a crafted file is treated as a damaged one. The file is
/// mapped into memory, not read: the catalog is decoded from it, and the index's large arrays
/// (corpus, word and character lists, references) are used where they lie, never copied.
///
/// Layout: magic `FESTCACHE`, format version (UInt32), machine layout (UInt32), catalog
/// schemaVersion (UInt32), content hash (UInt64), JSON byte
/// count (UInt64), then for the catalog and for the index their length and checksum (UInt64
/// each, `contentHash` of the section; the catalog's leaves out its quote chunks, which
/// have hashes of their own), then the catalog (`Catalog.encode(to:)`) and the search index
/// (`SearchIndex.encode(to:)`).
public struct CatalogCache: Sendable {
    /// Bump whenever the layout of the file, the catalog or the index encoding changes (or
    /// how the index folds text): files of another version are not used. A test holds the
    /// hash of a sample's encoding and fails when the encoding changes without a bump.
    public static let formatVersion: UInt32 = 14
    static let magic = Array("FESTCACHE".utf8)
    /// Byte order and word size: the index stores integers as this machine lays them out.
    static let layout = UInt32(1.littleEndian == 1 ? 0x100 : 0x200) | UInt32(MemoryLayout<Int>.size)
    static let headerSize = magic.count + 4 + 4 + 4 + 8 + 8 + 4 * 8
    /// Other cache files are kept while younger than this and among the newest `maxFiles`.
    public static let maxFiles = 8
    public static let maxAge: TimeInterval = 30 * 24 * 60 * 60
    /// Larger catalog files are not cached (the format's lengths are 32-bit).
    public static let maxCatalogBytes = 1 << 30

    /// Where cache files live; nil when caching is off.
    public let directory: URL?

    public init(directory: URL?) {
        self.directory = directory
    }

    /// No reading, no writing.
    public static let disabled = CatalogCache(directory: nil)

    /// `$XDG_CACHE_HOME/festival`, else `$HOME/.cache/festival`; off when `FESTIVAL_NO_CACHE`
    /// is set (to anything but `0` or nothing) or no home is known.
    public static var standard: CatalogCache { standard(environment: ProcessInfo.processInfo.environment) }

    public static func standard(environment env: [String: String]) -> CatalogCache {
        let base = standardBase(environment: env)
        // Feeds read with a --time-zone are kept apart from those read without.
        let variant = CatalogLoader.foreign.variant
        guard let directory = base.directory, !variant.isEmpty else { return base }
        return CatalogCache(directory: directory.appending(path: "variant-" + hex16(contentHash(Array(variant.utf8))), directoryHint: .isDirectory))
    }

    static func standardBase(environment env: [String: String]) -> CatalogCache {
        if let off = env["FESTIVAL_NO_CACHE"], !off.isEmpty, off != "0" { return .disabled }
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return CatalogCache(directory: URL(fileURLWithPath: xdg, isDirectory: true).appending(path: "festival", directoryHint: .isDirectory))
        }
        if let home = env["HOME"], home.hasPrefix("/") {
            return CatalogCache(directory: URL(fileURLWithPath: home, isDirectory: true)
                .appending(path: ".cache/festival", directoryHint: .isDirectory))
        }
        return .disabled
    }

    /// A catalog file's identity: the hash of its bytes and their number.
    public struct Key: Sendable, Hashable {
        public var hash: UInt64
        public var byteCount: Int

        public init(hash: UInt64, byteCount: Int) {
            self.hash = hash
            self.byteCount = byteCount
        }

        public init(bytes: [UInt8]) {
            self.init(hash: CatalogCache.contentHash(bytes), byteCount: bytes.count)
        }

        /// `catalog-<16 hex digits>.bin`
        public var fileName: String { "catalog-" + CatalogCache.hex16(hash) + ".bin" }
    }

    /// Where a load came from.
    public enum Origin: Sendable, Equatable {
        case cache, json
    }

    /// A loaded catalog, where it came from, and (on a hit) its cached index to decode.
    public struct Loaded: Sendable {
        public var catalog: Catalog
        public var origin: Origin
        /// The catalog file's key, to `store` under; nil when caching is off or the
        /// catalog did not come from a file.
        public var key: Key?
        /// On a hit: the cache file, whose index `cachedIndex(_:)` or `index(for:)` decode
        /// when asked (so the catalog can be shown first).
        var cachedIndex: IndexSection?
        /// The catalog file's identity before it was read (recorded with the key once stored).
        var identity: CatalogIdentity?
        /// Set when the hit was found by the file's identity alone, without hashing it:
        /// `confirm(_:)` checks it afterwards.
        public internal(set) var trustedIdentity: CatalogIdentity?
        /// On a hit loaded with `deferringQuotes`: the quotes, decoded when asked for
        /// (`catalog` then has none).
        public internal(set) var deferredQuotes: DeferredQuotes?

        /// A catalog that did not come from a file (nothing to cache).
        public init(catalog: Catalog) {
            self.init(catalog: catalog, origin: .json, key: nil, cachedIndex: nil)
        }

        init(catalog: Catalog, origin: Origin, key: Key?, cachedIndex: IndexSection?, identity: CatalogIdentity? = nil,
             trusted: Bool = false, deferredQuotes: DeferredQuotes? = nil) {
            self.catalog = catalog
            self.deferredQuotes = deferredQuotes
            self.origin = origin
            self.key = key
            self.cachedIndex = cachedIndex
            self.identity = identity
            self.trustedIdentity = trusted ? identity : nil
        }
    }

    /// A cache file's mapped bytes, where its index is in them and the index's checksum,
    /// handed out once: the index decoded from it reads its columns in place, so the file
    /// stays mapped as long as that index lives (not as long as `Loaded` does).
    final class IndexSection: Sendable {
        struct Section {
            var source: ByteSource
            var range: Range<Int>
            var checksum: UInt64
        }
        private let section: Mutex<Section?>
        let url: URL

        init(_ section: Section, url: URL) {
            self.section = Mutex(section)
            self.url = url
        }

        func take() -> Section? {
            section.withLock { section in
                defer { section = nil }
                return section
            }
        }
    }

    /// A fast 64-bit hash of the whole content (XXH64; several GB/s), deterministic across
    /// runs and machines.
    public static func contentHash(_ bytes: [UInt8]) -> UInt64 { ContentHash.hash(bytes) }

    /// Sixteen lower-case hex digits, zero-padded (how cache files are named).
    static func hex16(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public func fileURL(for key: Key) -> URL? {
        directory?.appending(path: key.fileName, directoryHint: .notDirectory)
    }

    // MARK: - Loading

    /// Loads the catalog file at `path`: from its cache file when there is a valid one (no
    /// JSON parsing), else from the JSON exactly as `CatalogLoader.load(path:)` does, with
    /// the same located errors. On a hit the index is decoded later, by `index(for:)`,
    /// unless `withIndex` is false (the file's bytes are then not kept). With
    /// `deferringQuotes`, a hit leaves the quotes in the file (`Loaded.deferredQuotes`), for
    /// a command that shows only a few of them.
    public func load(path: String, withIndex: Bool = true, deferringQuotes: Bool = false,
                     progress: LoadProgress? = nil) throws(CatalogError) -> Loaded {
        progress?.start(.reading)
        // Taken before anything is read: a change while reading makes it stale, so it is not recorded.
        let identity = directory == nil ? nil : CatalogIdentity(path: path)
        // The file as last seen: its content key without reading it.
        if let identity, let key = recordedKey(for: identity), let hit = cached(key, withIndex: withIndex, deferringQuotes: deferringQuotes) {
            return Loaded(catalog: hit.catalog, origin: .cache, key: key, cachedIndex: hit.index, identity: identity, trusted: true,
                          deferredQuotes: hit.quotes)
        }
        // A hit only needs the file's hash: read it in pieces, never whole.
        if directory != nil, let file = FileIO.hash(ofFile: path, maxBytes: Self.maxCatalogBytes),
           case let key = Key(hash: file.hash, byteCount: file.byteCount),
           let hit = cached(key, withIndex: withIndex, deferringQuotes: deferringQuotes) {
            if let identity { record(key, for: identity) }
            return Loaded(catalog: hit.catalog, origin: .cache, key: key, cachedIndex: hit.index, identity: identity,
                          deferredQuotes: hit.quotes)
        }
        // The key of the bytes actually parsed (the file may have changed since).
        let bytes = try CatalogLoader.read(path: path)
        let key = directory == nil || bytes.count > Self.maxCatalogBytes ? nil : Key(bytes: bytes)
        return Loaded(catalog: try CatalogLoader.load(bytes: bytes, file: path, progress: progress),
                      origin: .json, key: key, cachedIndex: nil, identity: identity)
    }

    /// `standard.load(path:progress:)`.
    public static func load(path: String, progress: LoadProgress? = nil) throws(CatalogError) -> Loaded {
        try standard.load(path: path, progress: progress)
    }

    /// The index from the cache file, or nil when the load did not hit (or the index does
    /// not decode or fit the catalog: the file is then deleted). Decoded once: a second
    /// call gives nil.
    public func cachedIndex(_ loaded: Loaded) -> SearchIndex? {
        guard let file = loaded.cachedIndex, let section = file.take() else { return nil }
        do {
            return try Self.decodeIndex(section, catalog: loaded.catalog, quoteCount: loaded.deferredQuotes?.count)
        } catch {
            unlink(file.url.path)
            return nil
        }
    }

    /// Deletes the cache file a load hit (one found damaged after the load): the next load
    /// reads the JSON.
    public func discard(_ loaded: Loaded) {
        guard loaded.origin == .cache, let key = loaded.key, let url = fileURL(for: key) else { return }
        unlink(url.path)
    }

    /// The cached index, or one built now and stored for next time.
    public func index(for loaded: Loaded) -> SearchIndex {
        if let index = cachedIndex(loaded) { return index }
        let index = SearchIndex(catalog: loaded.catalog)
        storeIfNew(loaded, index: index)
        return index
    }

    /// The cached catalog for `key` and where its index is, or nil. A file that is there
    /// but unusable is deleted; a usable one has its modification time renewed (it counts
    /// as recently used).
    func cached(_ key: Key, withIndex: Bool, deferringQuotes: Bool = false)
    -> (catalog: Catalog, index: IndexSection?, quotes: DeferredQuotes?)? {
        guard let url = fileURL(for: key) else { return nil }
        let source: ByteSource
        switch FileIO.map(url.path) {
        case .missing: return nil
        case .unreadable:
            unlink(url.path)
            return nil
        case .content(let s): source = s
        }
        do {
            let (catalog, quotes, index) = try Self.decodeCatalog(source, key: key, deferringQuotes: deferringQuotes)
            utimensat(AT_FDCWD, url.path, nil, 0)
            return (catalog, withIndex ? IndexSection(index, url: url) : nil, quotes)
        } catch {
            unlink(url.path)
            return nil
        }
    }

    // MARK: - Storing

    /// Writes the cache file for `key` atomically (temporary file, fsync, rename), then
    /// trims the directory. Any failure leaves no file behind and is not reported beyond
    /// the result.
    @discardableResult
    public func store(catalog: Catalog, index: SearchIndex, key: Key) -> Bool {
        store(catalog: catalog, index: { index }, key: key)
    }

    /// As `store(catalog:index:key:)`, with an index still being built: the catalog is
    /// written first, and `index` is called (it may wait) only once it has been.
    @discardableResult
    public func store(catalog: Catalog, index: () -> SearchIndex, key: Key) -> Bool {
        guard let directory, let url = fileURL(for: key), key.byteCount <= Self.maxCatalogBytes else { return false }
        do {
            // 0700, as the XDG spec asks for directories it creates.
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return false
        }
        // Encoded straight into the file: no copy of the catalog or the index in memory.
        // Not fsynced: a file a power cut tears fails its checksums and is made again.
        let written: Void? = try? AtomicFile.write(to: url.path, mode: 0o600, durable: false) { (file) throws(AtomicFile.Failure) in
            var failure: AtomicFile.Failure?
            let header = Self.write(catalog: catalog, index: index, key: key) { piece in
                guard failure == nil else { return }
                do throws(AtomicFile.Failure) { try file.write(piece) } catch { failure = error }
            }
            if let failure { throw failure }
            try file.write(header, at: 0)
        }
        guard written != nil else { return false }
        prune(keeping: key.fileName)
        return true
    }

    /// Stores a catalog loaded from its JSON with the index built for it, under its key;
    /// does nothing after a cache hit or without a key.
    @discardableResult
    public func storeIfNew(_ loaded: Loaded, index: SearchIndex) -> Bool {
        storeIfNew(loaded, index: { index })
    }

    /// As `storeIfNew(_:index:)`, begun while the index is still being built (see
    /// `store(catalog:index:key:)`): `index` is called only when there is something to store.
    @discardableResult
    public func storeIfNew(_ loaded: Loaded, index: () -> SearchIndex) -> Bool {
        guard loaded.origin == .json, let key = loaded.key else { return false }
        guard store(catalog: loaded.catalog, index: index, key: key) else { return false }
        if let identity = loaded.identity { record(key, for: identity) }
        return true
    }

    /// `standard.store(…)`.
    @discardableResult
    public static func store(catalog: Catalog, index: SearchIndex, key: Key) -> Bool {
        standard.store(catalog: catalog, index: index, key: key)
    }

    /// Deletes other cache files older than `maxAge` or beyond the `maxFiles` newest, identity
    /// records (`path-*.key`) older than `maxAge` or beyond the 64 newest, and temporary files
    /// left by an interrupted write.
    func prune(keeping current: String, now: Date = Date()) {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        var kept: [(name: String, modified: Double)] = []
        var records: [(name: String, modified: Double)] = []
        for name in names {
            let path = directory.appending(path: name).path
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            #if canImport(Darwin)
            let modified = Double(info.st_mtimespec.tv_sec)
            #else
            let modified = Double(info.st_mtim.tv_sec)
            #endif
            let age = now.timeIntervalSince1970 - modified
            if (name.hasPrefix(".catalog-") || name.hasPrefix(".path-")) && name.contains(".tmp-") {
                if age > 60 * 60 { unlink(path) }
            } else if name.hasPrefix("path-") && name.hasSuffix(".key") {
                if age > Self.maxAge { unlink(path) } else { records.append((name, modified)) }
            } else if name.hasPrefix("catalog-") && name.hasSuffix(".bin") && name != current {
                if age > Self.maxAge { unlink(path) } else { kept.append((name, modified)) }
            }
        }
        kept.sort { $0.modified > $1.modified }
        for old in kept.dropFirst(Self.maxFiles - 1) { unlink(directory.appending(path: old.name).path) }
        records.sort { $0.modified > $1.modified }
        for old in records.dropFirst(64) { unlink(directory.appending(path: old.name).path) }
    }

    // MARK: - The file

    /// Encodes the file into `output` as it goes: a header with its section lengths and
    /// checksums blank, the catalog, the index. Returns the header's real bytes, which go at
    /// the file's start. Only about `chunk` bytes of the encoding are ever in memory at once
    /// (large arrays go to `output` from where they are).
    static func write(catalog: Catalog, index: () -> SearchIndex, key: Key, chunk: Int = 1 << 20,
                      output: @escaping (UnsafeRawBufferPointer) -> Void) -> [UInt8] {
        let blank = [UInt8](repeating: 0, count: headerSize)
        blank.withUnsafeBytes(output)
        var sections: [(length: Int, checksum: UInt64)] = []
        for part in 0..<2 {
            // The catalog's quote chunks carry their own hashes: its checksum leaves them out.
            let gaps = ContentHash.Gaps()
            let origin = headerSize + sections.reduce(0) { $0 + $1.length }
            var hash = ContentHash.Skipping(origin: origin, skipping: gaps)
            var w = BinaryWriter(chunk: chunk, origin: origin) { piece in
                hash.update(piece)
                output(piece)
            }
            if part == 0 { catalog.encode(to: &w, gaps: gaps) } else { index().encode(to: &w) }
            w.flush()
            sections.append((w.count - origin, hash.finish()))
        }
        var w = BinaryWriter(capacity: headerSize)
        for b in magic { w.u8(b) }
        w.u32(formatVersion)
        w.u32(layout)
        w.u32(UInt32(Catalog.schemaVersion))
        w.u64(key.hash)
        w.int(key.byteCount)
        for section in sections {
            w.int(section.length)
            w.u64(section.checksum)
        }
        return w.bytes
    }

    /// The whole file in one array.
    static func encode(catalog: Catalog, index: SearchIndex, key: Key, chunk: Int = 1 << 20) -> [UInt8] {
        var bytes: [UInt8] = []
        let header = write(catalog: catalog, index: { index }, key: key, chunk: chunk) { bytes.append(contentsOf: $0) }
        bytes.replaceSubrange(0..<headerSize, with: header)
        return bytes
    }

    /// Checks a cache file's header and its catalog's checksum, and decodes the catalog;
    /// returns where the index is (unchecked as yet). With `deferringQuotes`, the quotes are
    /// left in the file (each chunk is checked by its own hash when it is decoded).
    static func decodeCatalog(_ source: ByteSource, key: Key, deferringQuotes: Bool = false) throws(BinaryReader.Corrupt)
    -> (Catalog, DeferredQuotes?, IndexSection.Section) {
        guard source.count >= headerSize else { throw BinaryReader.Corrupt(description: "cache: too short") }
        var r = BinaryReader(source)
        for b in magic {
            guard try r.u8() == b else { throw BinaryReader.Corrupt(description: "cache: not a cache file") }
        }
        guard try r.u32() == formatVersion, try r.u32() == layout,
              try r.u32() == UInt32(Catalog.schemaVersion) else {
            throw BinaryReader.Corrupt(description: "cache: written by another version")
        }
        guard try r.u64() == key.hash, try r.int() == key.byteCount else {
            throw BinaryReader.Corrupt(description: "cache: made for other content")
        }
        let catalogLength = try r.int(), catalogChecksum = try r.u64()
        let indexLength = try r.int(), indexChecksum = try r.u64()
        // Compared by subtraction from what is there: a length near Int.max cannot overflow.
        guard catalogLength >= 0, indexLength >= 0, catalogLength <= source.count - headerSize,
              indexLength == source.count - headerSize - catalogLength else {
            throw BinaryReader.Corrupt(description: "cache: section lengths do not match the file")
        }
        let catalogRange = headerSize..<(headerSize + catalogLength)
        // Decoded first (safe with any bytes: everything is checked), then its checksum,
        // which leaves out the quote chunks: each is checked by its own hash when decoded.
        let decoded = try Catalog.decode(&r, end: catalogRange.upperBound, deferringQuotes: deferringQuotes)
        let (catalog, quotes) = (decoded.catalog, decoded.deferredQuotes)
        guard r.offset == catalogRange.upperBound else { throw BinaryReader.Corrupt(description: "cache: catalog length") }
        guard hasChecksum(source, catalogRange, catalogChecksum, skipping: decoded.quoteChunks) else {
            throw BinaryReader.Corrupt(description: "cache: catalog checksum mismatch")
        }
        // What decodes is not trusted yet: it must keep the rules the loader enforces (the
        // decoder has checked the quotes' references).
        if let problem = catalog.integrityProblem(quoteReferences: false) { throw BinaryReader.Corrupt(description: "cache: \(problem)") }
        return (catalog, quotes,
                IndexSection.Section(source: source, range: catalogRange.upperBound..<source.count, checksum: indexChecksum))
    }

    /// Checks the index section's checksum and decodes it for `catalog` (with `quoteCount`
    /// quotes, when they are deferred).
    static func decodeIndex(_ section: IndexSection.Section, catalog: Catalog,
                            quoteCount: Int? = nil) throws(BinaryReader.Corrupt) -> SearchIndex {
        guard hasChecksum(section.source, section.range, section.checksum) else {
            throw BinaryReader.Corrupt(description: "cache: index checksum mismatch")
        }
        var r = BinaryReader(section.source, offset: section.range.lowerBound)
        let index = try SearchIndex(decoding: &r)
        guard r.offset == section.range.upperBound, index.fits(catalog, quoteCount: quoteCount) else {
            throw BinaryReader.Corrupt(description: "cache: the index does not fit the catalog")
        }
        return index
    }

    /// True when the bytes in `range` have `checksum` (always, in the fuzzer's build, so
    /// that its mutations reach the decoders).
    static func hasChecksum(_ source: ByteSource, _ range: Range<Int>, _ checksum: UInt64, skipping gaps: [Range<Int>] = []) -> Bool {
        #if FUZZING
        return true
        #else
        return ContentHash.hash(of: source.buffer, in: range, skipping: gaps) == checksum
        #endif
    }

    /// The whole file: catalog and index.
    static func decode(_ bytes: [UInt8], key: Key) throws(BinaryReader.Corrupt) -> (Catalog, SearchIndex) {
        let (catalog, _, section) = try decodeCatalog(ByteSource(bytes), key: key)
        return (catalog, try decodeIndex(section, catalog: catalog))
    }
}
