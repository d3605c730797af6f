import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way festival replaces a file (CLI output files, cache files, the shelf): readers
/// see the old file or the whole new one, never a part.
///
/// The bytes go to a new temporary file beside the target (`.<name>.tmp-<pid>-<random>`,
/// created exclusively), every byte is written, the file is fsynced and renamed over the
/// target, and the directory is fsynced. A target that exists keeps its mode; a new one gets
/// `mode` less the umask. A target that exists but is not a regular file (a directory, a
/// device, a pipe) is never replaced. A symbolic link is written through: the file it
/// points to is replaced, the link stays — unless the kernel's `protected_symlinks` rule
/// would refuse to follow it: a link in a sticky world-writable directory (`/tmp`) owned by
/// neither the user nor the directory's owner (another user may have planted it there to
/// have festival replace one of the user's files). A writable file in a directory festival may not
/// write is written in place (not atomically: there is nowhere to put a temporary file).
/// On any other failure the temporary file is removed and the target is as it was.
public enum AtomicFile {
    /// The steps that can fail, in order.
    public enum Step: Sendable, Hashable {
        case createTemporary, write, sync, rename
    }

    /// Test hook: asked before each step; an errno makes the step fail with it (for
    /// `.write`, after half the bytes of that write went out, like a full disk).
    public struct Faults: Sendable {
        public let errno: @Sendable (Step) -> Int32?

        public init(errno: @escaping @Sendable (Step) -> Int32?) { self.errno = errno }

        public static let none = Faults { _ in nil }
    }

    /// What failed: the step, what it was doing (`writing /dir/.x.tmp-1-2`) and the errno.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var step: Step
        public var what: String
        public var code: Int32
        /// Why, in festival's words, when the system's (`reason`) would not say it.
        public var note: String?

        public init(path: String, step: Step, what: String, code: Int32, note: String? = nil) {
            self.path = path
            self.step = step
            self.what = what
            self.code = code
            self.note = note
        }

        /// The system's words for `code`.
        public var reason: String { String(cString: strerror(code)) }

