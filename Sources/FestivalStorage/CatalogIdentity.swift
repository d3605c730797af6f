import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FestivalIO
import FestivalCatalog

/// Finding a catalog's cache file from what the file system already knows, as git's index
/// does: the path, device, inode, size, modification and change times. A cached start then
/// reads nothing of a large JSON file before it shows it. `path-<hash>.key` in the cache
/// directory maps that identity to the content key it had when the file was last hashed.
///
/// Any write to the file changes its change time (which no user can set), so an edited file
/// misses and is hashed again. The clock behind those times is coarse, so a write in the
/// same tick as the one before it could leave them unchanged: as git does with "racy"
/// entries, an identity is recorded only for a file last changed `racyWindow` or more
/// before it was read. The browser also confirms a start from an identity by hashing the
/// file afterwards (`CatalogCache.confirm`), and a mismatch loads it again.
public struct CatalogIdentity: Sendable, Equatable {
    var path: String
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: (Int, Int)
    var changed: (Int, Int)

    public static func == (a: Self, b: Self) -> Bool {
        a.path == b.path && a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified == b.modified && a.changed == b.changed
    }

    /// A file changed this recently (in seconds) before it was read gets no record yet.
    static let racyWindow = 2

    /// The identity of the regular file at `path` now; nil for anything else.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.path = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        #if canImport(Darwin)
        modified = (info.st_mtimespec.tv_sec, info.st_mtimespec.tv_nsec)
        changed = (info.st_ctimespec.tv_sec, info.st_ctimespec.tv_nsec)
        #else
        modified = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
        changed = (info.st_ctim.tv_sec, info.st_ctim.tv_nsec)
        #endif
    }

    static let magic = Array("FESTKEY1".utf8)

    /// Everything the identity holds, as bytes (what the `.key` file repeats).
    var bytes: [UInt8] {
        var w = BinaryWriter()
        w.string(path)
        for n in [Int(bitPattern: UInt(device)), Int(bitPattern: UInt(inode)), size, modified.0, modified.1, changed.0, changed.1] { w.int(n) }
        return w.bytes
    }

    /// `path-<16 hex digits>.key`
    var fileName: String { "path-" + CatalogCache.hex16(ContentHash.hash(bytes)) + ".key" }
}

extension CatalogCache {
    /// The content key last recorded for `identity`, or nil (a file that does not match
    /// exactly is ignored).
    func recordedKey(for identity: CatalogIdentity) -> Key? {
        guard let directory, case .content(let bytes) = FileIO.read(directory.appending(path: identity.fileName).path) else { return nil }
        let expected = CatalogIdentity.magic + identity.bytes
        guard bytes.count == expected.count + 16, bytes.starts(with: expected) else { return nil }
        var r = BinaryReader(Array(bytes[expected.count...]))
        guard let hash = try? r.u64(), let count = try? r.int(), count == identity.size else { return nil }
        return Key(hash: hash, byteCount: count)
    }

    /// Records that the file of `identity` has content `key`, when the file still has that
    /// identity (it did not change while it was read) and had it for `racyWindow` already.
    func record(_ key: Key, for identity: CatalogIdentity, now: Date = Date()) {
        guard let directory, CatalogIdentity(path: identity.path) == identity, key.byteCount == identity.size,
              Int(now.timeIntervalSince1970) - max(identity.changed.0, identity.modified.0) >= CatalogIdentity.racyWindow
        else { return }
        var w = BinaryWriter()
        for b in CatalogIdentity.magic + identity.bytes { w.u8(b) }
        w.u64(key.hash)
        w.int(key.byteCount)
        try? AtomicFile.write([w.bytes], to: directory.appending(path: identity.fileName).path, mode: 0o600)
    }

    /// Forgets what was recorded for `identity`.
    func forget(_ identity: CatalogIdentity) {
        guard let directory else { return }
        unlink(directory.appending(path: identity.fileName).path)
    }

    /// After a start that trusted the file's identity (`Loaded.trustedIdentity`): hashes the
    /// file and tells whether it still has the cached content. When not, the record is
    /// dropped, so the next load hashes the file (and reads its JSON).
    public func confirm(_ loaded: Loaded) -> Bool {
        guard let identity = loaded.trustedIdentity, let key = loaded.key else { return true }
        if let file = FileIO.hash(ofFile: identity.path, maxBytes: Self.maxCatalogBytes),
           Key(hash: file.hash, byteCount: file.byteCount) == key {
            return true
        }
        forget(identity)
        return false
    }
}

extension CatalogCache {
    /// The catalog file at `path` without its quotes, from its cache file found by the file's
    /// identity alone (nothing of the JSON is read, no quote decoded): what a cached start
    /// shows while the whole catalog loads. Nil without such a cache file.
    public func cachedStart(path: String) -> Catalog? {
        guard directory != nil, let identity = CatalogIdentity(path: path), let key = recordedKey(for: identity) else { return nil }
        return cached(key, withIndex: false, deferringQuotes: true)?.catalog
    }

    /// The start of the catalog file at `path` and whether the whole file is known to be
    /// valid without reading it: from the cache file its identity finds (only a valid catalog
    /// is ever cached), else `CatalogStart`, known valid when this cache has a file for its
    /// content and the file did not change while its start was read. Nil when the file has
    /// neither.
    public func start(path: String) -> (catalog: Catalog, knownValid: Bool)? {
        if let cached = cachedStart(path: path) { return (cached, true) }
        let before = directory == nil ? nil : CatalogIdentity(path: path)
        guard let start = CatalogStart.read(path: path) else { return nil }
        guard let before, CatalogIdentity(path: path) == before, let key = recordedKey(for: before),
              let url = fileURL(for: key), FileManager.default.fileExists(atPath: url.path) else { return (start, false) }
        return (start, true)
    }
}
