import FestivalLibrary
import Foundation
import Synchronization

/// Where one catalog's shelf lives on disk and how it is read and saved
/// (format: docs/SHELF-FORMAT.md).
///
/// - Every change goes through `update`: under an exclusive lock it re-reads the file, so
///   changes another running festival saved meanwhile are kept, applies the change and
///   writes the result atomically (temporary file, fsync, rename, fsync of the directory).
///   A failed write leaves the previous file exactly as it was.
/// - A file that cannot be read or is not a valid shelf for this catalog is renamed aside
///   to `<file>.corrupt-<UTC time>` with a message; it is never overwritten nor deleted.
///   When it cannot even be moved, nothing is written over it.
public struct ShelfStore: Sendable {
    public let directory: URL
    public let catalogID: String
    /// `<directory>/shelf-<catalog id, sanitized>.json`
    public let fileURL: URL
    /// How long `update` waits for another festival to release the lock.
    let lockTimeout: Duration
    let faults: ShelfFaults
    /// The shelf as this store last read or wrote it, with the file's stamp then: while the
    /// file is unchanged, a change need not read and decode it again (a large shelf).
    private let memo = Memo()

    final class Memo: Sendable {
        let value = Mutex<(stamp: FileStamp, shelf: Shelf)?>(nil)
    }

    public init(directory: URL, catalogID: String) {
        self.init(directory: directory, catalogID: catalogID, lockTimeout: .seconds(2), faults: .none)
    }

    init(directory: URL, catalogID: String, lockTimeout: Duration, faults: ShelfFaults) {
        self.directory = directory
        self.catalogID = catalogID
        self.fileURL = directory.appendingPathComponent(Self.fileName(catalogID: catalogID))
        self.lockTimeout = lockTimeout
        self.faults = faults
    }

    /// The file's path.
    public var path: String { fileURL.path }
    /// The lock file beside it: `flock`ed while a change is read, applied and written. It is
    /// never removed (removing it would let two writers lock different files).
    var lockPath: String { path + ".lock" }

    /// `$XDG_DATA_HOME/festival` when that is an absolute path, else
    /// `$HOME/.local/share/festival` (the home directory from the user database when
    /// `HOME` is unset).
    public static func standardDirectory(environment: [String: String]) -> URL {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("festival", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/festival", isDirectory: true)
    }

    /// `shelf-<id>.json`, the id reduced to `[A-Za-z0-9._-]`. When that changed the id (or
    /// it is empty or very long), a hash of the exact id is added, so two catalogs never
    /// share a file: `shelf-my_festival-1a2b3c4d.json` for `my festival`.
    static func fileName(catalogID: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".unicodeScalars)
        var safe = String(String.UnicodeScalarView(catalogID.unicodeScalars.map { allowed.contains($0) ? $0 : "_" }))
        if safe != catalogID || safe.isEmpty || safe.count > 100 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a, 64 bits: the same on every run and machine
            for byte in catalogID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let hex = String(hash & 0xffff_ffff, radix: 16)
            safe = String(safe.prefix(100)) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
        }
        return "shelf-\(safe).json"
    }

    // MARK: - Loading

    /// The shelf on disk: empty and without a message when there is no file yet. A file that
    /// cannot be used is moved aside (under the lock) and the message says where; if it
    /// cannot be moved, the shelf is empty, the message says so, and `update` will refuse
    /// to write over the file.
    public func load() -> ShelfLoad {
        let firstProblem: String
        switch read() {
        case .missing: return ShelfLoad(shelf: Shelf())
        case .shelf(let shelf): return ShelfLoad(shelf: shelf)
        case .unusable(let problem): firstProblem = problem
        case .unavailable(let reason): return unavailableLoad(reason)
        }
        // Look again under the lock: another festival may have just replaced the file, and
        // nobody may write it while it is moved.
        let lock: ShelfLock
        do {
            lock = try ShelfLock(path: lockPath, timeout: lockTimeout, faults: faults)
        } catch {
            return ShelfLoad(shelf: Shelf(), message: "festival: the shelf file \(path) \(firstProblem) and could not be moved aside (\(error.reason)); starting with an empty shelf; changes will not be saved until the file is moved or fixed")
        }
        defer { lock.release() }
        switch read() {
        case .missing: return ShelfLoad(shelf: Shelf())
        case .shelf(let shelf): return ShelfLoad(shelf: shelf)
        case .unavailable(let reason): return unavailableLoad(reason)
        case .unusable(let problem):
            switch moveAside() {
            case .success(let moved):
                return ShelfLoad(shelf: Shelf(), message: "festival: the shelf file \(path) \(problem); moved it to \(moved); starting with an empty shelf", movedTo: moved)
            case .failure(let error):
                return ShelfLoad(shelf: Shelf(), message: "festival: the shelf file \(path) \(problem) and could not be moved aside (\(error.reason)); starting with an empty shelf; changes will not be saved until the file is moved or fixed")
            }
        }
    }

