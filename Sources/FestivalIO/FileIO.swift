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
    /// when it cannot read it).
    private static func withRegularFile<Content>(_ path: String, _ body: (Int32, Int) -> Content?) -> Opened<Content> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno == ENOENT ? .missing : .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .unreadable }
        return body(fd, Int(info.st_size)).map { .content($0) } ?? .unreadable
    }

    /// The whole file, read into an array of its size.
    package static func read(_ path: String) -> Opened<[UInt8]> {
        withRegularFile(path) { fd, size in
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
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
