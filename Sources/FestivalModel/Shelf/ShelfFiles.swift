import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Test hook: asked before each step of reading or saving the shelf; an errno makes the
/// step fail with it (for `.write`, after half the bytes were written, like a full disk).
struct ShelfFaults: Sendable {
    enum Step: Sendable, Hashable {
        case createDirectory, lock, read, createTemporary, write, sync, rename, moveAside
    }

    let errno: @Sendable (Step) -> Int32?

    static let none = ShelfFaults { _ in nil }
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
        case bytes([UInt8])
    }

    static func readFile(_ path: String, faults: ShelfFaults) -> ReadResult {
        func failed(_ code: Int32) -> ReadResult {
            .failed(String(cString: strerror(code)), transient: [EMFILE, ENFILE, ENOMEM, ENOBUFS, EAGAIN, EINTR].contains(code))
        }
        if let code = faults.errno(.read) { return failed(code) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            return code == ENOENT ? .missing : failed(code)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failed(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failed("not a regular file", transient: false) }
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
        return .bytes(bytes)
    }

    /// Writes all bytes, retrying short writes; false with `errno` set on failure.
    static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return false }
                if n == 0 { errno = EIO; return false }
                done += n
            }
            return true
        }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 || errno != ENOENT
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Flushes a directory's entries (a rename in it) to disk; best effort, as some file
    /// systems cannot sync a directory.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
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
        ShelfFiles.syncDirectory(directory.path)
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

    /// Writes `bytes` to a new temporary file beside the shelf file (O_EXCL, mode 0600),
    /// fsyncs it, renames it over the shelf file and fsyncs the directory. On failure the
    /// temporary file is removed and the shelf file is as it was. Called under the lock.
    func write(_ bytes: [UInt8]) throws(ShelfError) {
        func failure(_ step: String, _ code: Int32) -> ShelfError {
            ShelfError(.io, path: path, "festival: could not save the shelf to \(path): \(step) failed (\(String(cString: strerror(code)))); the previous file was left as it was")
        }
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            temporary = directory.appendingPathComponent(temporaryPrefix + "\(getpid())-\(UInt32.random(in: .min ... .max))").path
            if let code = faults.errno(.createTemporary) { throw failure("creating \(temporary)", code) }
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw failure("creating \(temporary)", errno) }

        var failed: (String, Int32)?
        if let code = faults.errno(.write) {
            _ = ShelfFiles.writeAll(fd, bytes[..<(bytes.count / 2)])
            failed = ("writing \(temporary)", code)
        } else if !ShelfFiles.writeAll(fd, bytes[...]) {
            failed = ("writing \(temporary)", errno)
        }
        if failed == nil {
            if let code = faults.errno(.sync) { failed = ("syncing \(temporary)", code) }
            else if fsync(fd) != 0 { failed = ("syncing \(temporary)", errno) }
        }
        if close(fd) != 0 && failed == nil { failed = ("closing \(temporary)", errno) }
        if failed == nil {
            if let code = faults.errno(.rename) { failed = ("renaming \(temporary) to \(path)", code) }
            else if rename(temporary, path) != 0 { failed = ("renaming \(temporary) to \(path)", errno) }
        }
        if let (step, code) = failed {
            unlink(temporary)
            throw failure(step, code)
        }
        ShelfFiles.syncDirectory(directory.path)
    }
}
