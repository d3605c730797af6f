import Synchronization
import FestivalIO

/// The quotes of a catalog read from a cache file without them
/// (`Catalog.decodingDeferringQuotes`), decoded a chunk at a time when asked for: a
/// command that shows a few quotes of a million decodes only the chunks that hold them.
///
/// A chunk is checked as the whole catalog's quotes are when decoded at once: its hash,
/// every length and index, the ids each quote refers to, and the rules `Catalog.integrityProblem()`
/// keeps for a quote (with ids unique within the chunk; across chunks only a whole decode
/// can tell). A chunk that fails throws, and stays undecoded.
public final class DeferredQuotes: Sendable {
    /// How many quotes the catalog has.
    public let count: Int
    /// The catalog without its quotes, to check references against.
    private let catalog: Catalog
    private let source: ByteSource
    private let chunks: [QuoteChunk]
    private let strings: [String]
    private let tableOffset: Int
    /// Decoded chunks, by chunk number.
    private let decoded = Mutex<[Int: [Quote]]>([:])

    init(catalog: Catalog, source: ByteSource, chunks: [QuoteChunk], strings: [String], tableOffset: Int) {
        self.catalog = catalog
        self.source = source
        self.chunks = chunks
        self.strings = strings
        self.tableOffset = tableOffset
        self.count = chunks.last.map { $0.start + $0.count } ?? 0
    }

    /// Decodes the chunks that hold `positions` (each in `0..<count`), unless they are.
    public func load(_ positions: some Sequence<Int>) throws(BinaryReader.Corrupt) {
        var wanted = Set<Int>()
        for position in positions {
            guard position >= 0, position < count else { throw BinaryReader.Corrupt(description: "quotes: no quote \(position)") }
            wanted.insert(chunk(holding: position))
        }
        let missing = decoded.withLock { done in wanted.filter { done[$0] == nil } }
        for k in missing.sorted() {
            let quotes = try decode(chunks[k])
            decoded.withLock { $0[k] = quotes }
        }
    }

    /// The quote at `position` when `load` has decoded its chunk, else nil.
    public func loaded(_ position: Int) -> Quote? {
        guard position >= 0, position < count else { return nil }
        let k = chunk(holding: position)
        return decoded.withLock { $0[k].map { $0[position - chunks[k].start] } }
    }

    private func chunk(holding position: Int) -> Int {
        var low = 0, high = chunks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if chunks[mid].start <= position { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func decode(_ chunk: QuoteChunk) throws(BinaryReader.Corrupt) -> [Quote] {
        let (quotes, references) = try chunk.decode(in: source, strings: strings, tableOffset: tableOffset)
        if let problem = references.problem(table: strings, catalog: catalog) { throw BinaryReader.Corrupt(description: problem) }
        if let problem = Catalog.quotesProblem(quotes) { throw BinaryReader.Corrupt(description: problem) }
        return quotes
    }
}
