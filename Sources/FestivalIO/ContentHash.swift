/// XXH64 (seed 0): a fast, well-distributed 64-bit hash, not a cryptographic one. It
/// reads 8 bytes at a time in four independent lanes (a multiply-rotate round each), so
/// it runs at memory speed; the length is mixed in before the final avalanche. Used to
/// key the cache by a catalog file's content and to checksum the cache file itself.
package enum ContentHash {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }

    @inline(__always) private static func merge(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
        (acc ^ round(0, lane)) &* p1 &+ p4
    }

    package static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    package static func hash(_ data: UnsafeRawBufferPointer) -> UInt64 {
        var streaming = Streaming()
        streaming.update(data)
        return streaming.finish()
    }

    /// The length, then the last bytes (fewer than 32), then the avalanche.
    private static func tail(_ start: UInt64, total: Int, _ rest: UnsafeRawBufferPointer) -> UInt64 {
        var h = start &+ UInt64(total)
        guard let base = rest.baseAddress else { return avalanche(h) }
        let count = rest.count
        var at = 0
        while at + 8 <= count {
            h ^= round(0, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
            h = rotl(h, 27) &* p1 &+ p4
            at += 8
        }
        if at + 4 <= count {
            h ^= UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))) &* p1
            h = rotl(h, 23) &* p2 &+ p3
            at += 4
        }
        while at < count {
            h ^= UInt64(base.load(fromByteOffset: at, as: UInt8.self)) &* p5
            h = rotl(h, 11) &* p1
            at += 1
        }
        return avalanche(h)
    }

    @inline(__always) private static func avalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h &*= p2
        h ^= h >> 29
        h &*= p3
        h ^= h >> 32
        return h
    }
}

extension ContentHash {
    /// The same hash fed piece by piece (a file read in chunks, no copy of it all in memory).
    package struct Streaming {
        private var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
        private var total = 0
        /// Bytes of an unfinished 32-byte stripe.
        private var pending: [UInt8] = []

        package init() { pending.reserveCapacity(32) }

        package mutating func update(_ data: UnsafeRawBufferPointer) {
            guard var base = data.baseAddress, data.count > 0 else { return }
            var count = data.count
            total += count
            if !pending.isEmpty {
                let take = min(32 - pending.count, count)
                pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
                base += take
                count -= take
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { stripe($0.baseAddress!) }
                pending.removeAll(keepingCapacity: true)
            }
            while count >= 32 {
                stripe(base)
                base += 32
                count -= 32
            }
            if count > 0 { pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: count)) }
        }

        @inline(__always) private mutating func stripe(_ p: UnsafeRawPointer) {
            v1 = round(v1, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt64.self)))
            v2 = round(v2, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            v3 = round(v3, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
            v4 = round(v4, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
        }

        package func finish() -> UInt64 {
            var h: UInt64
            if total >= 32 {
                h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
                h = merge(h, v1)
                h = merge(h, v2)
                h = merge(h, v3)
                h = merge(h, v4)
            } else {
                h = p5
            }
            return pending.withUnsafeBytes { tail(h, total: total, $0) }
        }
    }
}

extension ContentHash {
    /// Ranges of a byte stream left out of its hash (a cache file's quote chunks, which carry
    /// hashes of their own), each added before any of its bytes are written.
    package final class Gaps {
        package private(set) var ranges: [Range<Int>] = []
        package init() {}
        /// Adds the next range, after every range added before.
        package func add(_ range: Range<Int>) {
            precondition(ranges.last.map { $0.upperBound <= range.lowerBound } ?? true, "gaps in order")
            ranges.append(range)
        }
    }

    /// The hash of a stream that starts at offset `origin`, fed piece by piece, but for the
    /// bytes in `gaps`: the same as `hash(of:in:skipping:)` of the whole.
    package struct Skipping {
        private var hash = Streaming()
        private var offset: Int
        private let gaps: Gaps
        private var next = 0

        package init(origin: Int, skipping gaps: Gaps) {
            offset = origin
            self.gaps = gaps
        }

        package mutating func update(_ piece: UnsafeRawBufferPointer) {
            var at = 0
            while at < piece.count {
                let position = offset + at
                while next < gaps.ranges.count, gaps.ranges[next].upperBound <= position { next += 1 }
                if next < gaps.ranges.count, gaps.ranges[next].contains(position) {
                    at += gaps.ranges[next].upperBound - position
                    continue
                }
                let stop = next < gaps.ranges.count ? min(piece.count, gaps.ranges[next].lowerBound - offset) : piece.count
                hash.update(UnsafeRawBufferPointer(rebasing: piece[at..<stop]))
                at = stop
            }
            offset += piece.count
        }

        package func finish() -> UInt64 { hash.finish() }
    }

    /// The hash of `range` of `bytes` but for `gaps` (ascending, not overlapping, within it).
    package static func hash(of bytes: UnsafeRawBufferPointer, in range: Range<Int>, skipping gaps: [Range<Int>]) -> UInt64 {
        var hash = Streaming()
        var at = range.lowerBound
        for gap in gaps + [range.upperBound..<range.upperBound] {
            hash.update(UnsafeRawBufferPointer(rebasing: bytes[at..<max(at, gap.lowerBound)]))
            at = max(at, gap.upperBound)
        }
        return hash.finish()
    }
}
