import Testing
@testable import FestivalIO

/// Columns: written aligned, read in place (no copy), and every count and padding checked.
@Suite struct ColumnTests {
    @Test func columnsRoundTripInPlaceAfterAnyOddOffset() throws {
        for lead in 0..<9 {
            var w = BinaryWriter()
            for _ in 0..<lead { w.u8(7) }
            w.column([Int32(1), -2, 3])
            w.column([UInt64.max, 0])
            w.column([UInt8]())
            let source = ByteSource(w.bytes)
            var r = BinaryReader(source, offset: lead)
            let a = try r.column(of: Int32.self), b = try r.column(of: UInt64.self), c = try r.column(of: UInt8.self)
            #expect(Array(a) == [1, -2, 3] && Array(b) == [UInt64.max, 0] && c.isEmpty, "after \(lead) bytes")
            #expect(r.isAtEnd)
            // In place: the values are where the source holds them.
            let inside = a.withUnsafeBufferPointer { p in
                UnsafeRawPointer(p.baseAddress!) >= source.buffer.baseAddress! && UnsafeRawPointer(p.baseAddress!) < source.buffer.baseAddress! + source.count
            }
            #expect(inside)
        }
    }

    @Test func aColumnOutlivesItsReader() throws {
        var w = BinaryWriter()
        w.column(Array(0..<1000))
        var r: BinaryReader? = BinaryReader(w.bytes)
        let column = try r!.column(of: Int.self)
        r = nil
        #expect(column.reduce(0, +) == 499_500)
    }

    @Test func countsAndPaddingAreChecked() throws {
        var w = BinaryWriter()
        w.u8(1)
        w.column([Int32(5), 6])
        var padded = w.bytes
        padded[3] = 9
        #expect(throws: BinaryReader.Corrupt.self) { var r = BinaryReader(padded, offset: 1); _ = try r.column(of: Int32.self) }
        for count in [Int.max, Int.max / 4 + 1, 3, -1] {
            var bytes = w.bytes
            withUnsafeBytes(of: Int64(count).littleEndian) { bytes.replaceSubrange(8..<16, with: $0) }
            #expect(throws: BinaryReader.Corrupt.self, "count \(count)") {
                var r = BinaryReader(bytes, offset: 1)
                _ = try r.column(of: Int32.self)
            }
        }
    }

    @Test func indexingOutsideAColumnTraps() async {
        await #expect(processExitsWith: .failure) {
            let column = Column([1, 2, 3])
            _ = column[3]
        }
    }
}
