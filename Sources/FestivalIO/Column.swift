/// A read-only array of plain values that lives either in memory (an array it keeps) or in
/// place in a mapped file (which stays mapped while any column into it lives), so that a
/// cached search index is used where it lies instead of being copied out first.
///
/// Indexing is bounds-checked, as an array's is.
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// What keeps `buffer` valid: the array's storage, or the mapped file.
    private let owner: AnyObject?
    private let buffer: UnsafeBufferPointer<Element>

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.count }
    public var count: Int { buffer.count }

    @inline(__always)
    public subscript(position: Int) -> Element {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: buffer.count), "Column index out of range")
        return buffer[position]
    }

    /// Keeps `array` (no copy).
    public init(_ array: [Element]) {
        let box = ArrayBox(array)
        owner = box
        buffer = box.buffer
    }

    public init() { self.init([]) }

    /// `count` values at `offset` in `source`, which must be aligned for them (checked by the caller).
    init(source: ByteSource, offset: Int, count: Int) {
        owner = source
        let start = source.buffer.baseAddress.map { ($0 + offset).assumingMemoryBound(to: Element.self) }
        buffer = UnsafeBufferPointer(start: count == 0 ? nil : start, count: count)
    }

    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(owner) { () throws(E) -> R in try body(buffer) }
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        try withExtendedLifetime(owner) { try body(buffer) }
    }

    /// The values as an array (a copy).
    public var array: [Element] { Array(buffer) }
}

extension Column: Equatable where Element: Equatable {
    public static func == (a: Column, b: Column) -> Bool { a.elementsEqual(b) }
}

/// An array held still: it is never mutated, so its storage never moves while the box lives.
private final class ArrayBox<Element> {
    let array: [Element]
    let buffer: UnsafeBufferPointer<Element>

    init(_ array: [Element]) {
        self.array = array
        buffer = array.withUnsafeBufferPointer { $0 }
    }
}

extension BinaryWriter {
    /// A count, then the values stored raw, starting at a multiple of 8 bytes from the
    /// writer's origin (zero bytes pad), so that a reader of a mapped file can use them in place.
    public mutating func column<T: BitwiseCopyable>(_ values: Column<T>) {
        while count % 8 != 0 { u8(0) }
        int(values.count)
        values.withUnsafeBufferPointer { raw(UnsafeRawBufferPointer($0)) }
    }

    public mutating func column<T: BitwiseCopyable>(_ values: [T]) { column(Column(values)) }
}

extension BinaryReader {
    /// A column `BinaryWriter.column` wrote, in place in the source (no copy).
    public mutating func column<T: BitwiseCopyable>(of type: T.Type) throws(Corrupt) -> Column<T> {
        while offset % 8 != 0 {
            guard try u8() == 0 else { throw Corrupt(description: "column padding at byte \(offset - 1)") }
        }
        let n = try int()
        // Compared by division: a count near Int.max cannot overflow.
        guard n >= 0, n <= remaining / max(1, MemoryLayout<T>.stride) else {
            throw Corrupt(description: "column of \(n) values at byte \(offset - 8) does not fit")
        }
        let start = offset
        try skip(n * MemoryLayout<T>.stride)
        guard (Int(bitPattern: source.buffer.baseAddress) + start) % MemoryLayout<T>.alignment == 0 else {
            throw Corrupt(description: "column at byte \(start) is not aligned")
        }
        return Column(source: source, offset: start, count: n)
    }
}
