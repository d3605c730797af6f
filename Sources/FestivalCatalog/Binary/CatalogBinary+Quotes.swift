import Foundation
import Synchronization
import FestivalIO

/// The quotes, most of a large catalog, in chunks that decode in parallel: a total count,
/// the number of chunks, then per chunk its quote count, its byte length, the hash of its
/// bytes (`ContentHash`) and its quotes. A chunk is checked against its hash when it is
/// decoded, so a cache file's checksum leaves the chunks out (`gaps`) and a start that
/// decodes none of them reads none of them.
extension CatalogBinaryEncoder {
    /// Quotes per chunk: small enough to spread over the cores, large enough to be worth a thread.
    static let defaultQuotesPerChunk = 16_384
    /// Bytes each chunk adds besides its quotes.
    static let chunkHeaderSize = 4 + 8 + 8

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
            let chunk = w
            w = outer
            w.count(range.count)
            w.int(chunk.bytes.count)
            w.u64(ContentHash.hash(chunk.bytes))
            gaps?.add(w.count..<(w.count + chunk.bytes.count))
            w.append(chunk)
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
            let length = try r.int()
            let hash = try r.u64()
            // `count <= length / size`: a count near Int.max cannot overflow.
            guard length >= 0, count <= length / CatalogBinaryEncoder.minimumItemSize, count <= total - start else {
                throw BinaryReader.Corrupt(description: "quotes: bad chunk at byte \(r.offset)")
            }
            chunks.append(QuoteChunk(start: start, count: count, offset: r.offset, length: length, hash: hash))
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
                        try chunk.checkHash(in: source)
                        // This thread's own copy of the table: no string object is shared across threads.
                        var tableReader = BinaryReader(source, offset: tableOffset)
                        let table = try StringTable.decode(&tableReader)
                        var d = CatalogBinaryDecoder(reader: BinaryReader(source, offset: chunk.offset), strings: table,
                                                     tableOffset: tableOffset)
                        while done < chunk.count {
                            (base.pointer + chunk.start + done).initialize(to: try d.quote())
                            done += 1
                        }
                        if d.r.offset != chunk.offset + chunk.length {
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
    /// The position of its first quote, and how many it holds.
    var start: Int, count: Int
    /// Where its bytes are, how many, and their hash.
    var offset: Int, length: Int, hash: UInt64

    var bytes: Range<Int> { offset..<(offset + length) }

    /// The chunk's quotes, its hash and length checked, and the ids they refer to (for
    /// `ReferenceMarks.problem`).
    func decode(in source: ByteSource, strings: [String], tableOffset: Int) throws(BinaryReader.Corrupt)
    -> (quotes: [Quote], references: ReferenceMarks) {
        try checkHash(in: source)
        var d = CatalogBinaryDecoder(reader: BinaryReader(source, offset: offset), strings: strings, tableOffset: tableOffset)
        var quotes: [Quote] = []
        quotes.reserveCapacity(count)
        for _ in 0..<count { quotes.append(try d.quote()) }
        guard d.r.offset == offset + length else { throw BinaryReader.Corrupt(description: "quotes: chunk length") }
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
