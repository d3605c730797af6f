#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A little-endian binary encoding for the cache file: fixed-width integers, length-
/// prefixed strings and byte arrays, and arrays of integers copied in one piece.
///
/// Without a sink the writer keeps everything in `bytes`. With one it hands its bytes on
/// whenever about `chunk` have gathered, and large arrays straight from their storage, so
/// a file of any size is written with one chunk in memory and no copy of the whole.
public struct BinaryWriter {
    /// What has not been handed to the sink yet: everything, without a sink.
    public private(set) var bytes: [UInt8] = []
    private let sink: ((UnsafeRawBufferPointer) -> Void)?
    private let chunk: Int
    private var handedOn = 0

    public init() {
        sink = nil
        chunk = .max
    }

    /// A writer with room for `capacity` bytes before it grows.
    public init(capacity: Int) {
        self.init()
        bytes.reserveCapacity(capacity)
    }

    /// A writer that hands its bytes to `sink` in pieces of about `chunk` bytes (`flush()`
    /// hands on the rest). `origin` is where in the file the first byte goes (counted in
    /// `count`, so that columns are aligned in the file).
    public init(chunk: Int = 1 << 20, origin: Int = 0, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
        self.chunk = max(1, chunk)
        handedOn = origin
        bytes.reserveCapacity(self.chunk + 4096)
    }

    /// Every byte written so far, handed on or not, plus the origin.
    public var count: Int { handedOn + bytes.count }

    public mutating func reserveCapacity(_ n: Int) {
        if sink == nil { bytes.reserveCapacity(n) }
    }

    /// Hands what has gathered to the sink (nothing to do without one).
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        handedOn += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    @inline(__always) private mutating func spill() {
        if bytes.count >= chunk { flush() }
    }

    /// Appends raw bytes: a large piece goes to the sink as it is, without a copy.
    public mutating func raw(_ piece: UnsafeRawBufferPointer) {
        if let sink, piece.count >= chunk {
            flush()
            sink(piece)
            handedOn += piece.count
        } else {
            bytes.append(contentsOf: piece)
            spill()
        }
    }

    /// Appends what another writer wrote, as it is (no length prefix).
    public mutating func append(_ other: BinaryWriter) { other.bytes.withUnsafeBytes { raw($0) } }

    /// Appends a string's UTF-8 bytes with no length (the length is stored elsewhere).
    public mutating func rawUTF8(_ s: String) {
        var s = s
        s.withUTF8 { raw(UnsafeRawBufferPointer($0)) }
    }

    public mutating func u8(_ v: UInt8) {
        bytes.append(v)
        spill()
    }

    public mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }

    public mutating func u32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
        spill()
    }

    public mutating func u64(_ v: UInt64) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
        spill()
    }

    public mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }

    public mutating func count(_ n: Int) { u32(UInt32(n)) }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            count(utf8.count)
            raw(UnsafeRawBufferPointer(utf8))
        }
    }

    public mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    public mutating func optionalInt(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }

    public mutating func byteArray(_ a: [UInt8]) {
        count(a.count)
        a.withUnsafeBytes { raw($0) }
    }

    /// Integers stored raw (this machine's layout, little-endian on every platform Swift
    /// runs Linux on); the cache is rebuilt on a machine that disagrees (see the header).
    public mutating func int32Array(_ a: [Int32]) {
        count(a.count)
        a.withUnsafeBytes { raw($0) }
    }

    public mutating func intArray(_ a: [Int]) {
        count(a.count)
        a.withUnsafeBytes { raw($0) }
    }
}

/// The bytes a `BinaryReader` reads: a copy of an array, or a file mapped into memory
/// (read in place: pages are brought in as they are read, never copied). Freed or unmapped
/// when the last reader is gone.
public final class ByteSource: @unchecked Sendable {
    public let buffer: UnsafeRawBufferPointer
    private let mapped: Bool

    public init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        buffer = UnsafeRawBufferPointer(rebasing: copy[0..<bytes.count])
        mapped = false
    }

    package init(mapped buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        mapped = true
    }

    public var count: Int { buffer.count }

    deinit {
        if mapped {
            if let base = buffer.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), buffer.count) }
        } else {
            buffer.deallocate()
        }
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency throws `BinaryReader.Corrupt`.
public struct BinaryReader {
    public struct Corrupt: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    package let source: ByteSource
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(ByteSource(bytes), offset: offset)
    }

    public init(_ source: ByteSource, offset: Int = 0) {
        self.source = source
        self.offset = offset
    }

    package var bytes: UnsafeRawBufferPointer { source.buffer }

    public var isAtEnd: Bool { offset == bytes.count }

    /// How many bytes are left to read.
    public var remaining: Int { bytes.count - offset }

    private mutating func take(_ n: Int) throws(Corrupt) -> Range<Int> {
        guard n >= 0, offset >= 0, n <= bytes.count - offset else { throw Corrupt(description: "truncated at byte \(offset)") }
        defer { offset += n }
        return offset..<(offset + n)
    }

    public mutating func u8() throws(Corrupt) -> UInt8 { bytes[try take(1).lowerBound] }

    public mutating func bool() throws(Corrupt) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw Corrupt(description: "bad boolean at byte \(offset - 1)")
        }
    }

    public mutating func u32() throws(Corrupt) -> UInt32 {
        let r = try take(4)
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: r.lowerBound, as: UInt32.self))
    }

    public mutating func u64() throws(Corrupt) -> UInt64 {
        let r = try take(8)
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: r.lowerBound, as: UInt64.self))
    }

    public mutating func int() throws(Corrupt) -> Int { Int(Int64(bitPattern: try u64())) }

    /// A length; what it sizes is bounds-checked when taken.
    public mutating func count() throws(Corrupt) -> Int { Int(try u32()) }

    /// A count of items each taking at least `minimumSize` bytes, checked against what is
    /// left (so a corrupt count cannot make the caller reserve absurd amounts of memory).
    public mutating func count(minimumSize: Int) throws(Corrupt) -> Int {
        let n = try count()
        guard n * max(1, minimumSize) <= remaining else { throw Corrupt(description: "count \(n) too large at byte \(offset - 4)") }
        return n
    }

    /// Skips `n` bytes.
    public mutating func skip(_ n: Int) throws(Corrupt) { _ = try take(n) }

    /// The next `n` bytes, read in place by `body`.
    public mutating func withBytes<R>(_ n: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) throws(Corrupt) -> R {
        let r = try take(n)
        return body(UnsafeRawBufferPointer(rebasing: bytes[r]).assumingMemoryBound(to: UInt8.self))
    }

    public mutating func string() throws(Corrupt) -> String {
        let r = try take(try count())
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    public mutating func optionalString() throws(Corrupt) -> String? { try bool() ? try string() : nil }
    public mutating func optionalInt() throws(Corrupt) -> Int? { try bool() ? try int() : nil }

    public mutating func byteArray() throws(Corrupt) -> [UInt8] { try array(of: UInt8.self) }

    public mutating func int32Array() throws(Corrupt) -> [Int32] { try array(of: Int32.self) }

    public mutating func intArray() throws(Corrupt) -> [Int] { try array(of: Int.self) }

    /// A count, then that many integers stored raw.
    private mutating func array<T: FixedWidthInteger>(of: T.Type) throws(Corrupt) -> [T] {
        let n = try count()
        let r = try take(n * MemoryLayout<T>.size)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            if let base = raw.baseAddress { FileIO.adviseHugePages(base, raw.count) }
            raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[r]))
            initialized = n
        }
    }
}