        /// `cannot write PATH: REASON`
        public var description: String { "cannot write \(path): \(note ?? reason)" }
    }

    /// Writes into the temporary file.
    public struct Writer {
        let fd: Int32
        let temporary: String
        let path: String
        let faults: Faults

        public func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
            if let code = faults.errno(.write) {
                _ = AtomicFile.writeAll(fd, UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count / 2)]))
                throw Failure(path: path, step: .write, what: "writing \(temporary)", code: code)
            }
            if let code = AtomicFile.writeAll(fd, bytes) {
                throw Failure(path: path, step: .write, what: "writing \(temporary)", code: code)
            }
        }

        /// Writes `bytes` at `offset` from the file's start (over what is there), leaving where
        /// the next `write` goes unchanged: for a header whose values are known only at the end.
        public func write(_ bytes: [UInt8], at offset: Int) throws(Failure) {
            if let code = faults.errno(.write) {
                throw Failure(path: path, step: .write, what: "writing \(temporary)", code: code)
            }
            let code: Int32? = bytes.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
                    if n < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    if n == 0 { return EIO }
                    done += n
                }
                return nil
            }
            if let code { throw Failure(path: path, step: .write, what: "writing \(temporary)", code: code) }
        }

        public func write(_ bytes: [UInt8]) throws(Failure) {
            try bytes.withUnsafeBytes { raw in Result { () throws(Failure) in try write(raw) } }.get()
        }

        public func write(_ text: String) throws(Failure) {
            var text = text
            try text.withUTF8 { utf8 in Result { () throws(Failure) in try write(UnsafeRawBufferPointer(utf8)) } }.get()
        }
    }

    /// Calls `body` with a writer into the temporary file, then puts the file in place. An
    /// error `body` throws is passed on (nothing is put in place). Without `durable`, nothing
    /// is fsynced: readers still see the old file or the whole new one, but after a power cut
    /// the new one may be torn or gone — for a file that checks itself and can be made again
    /// (a cache file: fsyncing a gigabyte took seconds).
    public static func write<E: Error>(to path: String, mode: mode_t = 0o666, durable: Bool = true, faults: Faults = .none,
                                       _ body: (Writer) throws(E) -> Void) throws -> Void {
        let path = try followLinks(path)
        var target = stat()
        let exists = stat(path, &target) == 0
        if exists && (target.st_mode & S_IFMT) != S_IFREG {
            let code = (target.st_mode & S_IFMT) == S_IFDIR ? EISDIR : EINVAL
            throw Failure(path: path, step: .createTemporary, what: "replacing \(path), which is not a regular file", code: code,
                          note: code == EISDIR ? nil : "it is not a regular file (a device, a pipe or a socket)")
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
            if let code = faults.errno(.createTemporary) {
                throw Failure(path: path, step: .createTemporary, what: "creating \(temporary)", code: code)
            }
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            let code = errno
            if code == EACCES && exists && access(path, W_OK) == 0 {
                return try writeInPlace(path, faults: faults, body)
            }
            throw Failure(path: path, step: .createTemporary, what: "creating \(temporary)", code: code)
        }
        var placed = false
        defer { if !placed { unlink(temporary) } }
        do {
            if exists {
                fchmod(fd, target.st_mode & 0o7777)
            } else {
                let mask = umask(0)
                umask(mask)
                fchmod(fd, mode & ~mask)
            }
            try body(Writer(fd: fd, temporary: temporary, path: path, faults: faults))
            if durable, let code = faults.errno(.sync) ?? (fsync(fd) == 0 ? nil : errno) {
                throw Failure(path: path, step: .sync, what: "syncing \(temporary)", code: code)
            }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw Failure(path: path, step: .sync, what: "closing \(temporary)", code: errno) }
        if let code = faults.errno(.rename) ?? (rename(temporary, path) == 0 ? nil : errno) {
            throw Failure(path: path, step: .rename, what: "renaming \(temporary) to \(path)", code: code)
        }
        placed = true
        if durable { syncDirectory(directory) }
        removeStaleTemporaries(of: url.lastPathComponent, in: directory)
    }

    /// Removes the temporary files an earlier write to the same name left behind when it was
    /// killed (`.<name>.tmp-<pid>-<random>`, the user's own regular files, whose process is
    /// gone); best effort.
    static func removeStaleTemporaries(of name: String, in directory: String) {
        let prefix = "." + name + ".tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let parts = entry.dropFirst(prefix.count).split(separator: "-")
            guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, pid != getpid(), UInt32(parts[1]) != nil,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = directory + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else { continue }
            unlink(path)
        }
    }

    /// `path` with the symbolic links at its end followed, one at a time, each by the kernel's
    /// `protected_symlinks` rule (a link is not followed out of a sticky world-writable
    /// directory unless the user or the directory's owner owns it).
    static func followLinks(_ path: String) throws(Failure) -> String {
        var path = path
        var link = stat()
        var hops = 0
        while lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
            hops += 1
            guard hops <= 40 else {
                throw Failure(path: path, step: .createTemporary, what: "following the symbolic link \(path)", code: ELOOP)
            }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var parent = stat()
            if stat(directory, &parent) == 0, !mayFollow(linkOwner: link.st_uid, directory: parent, user: geteuid()) {
                throw Failure(path: path, step: .createTemporary,
                              what: "following \(path), a symbolic link another user owns in a sticky world-writable directory",
                              code: EACCES, note: "not following the symbolic link \(path): another user owns it, in a "
                                  + "sticky world-writable directory (the kernel's protected_symlinks rule)")
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(path, &buffer, buffer.count - 1)
            guard n >= 0 else {
                throw Failure(path: path, step: .createTemporary, what: "following the symbolic link \(path)", code: errno)
            }
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let link = path
            path = target.hasPrefix("/") ? target : directory + "/" + target
            // A dangling link is not a way to make a file somewhere else.
            var resolved = stat()
            if lstat(path, &resolved) != 0 {
                throw Failure(path: link, step: .createTemporary, what: "following the symbolic link \(link)", code: ENOENT,
                              note: "it is a symbolic link to \(target), which does not exist")
            }
        }
        return path
    }

    /// The kernel's rule for following a symbolic link (`fs.protected_symlinks`): anywhere but
    /// in a sticky world-writable directory; there, only a link the user or the directory's
    /// owner owns.
    public static func mayFollow(linkOwner: uid_t, directory: stat, user: uid_t) -> Bool {
        let sticky = directory.st_mode & S_ISVTX != 0, worldWritable = directory.st_mode & S_IWOTH != 0
        return !(sticky && worldWritable) || linkOwner == user || linkOwner == directory.st_uid
    }

    /// The existing file truncated and written again, for a directory that takes no new file.
    private static func writeInPlace<E: Error>(_ path: String, faults: Faults, _ body: (Writer) throws(E) -> Void) throws {
        let fd = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, step: .createTemporary, what: "opening \(path)", code: errno) }
        defer { close(fd) }
        try body(Writer(fd: fd, temporary: path, path: path, faults: faults))
        if let code = faults.errno(.sync) ?? (fsync(fd) == 0 ? nil : errno) {
            throw Failure(path: path, step: .sync, what: "syncing \(path)", code: code)
        }
    }

    /// Writes `parts`, one after the other (no copy of the whole), as the file at `path`.
    public static func write(_ parts: [[UInt8]], to path: String, mode: mode_t = 0o666,
                             faults: Faults = .none) throws(Failure) {
        do {
            try write(to: path, mode: mode, faults: faults) { (writer) throws(Failure) in
                for part in parts { try writer.write(part) }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            fatalError("unreachable: only Failure is thrown")
        }
    }

    /// Writes `text` as the file at `path`.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o666) throws(Failure) {
        try write([Array(text.utf8)], to: path, mode: mode)
    }

    /// Writes every byte to `fd`, retrying short writes and interruptions; the errno on
    /// failure (EIO when the system wrote nothing), nil when all went out.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var base = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let n = Foundation.write(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            base += n
            left -= n
        }
        return nil
    }

    /// Flushes a directory's entries (a rename in it) to disk; best effort, as some file
    /// systems cannot sync a directory.
    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
