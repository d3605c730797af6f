import Foundation
import Synchronization
import FestivalIO

/// The quotes, most of a large catalog, in chunks that decode in parallel: a total count,
/// the number of chunks, then per chunk its quote count, how it is stored (0: as it is,
/// 1: zstd), its length decoded, its length stored, the hash of the stored bytes
/// (`ContentHash`) and those bytes. A chunk is checked against its hash when it is
/// decoded, so a cache file's checksum leaves the chunks out (`gaps`) and a start that
/// decodes none of them reads none of them.
extension CatalogBinaryEncoder {
    /// Quotes per chunk: small enough to spread over the cores, large enough to be worth a thread.
    static let defaultQuotesPerChunk = 16_384
    /// Bytes each chunk adds besides its quotes.
    static let chunkHeaderSize = 4 + 1 + 8 + 8 + 8

    mutating func quotes(_ quotes: [Quote]) {
        let chunks = stride(from: 0, to: quotes.count, by: quotesPerChunk).map {
            $0..<min(quotes.count, $0 + quotesPerChunk)
        }
        w.count(quotes.count)
        w.count(chunks.count)
        for range in chunks {
            let outer = w
            w = BinaryWriter()
            for q in quotes[range] { quote(q) }
            let chunk = w.bytes
            w = outer
            let compressed = chunk.withUnsafeBytes { QuoteChunk.compress($0) }
            let stored = compressed ?? chunk
            w.count(range.count)
            w.u8(compressed == nil ? QuoteChunk.Storage.plain.rawValue : QuoteChunk.Storage.zstd.rawValue)
            w.int(chunk.count)
            w.int(stored.count)
            w.u64(ContentHash.hash(stored))
            gaps?.add(w.count..<(w.count + stored.count))
            stored.withUnsafeBytes { w.raw($0) }
        }
    }
}

extension CatalogBinaryDecoder {
    mutating func quotes() throws(BinaryReader.Corrupt) -> [Quote] {
        let total = try r.count(minimumSize: CatalogBinaryEncoder.minimumItemSize)
        let chunkCount = try r.count(minimumSize: CatalogBinaryEncoder.chunkHeaderSize)
        var chunks: [QuoteChunk] = []
        chunks.reserveCapacity(chunkCount)
        var start = 0
        for _ in 0..<chunkCount {
            let count = try r.count()
            let storage = QuoteChunk.Storage(rawValue: try r.u8())
            let decodedLength = try r.int()
            let length = try r.int()
            let hash = try r.u64()
            // `count <= length / size`: a count near Int.max cannot overflow.
            guard let storage, length >= 0, decodedLength >= 0, count <= decodedLength / CatalogBinaryEncoder.minimumItemSize,
                  count <= total - start, storage.allows(decodedLength: decodedLength, length: length) else {
                throw BinaryReader.Corrupt(description: "quotes: bad chunk at byte \(r.offset)")
            }
            chunks.append(QuoteChunk(start: start, count: count, offset: r.offset, length: length, hash: hash,
                                     storage: storage, decodedLength: decodedLength))
            try r.skip(length)
            start += count
        }
        guard start == total else { throw BinaryReader.Corrupt(description: "quotes: chunks do not add up") }
        quoteChunks = chunks
        if deferQuotes { return [] }
        if chunks.count <= 1 {
            guard let chunk = chunks.first else { return [] }
            let (quotes, marks) = try chunk.decode(in: r.source, strings: table, tableOffset: tableOffset)
            references.merge(marks)
            return quotes
        }
        let (quotes, marks) = try Self.decodeInParallel(chunks, total: total, source: r.source, tableOffset: tableOffset)
        for m in marks { references.merge(m) }
        return quotes
    }

    /// Each chunk decoded on its own thread straight into its place in the result.
    private static func decodeInParallel(_ chunks: [QuoteChunk], total: Int,
                                         source: ByteSource, tableOffset: Int) throws(BinaryReader.Corrupt)
    -> (quotes: [Quote], references: [ReferenceMarks]) {
        // Per chunk: how many quotes it initialized, its error, and the ids it refers to.
        let outcomes = Mutex([(done: Int, error: BinaryReader.Corrupt?, references: ReferenceMarks?)](
            repeating: (0, nil, nil), count: chunks.count))
        do {
            let quotes = try [Quote](unsafeUninitializedCapacity: total) { buffer, initialized in
                FileIO.adviseHugePages(UnsafeMutableRawPointer(buffer.baseAddress!), total * MemoryLayout<Quote>.stride)
                let base = SharedMemory(pointer: buffer.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
                    let chunk = chunks[i]
                    var done = 0
                    var failure: BinaryReader.Corrupt?
                    var references: ReferenceMarks?
                    do throws(BinaryReader.Corrupt) {
                        let (reader, end) = try chunk.contents(in: source)
                        // This thread's own copy of the table: no string object is shared across threads.
                        var tableReader = BinaryReader(source, offset: tableOffset)
                        let table = try StringTable.decode(&tableReader)
                        var d = CatalogBinaryDecoder(reader: reader, strings: table, tableOffset: tableOffset)
                        while done < chunk.count {
                            (base.pointer + chunk.start + done).initialize(to: try d.quote())
                            done += 1
                        }
                        if d.r.offset != end {
                            failure = BinaryReader.Corrupt(description: "quotes: chunk length")
                        }
                        references = d.references
                    } catch {
                        failure = error
                    }
                    outcomes.withLock { $0[i] = (done, failure, references) }
                }
                let results = outcomes.withLock { $0 }
                if let failure = results.lazy.compactMap(\.error).first {
                    for (chunk, result) in zip(chunks, results) {
                        (base.pointer + chunk.start).deinitialize(count: result.done)
                    }
                    throw failure
                }
                initialized = total
            }
            return (quotes, outcomes.withLock { $0.compactMap(\.references) })
        } catch let error as BinaryReader.Corrupt {
            throw error
        } catch {
            throw BinaryReader.Corrupt(description: "\(error)")
        }
    }
}

