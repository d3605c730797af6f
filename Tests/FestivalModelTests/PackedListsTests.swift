import Testing
@testable import FestivalIO
@testable import FestivalSearch
@testable import FestivalSynthetic

/// The character index's bit-packed offset lists: any ascending lists come back as they
/// went in; misplaced lists are refused, and a list that does not decode to exactly its
/// count gives nothing.
@Suite struct PackedListsTests {
    /// Lists of every shape: one offset, a block and one more, gaps of 1 and of 2^30.
    static let lists: [[Int32]] = {
        var random = SyntheticRandom(seed: 5, stream: 1)
        var lists: [[Int32]] = [[0], [7], Array(0..<128), Array(0..<129).map { $0 * 3 + 1 }, [5, 1 << 30, Int32.max - 1]]
        for _ in 0..<20 {
            var value = Int32(random.below(1_000))
            let count = 1 + random.below(700)
            let spread = 1 << random.below(20)
            lists.append((0..<count).map { _ in defer { value += 1 + Int32(random.below(spread)) }; return value })
        }
        return lists
    }()

    static func pack(_ lists: [[Int32]]) -> PackedLists {
        PackedLists(lists.map { list in
            var packer = PackedLists.Packer()
            for value in list { packer.append(value) }
            return packer
        })
    }

    @Test func listsRoundTripSmallerThanInt32s() throws {
        let packed = Self.pack(Self.lists)
        for (k, list) in Self.lists.enumerated() { #expect(packed.list(k, count: list.count) == list, "list \(k)") }
        let values = Self.lists.reduce(0) { $0 + $1.count }
        #expect(packed.bytes.count < values * 4 / 2, "about half the bytes of Int32s or less")
        // Read back as a cache gives it: accepted, and the same.
        let read = try PackedLists(bytes: packed.bytes, byteStarts: packed.byteStarts, lists: Self.lists.count, limit: Int(Int32.max))
        for (k, list) in Self.lists.enumerated() { #expect(read.list(k, count: list.count) == list) }
    }

    /// Misplaced lists are refused when read; a list whose bytes do not decode to exactly
    /// its count of offsets below the limit decodes to nothing (and reads nothing outside).
    @Test func bytesThatDoNotDecodeToTheCountsGiveNothing() throws {
        let packed = Self.pack(Self.lists)
        let bytes = packed.bytes.array, starts = packed.byteStarts.array
        func read(_ bytes: [UInt8], _ starts: [Int], limit: Int = Int(Int32.max)) -> PackedLists? {
            try? PackedLists(bytes: Column(bytes), byteStarts: Column(starts), lists: Self.lists.count, limit: limit)
        }
        #expect(read(Array(bytes.dropLast()), starts) == nil, "no room for the padding")
        var shuffled = starts
        shuffled.swapAt(3, 4)
        #expect(read(bytes, shuffled) == nil, "starts not ascending")
        #expect(read(bytes, Array(starts.dropLast())) == nil, "a list missing")

        // List 2 (0..<128) is one block: its width byte is at its start + 4.
        var wide = bytes
        wide[starts[2] + 4] = 33
        #expect(try #require(read(wide, starts)).list(2, count: 128) == [], "a width over 32")
        var wider = bytes
        wider[starts[2] + 4] = 20
        #expect(try #require(read(wider, starts)).list(2, count: 128) == [], "a block longer than its list's bytes")
        let good = try #require(read(bytes, starts))
        // (A block of width 0 holds no count: list 3 ends in one. It would decode one longer,
        // still ascending and in bounds; list 4's single block has width 31.)
        #expect(good.list(4, count: 4) == [], "counted one longer than its bytes")
        #expect(good.list(4, count: 2) == [], "counted one shorter")
        #expect(good.list(3, count: Int(Int32.max)) == [], "a count its bytes cannot hold: nothing allocated")
        #expect(try #require(read(bytes, starts, limit: Int(Int32.max) - 1)).list(4, count: 3) == [], "an offset beyond the limit")
        var nearMax = bytes
        nearMax[starts[4] + 3] = 0xFF
        #expect(try #require(read(nearMax, starts)).list(4, count: 3) == [], "a first offset beyond Int32")
        #expect(good.list(4, count: 3) == Self.lists[4], "the others still decode")
    }
}
