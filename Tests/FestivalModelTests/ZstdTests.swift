import Testing
@testable import FestivalIO
@testable import FestivalCatalog

/// The compression of cache quote chunks: round trips, and refusals for anything but a
/// frame of exactly the length asked for.
@Suite struct ZstdTests {
    static let text = Array(String(repeating: "每一格都算數. Every frame counts. ", count: 400).utf8)
    /// Text that compresses, but less than `text` (within the ratio a reader accepts).
    static let varied = Array((0..<2_000).map { "每一格 \($0) frame \($0 &* 7_919 % 10_007). " }.joined().utf8)

    @Test func textRoundTripsSmaller() throws {
        let compressed = try #require(Self.text.withUnsafeBytes { Zstd.compress($0) })
        #expect(compressed.count * 5 < Self.text.count)
        #expect(compressed.withUnsafeBytes { Zstd.decompress($0, count: Self.text.count) } == Self.text)
    }

    @Test func anyOtherLengthOrDamageIsRefused() throws {
        let compressed = try #require(Self.text.withUnsafeBytes { Zstd.compress($0) })
        compressed.withUnsafeBytes { c in
            #expect(Zstd.decompress(c, count: Self.text.count - 1) == nil)
            #expect(Zstd.decompress(c, count: Self.text.count + 1) == nil)
            #expect(Zstd.decompress(c, count: -1) == nil)
            #expect(Zstd.decompress(UnsafeRawBufferPointer(rebasing: c[..<(c.count / 2)]), count: Self.text.count) == nil)
        }
        var garbage = compressed
        for i in garbage.indices.dropFirst(4) { garbage[i] = UInt8(truncatingIfNeeded: i &* 37) }
        #expect(garbage.withUnsafeBytes { Zstd.decompress($0, count: Self.text.count) } == nil)
        #expect([UInt8]().withUnsafeBytes { Zstd.decompress($0, count: 0) } == nil, "no frame at all")
    }

    /// A chunk is compressed only when that pays and the reader will accept it.
    @Test func chunksStayPlainWhenCompressionDoesNotPay() {
        var random = SystemRandomNumberGenerator()
        let noise = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        #expect(noise.withUnsafeBytes { QuoteChunk.compress($0) } == nil, "incompressible")
        #expect(Array(Self.text.prefix(4000)).withUnsafeBytes { QuoteChunk.compress($0) } == nil, "too small to bother")
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        #expect(zeros.withUnsafeBytes { QuoteChunk.compress($0) } == nil, "beyond the ratio a reader accepts")
        let compressed = Self.varied.withUnsafeBytes { QuoteChunk.compress($0) }
        #expect(compressed != nil && compressed!.count < Self.varied.count / 2)
    }
}
