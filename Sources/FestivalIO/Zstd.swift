#if canImport(Glibc)
import Glibc
#endif

/// Zstandard, for the parts of a cache file that are read whole or not at all (quote
/// chunks): at level 1 catalog text shrinks about fivefold, at several hundred MB/s each
/// way. Decompression is safe with any bytes: a frame that does not give exactly the
/// length asked for is refused.
///
/// The library is opened at run time (`libzstd.so.1`, the runtime package every Debian
/// system has), not linked: building needs no development package. Where it is missing,
/// `compress` gives nil (chunks are stored plain) and `decompress` nil (a compressed cache
/// is refused, then made again).
package enum Zstd {
    /// Whether the library could be opened.
    package static var isAvailable: Bool { library != nil }

    /// `bytes` compressed at `level`, or nil when that fails or the library is missing.
    package static func compress(_ bytes: UnsafeRawBufferPointer, level: Int32 = 1) -> [UInt8]? {
        guard let z = library else { return nil }
        let bound = z.compressBound(bytes.count)
        guard z.isError(bound) == 0 else { return nil }
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            let n = z.compress(buffer.baseAddress, bound, bytes.baseAddress, bytes.count, level)
            failed = z.isError(n) != 0
            count = failed ? 0 : n
        }
        return failed ? nil : out
    }

    /// What `bytes` decompress to, when that is exactly `count` bytes; else nil. Never
    /// allocates more than `count` bytes, so the caller bounds `count` first.
    package static func decompress(_ bytes: UnsafeRawBufferPointer, count: Int) -> [UInt8]? {
        guard let z = library, count >= 0, bytes.count > 0 else { return nil }
        var ok = false
        let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let n = z.decompress(buffer.baseAddress, count, bytes.baseAddress, bytes.count)
            ok = z.isError(n) == 0 && n == count
            initialized = ok ? count : 0
        }
        return ok ? out : nil
    }

    /// The four functions used, as zstd.h declares them (`size_t` is `Int`'s width here).
    private struct Library: @unchecked Sendable {
        let compressBound: @convention(c) (Int) -> Int
        let compress: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int, Int32) -> Int
        let decompress: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int) -> Int
        let isError: @convention(c) (Int) -> UInt32

        /// The library, or nil when it or one of the functions is missing. `FESTIVAL_NO_ZSTD`
        /// set makes it missing (for the tests of a machine without it).
        static func open() -> Library? {
            guard getenv("FESTIVAL_NO_ZSTD") == nil,
                  let handle = dlopen("libzstd.so.1", RTLD_NOW | RTLD_LOCAL) else { return nil }
            func symbol<F>(_ name: String, as: F.Type) -> F? {
                dlsym(handle, name).map { unsafeBitCast($0, to: F.self) }
            }
            guard let bound = symbol("ZSTD_compressBound", as: (@convention(c) (Int) -> Int).self),
                  let compress = symbol("ZSTD_compress",
                                        as: (@convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int, Int32) -> Int).self),
                  let decompress = symbol("ZSTD_decompress",
                                          as: (@convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int) -> Int).self),
                  let isError = symbol("ZSTD_isError", as: (@convention(c) (Int) -> UInt32).self)
            else { dlclose(handle); return nil }
            return Library(compressBound: bound, compress: compress, decompress: decompress, isError: isError)
        }
    }

    private static let library = Library.open()
}
