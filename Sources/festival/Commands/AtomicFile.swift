import Foundation

/// Writes a file so that readers see the old file or the whole new one, never a part:
/// into a temporary file beside it, flushed, then renamed over it.
enum AtomicFile {
    /// Calls `body` with the descriptor of the temporary file, then renames it to `path`.
    /// Failures exit 2 with the file's name and the system's reason.
    static func write(to path: String, _ body: (_ fd: Int32) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw failure(path, EISDIR)
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        do {
            // mkstemp makes the file 0600; give it the usual mode for new files.
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
            try body(fd)
            guard fsync(fd) == 0 else { throw failure(path, errno) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure(path, errno) }
        guard rename(temporary, path) == 0 else { throw failure(path, errno) }
        done = true
    }

    /// Writes `text` atomically to `path`.
    static func write(_ text: String, to path: String) throws {
        try write(to: path) { fd in try writeAll(fd, Array(text.utf8), name: path) }
    }

    /// Writes every byte to `fd`, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], name: String) throws {
        try bytes.withUnsafeBufferPointer { try writeAll(fd, $0, name: name) }
    }

    static func writeAll(_ fd: Int32, _ chunk: UnsafeBufferPointer<UInt8>, name: String) throws {
        guard var base = chunk.baseAddress else { return }
        var left = chunk.count
        while left > 0 {
            let n = Foundation.write(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(name, errno)
            }
            base += n
            left -= n
        }
    }

    /// Exit 2, as for a catalog file that cannot be read.
    static func failure(_ name: String, _ code: Int32) -> CLIFailure {
        CLIFailure(message: "cannot write \(name): \(String(cString: strerror(code)))", exitCode: 2)
    }
}
