import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and mappings with plain system calls (Foundation's `Data` paths
/// copy twice and fault in every page of a large file one by one).
package enum FileIO {
    /// A file's content, or why there is none.
    package enum Opened<Content> {
        case missing, unreadable
        case content(Content)
    }

    /// Opens a regular file and hands its descriptor and size to `body` (which returns nil
    /// when it cannot read it). Opened without blocking, so a FIFO is refused, not waited on.
    private static func withRegularFile<Content>(_ path: String, _ body: (Int32, Int) -> Content?) -> Opened<Content> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return errno == ENOENT ? .missing : .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .unreadable }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return body(fd, Int(info.st_size)).map { .content($0) } ?? .unreadable
    }

    /// The whole regular file, read into an array of its size.
    package static func read(_ path: String) -> Opened<[UInt8]> {
        withRegularFile(path) { fd, size in readWhole(fd, size: size) }
    }

    /// The first `maxBytes` bytes of a regular file (all of it when shorter), and its size.
    package static func readPrefix(_ path: String, maxBytes: Int) -> Opened<(bytes: [UInt8], fileSize: Int)> {
        withRegularFile(path) { fd, size in
            let count = min(size, maxBytes)
            var done = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                while done < count, let base = buffer.baseAddress {
                    let n = pread(fd, base + done, count - done, off_t(done))
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    done += n
                }
                initialized = done
            }
            return (bytes, done < count ? done : size)
        }
    }

    /// An input file's bytes, or what is wrong with it (a short phrase: "no such file").
    package enum Input {
        case bytes([UInt8])
        case failed(String)
    }

    /// Reads an input given by name, opening it once and never blocking in the open: a
    /// regular file whole; a pipe or FIFO (`<(zcat big.json.gz)`, `-` for standard input)
    /// as a stream, waiting for its writer, up to `maxStreamBytes`, and refused at once
    /// when its first byte that is not white space is none of `first` (`/dev/urandom` piped
    /// in is not read to its end); a directory, a device or a terminal is refused.
    package static func readInput(_ path: String, first: Set<UInt8>, maxStreamBytes: Int) -> Input {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .failed("no such file")
            case EACCES: return .failed("cannot be read (permission denied)")
            default: return .failed("cannot be read (\(String(cString: strerror(errno))))")
            }
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failed("cannot be read (\(String(cString: strerror(errno))))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG where info.st_size == 0:
            // An empty file, or a pseudo-file (/proc) whose size says nothing: read to its end.
            return readStream(fd, first: first, max: maxStreamBytes)
        case S_IFREG:
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return readWhole(fd, size: Int(info.st_size)).map { .bytes($0) } ?? .failed("cannot be read (it changed while being read)")
        case S_IFIFO, S_IFSOCK:
            return readStream(fd, first: first, max: maxStreamBytes)
        case S_IFDIR:
            return .failed("is a directory, not a catalog file")
        case S_IFCHR where isatty(fd) == 1:
            return .failed("is a terminal, not a catalog file")
        default:
            return .failed("is a device, not a catalog file")
        }
    }

    /// A pipe's bytes until its writer closes it. Waits with poll (never reads before
    /// there is something, so a FIFO nobody has opened yet is not taken for empty).
    private static func readStream(_ fd: Int32, first: Set<UInt8>, max: Int) -> Input {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var checked = false
        while true {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, -1) < 0 {
                if errno == EINTR { continue }
                return .failed("cannot be read (\(String(cString: strerror(errno))))")
            }
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failed("cannot be read (\(String(cString: strerror(errno))))")
            }
            if n == 0 { return .bytes(bytes) }
            bytes.append(contentsOf: chunk[0..<n])
            if !checked, let head = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                checked = true
                guard first.contains(head) else {
                    let expected = first.sorted().map { (0x21..<0x7F).contains($0) ? "'\(Character(Unicode.Scalar($0)))'" : String(format: "0x%02X", $0) }
                    return .failed("is not a catalog or a feed festival reads: it starts with byte 0x\(String(head, radix: 16, uppercase: true)), not \(expected.joined(separator: ", "))")
                }
            }
            if bytes.count > max { return .failed("is larger than \(max >> 20) MB") }
        }
    }

    /// A regular file of `size` bytes, read into an array of its size; nil when it read short.
    private static func readWhole(_ fd: Int32, size: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            adviseHugePages(base, size)
            var done = 0
            while done < size {
                let n = Foundation.read(fd, base + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            failed = done != size
            initialized = done
        }
        return failed ? nil : bytes
    }

    /// A regular file mapped read-only into memory. Only for files this program writes
    /// atomically (the cache): one truncated while mapped would fault when read.
    package static func map(_ path: String) -> Opened<ByteSource> {
        withRegularFile(path) { fd, size in
            guard size > 0 else { return ByteSource([]) }
            let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
            guard let address, address != MAP_FAILED else { return nil }
            return ByteSource(mapped: UnsafeRawBufferPointer(start: address, count: size))
        }
    }

    /// The content hash and length of a regular file of at most `maxBytes`, read in pieces
    /// (no copy of the file in memory); nil when it cannot be read or is larger.
    public static func hash(ofFile path: String, maxBytes: Int) -> (hash: UInt64, byteCount: Int)? {
        // Only a regular file has a key: a pipe is never opened here (it is read once, later).
        var pre = stat()
        guard stat(path, &pre) == 0, (pre.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= maxBytes else { return nil }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        var hash = ContentHash.Streaming()
        var total = 0
        while true {
            let n = Foundation.read(fd, buffer, chunk)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            hash.update(UnsafeRawBufferPointer(start: buffer, count: n))
            total += n
        }
        return (hash.finish(), total)
    }

    /// Asks for 2 MB pages for a large fresh buffer: a few faults instead of thousands.
    package static func adviseHugePages(_ base: UnsafeMutableRawPointer, _ size: Int) {
        #if os(Linux)
        let huge = 2 << 20
        guard size >= 2 * huge else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + size) & ~(huge - 1)
        if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
        #endif
    }
}
