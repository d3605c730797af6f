import FestivalIO

/// Strictly ascending lists of offsets, bit-packed: about 11 bits an offset where plain
/// Int32s take 32, so the character index of a million quotes takes about a third of the
/// memory and of the cache file.
///
/// Each list is cut into blocks of `blockSize` offsets. A block is its first offset
/// (UInt32, little-endian), a width w (UInt8, 0...32), then each later offset as its gap
/// from the one before minus 1, in w bits, least significant bit first, the block padded
/// to a whole byte. List k's blocks are `bytes[byteStarts[k]..<byteStarts[k + 1]]`; its
/// length is known from elsewhere (`CharacterIndex.starts`). `bytes` ends with 8 bytes
/// of padding, so every value is read with one 8-byte load.
struct PackedLists: Sendable {
    static let blockSize = 128
    static let padding = 8

    let bytes: Column<UInt8>
    let byteStarts: Column<Int>
    /// Every offset is below this (the corpus's size).
    let limit: Int

    /// The lists `packers` were given, in order; each packer is let go once copied.
    init(_ packers: consuming [Packer]) {
        limit = Int(Int32.max)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(packers.reduce(Self.padding) { $0 + $1.byteCount })
        var byteStarts = [0]
        byteStarts.reserveCapacity(packers.count + 1)
        for k in packers.indices {
            packers[k].flush()
            bytes += packers[k].bytes
            packers[k] = Packer()
            byteStarts.append(bytes.count)
        }
        bytes += repeatElement(0, count: Self.padding)
        self.bytes = Column(bytes)
        self.byteStarts = Column(byteStarts)
    }

    /// One list packed as its offsets arrive (ascending), so that no list is ever held
    /// whole as Int32s: a block's worth is kept until it is full.
    struct Packer: Sendable {
        fileprivate var bytes: [UInt8] = []
        private var block: [Int32] = []

        var byteCount: Int { bytes.count + (block.isEmpty ? 0 : PackedLists.blockBytes(count: block.count, width: 32)) }

        mutating func append(_ value: Int32) {
            block.append(value)
            if block.count == PackedLists.blockSize { flush() }
        }

        /// Packs the block begun, if any.
        mutating func flush() {
            guard !block.isEmpty else { return }
            block.withUnsafeBufferPointer { PackedLists.append($0, to: &bytes) }
            block.removeAll(keepingCapacity: true)
        }
    }

    private static func append(_ block: UnsafeBufferPointer<Int32>, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(block[0]).littleEndian) { bytes += $0 }
        var widest: UInt32 = 0
        for i in 1..<block.count { widest |= UInt32(block[i] - block[i - 1] - 1) }
        let width = widest == 0 ? 0 : 32 - widest.leadingZeroBitCount
        bytes.append(UInt8(width))
        var pending: UInt64 = 0, pendingBits = 0
        for i in 1..<block.count {
            pending |= UInt64(UInt32(block[i] - block[i - 1] - 1)) << UInt64(pendingBits)
            pendingBits += width
            while pendingBits >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: pending))
                pending >>= 8
                pendingBits -= 8
            }
        }
        if pendingBits > 0 { bytes.append(UInt8(truncatingIfNeeded: pending)) }
    }

    /// Bytes a block of `count` offsets in `width` bits takes.
    static func blockBytes(count: Int, width: Int) -> Int { 5 + ((count - 1) * width + 7) / 8 }

    /// Read back from a cache: the lists' places are checked here, their contents when
    /// one is decoded (`list`), so a start from the cache decodes none of them.
    init(bytes: Column<UInt8>, byteStarts: Column<Int>, lists: Int, limit: Int) throws(BinaryReader.Corrupt) {
        let shapeOK = byteStarts.withUnsafeBufferPointer { s in
            s.count == lists + 1 && s.first == 0 && (s.last ?? 0) <= bytes.count - Self.padding
                && (s.count < 2 || (1..<s.count).allSatisfy { s[$0 - 1] <= s[$0] })
        }
        guard lists >= 0, bytes.count >= Self.padding, shapeOK else {
            throw BinaryReader.Corrupt(description: "index: packed character offsets are inconsistent")
        }
        self.bytes = bytes
        self.byteStarts = byteStarts
        self.limit = limit
    }

    /// List k, of `count` offsets, each below the limit; empty when its bytes do not hold
    /// exactly that (only a cache file made to deceive, whose checksums were forged, has such
    /// bytes: it finds less, and nothing reads out of bounds).
    func list(_ k: Int, count: Int) -> [Int32] {
        // No more than its bytes can hold (a block of 128 takes at least 5), before allocating.
        guard count >= 0, count <= (byteStarts[k + 1] - byteStarts[k] + 4) / 5 * Self.blockSize else { return [] }
        var list = [Int32](repeating: 0, count: count)
        let whole = list.withUnsafeMutableBufferPointer { out in
            walk(k, count: count) { i, value in out[i] = value }
        }
        return whole ? list : []
    }

    /// Decodes list k (`count` offsets), calling `body` with each position and offset; false
    /// when the bytes do not hold exactly that many offsets below `limit` (nothing more is
    /// decoded then).
    private func walk(_ k: Int, count: Int, _ body: (Int, Int32) -> Void) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var at = byteStarts[k]
            let end = byteStarts[k + 1]
            var done = 0
            while done < count {
                let n = min(Self.blockSize, count - done)
                guard end - at >= 5 else { return false }
                var value = Int(UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24)
                let width = Int(b[at + 4])
                guard width <= 32, Self.blockBytes(count: n, width: width) <= end - at, value < limit else { return false }
                body(done, Int32(value))
                let data = UnsafeRawPointer(b.baseAddress! + at + 5)
                let mask = width == 0 ? 0 : (UInt64(1) << UInt64(width)) - 1
                for i in 1..<n {
                    let bit = (i - 1) * width
                    // In bounds: the block's bytes, then at most 7 more, which `padding` covers.
                    let word = UInt64(littleEndian: data.loadUnaligned(fromByteOffset: bit / 8, as: UInt64.self))
                    value += Int((word >> UInt64(bit % 8)) & mask) + 1
                    guard value < limit else { return false }
                    body(done + i, Int32(value))
                }
                at += Self.blockBytes(count: n, width: width)
                done += n
            }
            return at == end
        }
    }
}
