import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FestivalIO
import FestivalLibrary

/// Test hook: asked before each step of reading or saving the shelf; an errno makes the
/// step fail with it (for `.write`, after half the bytes were written, like a full disk).
struct ShelfFaults: Sendable {
    enum Step: Sendable, Hashable {
        case createDirectory, lock, read, createTemporary, write, sync, rename, moveAside
    }

    let errno: @Sendable (Step) -> Int32?

    static let none = ShelfFaults { _ in nil }
}

/// Which version of a file this is: a file replaced by a rename has another inode, one
/// written in place another size or change time.
struct FileStamp: Equatable, Sendable {
    var device: UInt64, inode: UInt64, size: Int64, changed: Int, changedNanos: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        changed = Int(info.st_ctimespec.tv_sec); changedNanos = Int(info.st_ctimespec.tv_nsec)
        #else
        changed = Int(info.st_ctim.tv_sec); changedNanos = Int(info.st_ctim.tv_nsec)
        #endif
    }

    /// The file at `path` now, if it is there.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        return stat(path, &info) == 0 ? FileStamp(info) : nil
    }
}

/// A failed system call, described for a message.
struct ShelfSystemError: Error {
    var reason: String
    var timedOut = false

    init(_ what: String, _ code: Int32) {
        reason = "\(what): \(String(cString: strerror(code)))"
    }

    init(reason: String, timedOut: Bool) {
        self.reason = reason
        self.timedOut = timedOut
    }
}

/// An exclusive `flock` on the lock file, held until `release()`. The file is opened anew
/// for every lock, so the lock belongs to this open file description: it excludes other
/// threads and other stores in this process as well as other processes.
struct ShelfLock {
    private let fd: Int32

    init(path: String, timeout: Duration, faults: ShelfFaults) throws(ShelfSystemError) {
        if let code = faults.errno(.lock) {
            throw code == EWOULDBLOCK ? ShelfSystemError(reason: "another festival kept \(path) locked", timedOut: true)
                : ShelfSystemError("could not lock \(path)", code)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ShelfSystemError("could not open \(path)", errno) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK || code == EAGAIN else {
                close(fd)
                throw ShelfSystemError("could not lock \(path)", code)
            }
            guard clock.now < deadline else {
                close(fd)
                throw ShelfSystemError(reason: "another festival kept \(path) locked for more than \(timeout)", timedOut: true)
            }
            usleep(5_000)
        }
        self.fd = fd
    }

    /// Unlocks (closing the descriptor drops the lock).
    func release() {
        close(fd)
    }
}

/// The system calls behind `ShelfStore`.
enum ShelfFiles {
    enum ReadResult {
        case missing
        /// The file cannot be read; `transient` when the cause is this process's state
        /// (out of descriptors or memory), not the file's, so it must not be moved aside.
        case failed(String, transient: Bool)
        case bytes([UInt8], FileStamp)
    }

    static func readFile(_ path: String, faults: ShelfFaults) -> ReadResult {
        func failed(_ code: Int32) -> ReadResult {
            .failed(String(cString: strerror(code)), transient: [EMFILE, ENFILE, ENOMEM, ENOBUFS, EAGAIN, EINTR].contains(code))
        }
        if let code = faults.errno(.read) { return failed(code) }
        // Never blocks in the open (a FIFO put where the shelf file goes); anything but a
        // regular file is not read (it is moved aside, as a corrupt file is, never written over).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            return code == ENOENT ? .missing : failed(code)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failed(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failed("not a regular file", transient: false) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return failed(errno) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .bytes(bytes, FileStamp(info))
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 || errno != ENOENT
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension ShelfStore {
    /// Creates the directory and any missing parents, each with mode 0700.
    func createDirectory() throws(ShelfError) {
        let target = directory.standardizedFileURL.path
        if ShelfFiles.isDirectory(target) { return }
        var prefix = ""
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if ShelfFiles.isDirectory(prefix) { continue }
            let code: Int32
            if let injected = faults.errno(.createDirectory) {
                code = injected
            } else if mkdir(prefix, 0o700) == 0 {
                continue
            } else {
                code = errno
                if code == EEXIST && ShelfFiles.isDirectory(prefix) { continue }
            }
            throw ShelfError(.io, path: prefix, "festival: could not save the shelf: could not create the directory \(prefix) (\(String(cString: strerror(code)))); nothing was changed")
        }
    }

    /// Renames the file to `<file>.corrupt-<UTC time>` (with `-2`, `-3`… if that exists):
    /// the new path, or why it could not be moved. Called under the lock.
    func moveAside() -> Result<String, ShelfSystemError> {
        let base = path + ".corrupt-" + ShelfTime.compact(Date())
        var target = base
        var n = 1
        while ShelfFiles.exists(target) {
            n += 1
            guard n < 1000 else { return .failure(ShelfSystemError(reason: "too many files named \(base)-N", timedOut: false)) }
            target = "\(base)-\(n)"
        }
        if let code = faults.errno(.moveAside) { return .failure(ShelfSystemError("renaming it to \(target)", code)) }
        guard rename(path, target) == 0 else { return .failure(ShelfSystemError("renaming it to \(target)", errno)) }
        AtomicFile.syncDirectory(directory.path)
        return .success(target)
    }

    private var temporaryPrefix: String { "." + fileURL.lastPathComponent + ".tmp-" }

    /// Removes temporary files a festival killed mid-write left behind. Called under the
    /// lock, when no other festival can be writing one.
    func removeStaleTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(temporaryPrefix) {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// Writes `bytes` as the shelf file with `AtomicFile` (a new file is mode 0600: notes
    /// are personal). On failure the shelf file is as it was. Called under the lock.
    func write(_ bytes: [UInt8]) throws(ShelfError) {
        let faults = AtomicFile.Faults { [faults] step in
            switch step {
            case .createTemporary: faults.errno(.createTemporary)
            case .write: faults.errno(.write)
            case .sync: faults.errno(.sync)
            case .rename: faults.errno(.rename)
            }
        }
        do {
            try AtomicFile.write([bytes], to: path, mode: 0o600, faults: faults)
        } catch {
            throw ShelfError(.io, path: path, "festival: could not save the shelf to \(path): \(error.what) failed (\(error.reason)); the previous file was left as it was")
        }
    }
}
