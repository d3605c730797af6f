import Testing
@testable import FestivalIO
@testable import FestivalSearch

/// The character index's bit-packed offset lists: any ascending lists come back as they
/// went in, and bytes that do not decode to exactly what the counts say are refused.
@Suite struct PackedListsTests {
    /// Lists of every shape: one offset, a block and one more, gaps of 1 and of 2^30.
    static let lists: [[Int32]] = {
        var random = SplitMix(seed: 5)
        var lists: [[Int32]] = [[0], [7], Array(0..<128), Array(0..<129).map { $0 * 3 + 1 }, [5, 1 << 30, Int32.max - 1]]
        for _ in 0..<20 {
            var value = Int32(random.next() % 1000)
            let count = 1 + Int(random.next() % 700)
            let spread = UInt64(1) << (random.next() % 20)
            lists.append((0..<count).map { _ in defer { value += 1 + Int32(random.next() % spread) }; return value })
        }
        return lists
    }()

    static func pack(_ lists: [[Int32]]) -> PackedLists {
        PackedLists(count: lists.count) { k in lists[k].withUnsafeBufferPointer { $0 } }
    }

    static var counts: Column<Int32> { Column(lists.reduce(into: [Int32(0)]) { $0.append($0.last! + Int32($1.count)) }) }

    @Test func listsRoundTripSmallerThanInt32s() throws {
        let packed = Self.pack(Self.lists)
        for (k, list) in Self.lists.enumerated() { #expect(packed.list(k, count: list.count) == list, "list \(k)") }
        let values = Self.lists.reduce(0) { $0 + $1.count }
        #expect(packed.bytes.count < values * 4 / 2, "about half the bytes of Int32s or less")
        // Read back as a cache gives it: accepted, and the same.
        let read = try PackedLists(bytes: packed.bytes, byteStarts: packed.byteStarts, counts: Self.counts, limit: Int(Int32.max))
        for (k, list) in Self.lists.enumerated() { #expect(read.list(k, count: list.count) == list) }
    }

    @Test func bytesThatDoNotDecodeToTheCountsAreRefused() {
        let packed = Self.pack(Self.lists)
        func accepts(_ bytes: [UInt8], _ starts: [Int], counts: Column<Int32> = Self.counts, limit: Int = Int(Int32.max)) -> Bool {
            (try? PackedLists(bytes: Column(bytes), byteStarts: Column(starts), counts: counts, limit: limit)) != nil
        }
        let bytes = packed.bytes.array, starts = packed.byteStarts.array
        #expect(accepts(bytes, starts))
        // List 2 (0..<128) is one block: its width byte is at its start + 4.
        var wide = bytes
        wide[starts[2] + 4] = 33
        #expect(!accepts(wide, starts), "a width over 32")
        var wider = bytes
        wider[starts[2] + 4] = 20
        #expect(!accepts(wider, starts), "a block longer than its list's bytes")
        #expect(!accepts(Array(bytes.dropLast()), starts), "no room for the padding")
        var shuffled = starts
        shuffled.swapAt(3, 4)
        #expect(!accepts(bytes, shuffled), "starts not ascending")
        #expect(!accepts(bytes, Array(starts.dropLast())), "a list missing")
        var moreCounted = Self.counts.array
        for i in 3..<moreCounted.count { moreCounted[i] += 1 }
        #expect(!accepts(bytes, starts, counts: Column(moreCounted)), "a list counted one longer than its bytes")
        #expect(!accepts(bytes, starts, limit: Int(Int32.max) - 1), "an offset beyond the limit")
        var nearMax = bytes
        nearMax[starts[4] + 3] = 0xFF
        #expect(!accepts(nearMax, starts), "a first offset beyond Int32")
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
