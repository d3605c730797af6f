import CZstd

/// Zstandard, for the parts of a cache file that are read whole or not at all (quote
/// chunks): at level 1 catalog text shrinks about fivefold, at several hundred MB/s each
/// way. Decompression is safe with any bytes: a frame that does not give exactly the
/// length asked for is refused.
package enum Zstd {
    /// `bytes` compressed at `level`, or nil when that fails.
    package static func compress(_ bytes: UnsafeRawBufferPointer, level: Int32 = 1) -> [UInt8]? {
        let bound = ZSTD_compressBound(bytes.count)
        guard ZSTD_isError(bound) == 0 else { return nil }
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            let n = ZSTD_compress(buffer.baseAddress, bound, bytes.baseAddress, bytes.count, level)
            failed = ZSTD_isError(n) != 0
            count = failed ? 0 : n
        }
        return failed ? nil : out
    }

    /// What `bytes` decompress to, when that is exactly `count` bytes; else nil. Never
    /// allocates more than `count` bytes, so the caller bounds `count` first.
    package static func decompress(_ bytes: UnsafeRawBufferPointer, count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count > 0 else { return nil }
        var ok = false
        let out = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let n = ZSTD_decompress(buffer.baseAddress, count, bytes.baseAddress, bytes.count)
            ok = ZSTD_isError(n) == 0 && n == count
            initialized = ok ? count : 0
        }
        return ok ? out : nil
    }
}