    private func unavailableLoad(_ reason: String) -> ShelfLoad {
        ShelfLoad(shelf: Shelf(), message: "festival: could not read the shelf file \(path) (\(reason)); left it as it is; showing an empty shelf for now")
    }

    // MARK: - Changing

    /// Applies `change` to the shelf as it is on disk now and saves the result atomically;
    /// returns it. Waits up to the lock timeout for another festival's update.
    ///
    /// Throws `ShelfError` when the directory, lock or file cannot be used; the file on disk
    /// is then as it was (a corrupt one is moved aside, never overwritten; the change is
    /// not saved). An error thrown by `change` is passed on and nothing is written.
    @discardableResult
    public func update(_ change: (inout Shelf) throws -> Void) throws -> Shelf {
        try createDirectory()
        let lock: ShelfLock
        do {
            lock = try ShelfLock(path: lockPath, timeout: lockTimeout, faults: faults)
        } catch {
            throw ShelfError(error.timedOut ? .locked : .io, path: lockPath,
                             "festival: could not save the shelf: \(error.reason); nothing was changed")
        }
        defer { lock.release() }

        let current: Shelf
        switch read() {
        case .missing: current = Shelf()
        case .shelf(let shelf): current = shelf
        case .unavailable(let reason):
            throw ShelfError(.io, path: path, "festival: could not save the shelf: could not read \(path) (\(reason)); nothing was changed")
        case .unusable(let problem):
            switch moveAside() {
            case .success(let moved):
                throw ShelfError(.corrupt, path: path, "festival: the shelf file \(path) \(problem); moved it to \(moved); this change was not saved (the next one starts a new shelf)", movedTo: moved)
            case .failure(let error):
                throw ShelfError(.corrupt, path: path, "festival: the shelf file \(path) \(problem) and could not be moved aside (\(error.reason)); not saving over it: move or fix it by hand")
            }
        }
        var shelf = current
        try change(&shelf)
        if shelf == current { return shelf }
        removeStaleTemporaries()
        try write(ShelfCoding.encode(shelf, catalogID: catalogID))
        if let stamp = FileStamp.of(path) { memo.value.withLock { $0 = (stamp, shelf) } }
        return shelf
    }

    // MARK: - Reading the file

    enum ReadResult {
        case missing
        case shelf(Shelf)
        /// Why the file cannot be used, phrased to follow "the shelf file <path> ".
        case unusable(String)
        /// Why the file cannot be read just now (out of descriptors, memory): not the file's
        /// fault, so it is left where it is.
        case unavailable(String)
    }

    func read() -> ReadResult {
        if let known = memo.value.withLock({ $0 }), FileStamp.of(path) == known.stamp { return .shelf(known.shelf) }
        switch ShelfFiles.readFile(path, faults: faults) {
        case .missing: return .missing
        case .failed(let reason, transient: true): return .unavailable(reason)
        case .failed(let reason, transient: false): return .unusable("could not be read (\(reason))")
        case .bytes(let bytes, let stamp):
            do {
                let shelf = try ShelfCoding.decode(bytes, catalogID: catalogID)
                memo.value.withLock { $0 = (stamp, shelf) }
                return .shelf(shelf)
            } catch {
                return .unusable("was corrupt (\(error.reason))")
            }
        }
    }
}