/// Where a chunk of quotes lies in a cache file and what it holds.
struct QuoteChunk: Sendable {
    /// How a chunk's bytes are stored.
    enum Storage: UInt8, Sendable {
        case plain = 0, zstd = 1

        /// A compressed chunk decodes to at most this many bytes, and to at most
        /// `maximumRatio` times its stored length (the encoder stores any other plain), so
        /// a damaged length never makes a large allocation.
        static let maximumDecodedLength = 256 << 20
        static let maximumRatio = 64

        /// Whether a chunk so stored can have these lengths (division: no overflow).
        func allows(decodedLength: Int, length: Int) -> Bool {
            switch self {
            case .plain: decodedLength == length
            case .zstd: decodedLength <= Self.maximumDecodedLength && decodedLength / Self.maximumRatio <= length
            }
        }
    }

    /// The position of its first quote, and how many it holds.
    var start: Int, count: Int
    /// Where its stored bytes are, how many, and their hash.
    var offset: Int, length: Int, hash: UInt64
    var storage: Storage = .plain
    /// How many bytes the chunk's quotes take once decompressed.
    var decodedLength: Int

    var bytes: Range<Int> { offset..<(offset + length) }

    /// The chunk's bytes compressed, or nil when they are better stored plain (too small
    /// to gain, or outside what a reader accepts).
    static func compress(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard bytes.count >= 4096, bytes.count <= Storage.maximumDecodedLength,
              let compressed = Zstd.compress(bytes), compressed.count < bytes.count,
              Storage.zstd.allows(decodedLength: bytes.count, length: compressed.count) else { return nil }
        return compressed
    }

    /// A reader at the chunk's quotes and where they end, its hash checked (and, when it is
    /// compressed, decompressed to exactly its decoded length).
    func contents(in source: ByteSource) throws(BinaryReader.Corrupt) -> (reader: BinaryReader, end: Int) {
        try checkHash(in: source)
        switch storage {
        case .plain:
            return (BinaryReader(source, offset: offset), offset + length)
        case .zstd:
            guard let plain = Zstd.decompress(UnsafeRawBufferPointer(rebasing: source.buffer[bytes]), count: decodedLength) else {
                throw BinaryReader.Corrupt(description: "quotes: a chunk does not decompress")
            }
            return (BinaryReader(ByteSource(plain)), decodedLength)
        }
    }

    /// The chunk's quotes, its hash and length checked, and the ids they refer to (for
    /// `ReferenceMarks.problem`).
    func decode(in source: ByteSource, strings: [String], tableOffset: Int) throws(BinaryReader.Corrupt)
    -> (quotes: [Quote], references: ReferenceMarks) {
        let (reader, end) = try contents(in: source)
        var d = CatalogBinaryDecoder(reader: reader, strings: strings, tableOffset: tableOffset)
        var quotes: [Quote] = []
        quotes.reserveCapacity(count)
        for _ in 0..<count { quotes.append(try d.quote()) }
        guard d.r.offset == end else { throw BinaryReader.Corrupt(description: "quotes: chunk length") }
        return (quotes, d.references)
    }

    /// Throws unless the chunk's bytes have its hash (always passes in the fuzzer's build,
    /// so that its mutations reach the decoder).
    func checkHash(in source: ByteSource) throws(BinaryReader.Corrupt) {
        #if !FUZZING
        guard ContentHash.hash(UnsafeRawBufferPointer(rebasing: source.buffer[bytes])) == hash else {
            throw BinaryReader.Corrupt(description: "quotes: a chunk's hash does not match")
        }
        #endif
    }
}

/// Memory handed to worker threads while the caller waits for them: they read it, or write
/// disjoint parts of it.
package struct SharedMemory<Pointer>: @unchecked Sendable {
    package let pointer: Pointer
    package init(pointer: Pointer) { self.pointer = pointer }
}
