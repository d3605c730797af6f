import FestivalIO
import FestivalCatalog
extension SearchIndex {
    /// True when every document points into `catalog` (a cached index must match its catalog),
    /// which has `quoteCount` quotes when they are deferred.
    public func fits(_ catalog: Catalog, quoteCount: Int? = nil) -> Bool {
        let quotes = quoteCount ?? catalog.quotes.count
        return documents.allSatisfy { d in
            switch d.kind {
            case .festival: d.index == 0
            case .film: d.index >= 0 && d.index < catalog.films.count
            case .person: d.index >= 0 && d.index < catalog.people.count
            case .quote: d.index >= 0 && d.index < quotes
            }
        } && documents.count == 1 + catalog.films.count + catalog.people.count + quotes
    }

    /// Appends the index to a cache file: the large parts as columns a mapped file is read
    /// in place from.
    public func encode(to w: inout BinaryWriter) {
        w.byteArray(documents.map { UInt8($0.kind.order) })
        w.int32Array(documents.map { Int32($0.index) })
        corpus.encode(to: &w)
        words.words.encode(to: &w)
        w.column(words.postingStarts)
        w.column(words.postings)
        w.bool(characters != nil)
        if let characters {
            w.column(characters.scalars)
            w.column(characters.starts)
            w.column(characters.packed.bytes)
            w.column(characters.packed.byteStarts)
        }
        for field in SearchQuery.Field.allCases {
            let entityKeys = keys[field] ?? []
            w.count(entityKeys.count)
            for key in entityKeys { w.byteArray(key) }
            let refs = references[field]
            w.column(refs?.starts ?? Column([0]))
            w.column(refs?.targets ?? Column())
        }
    }

    /// Reads an index `encode` wrote, its columns in place; a corrupt one throws.
    public init(decoding r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let kinds = try r.byteArray()
        let indexes = try r.int32Array()
        guard kinds.count == indexes.count else { throw BinaryReader.Corrupt(description: "index: document arrays differ") }
        var documents: [Document] = []
        documents.reserveCapacity(kinds.count)
        for (k, i) in zip(kinds, indexes) {
            guard Int(k) < Kind.allCases.count else { throw BinaryReader.Corrupt(description: "index: bad kind \(k)") }
            documents.append(Document(kind: Kind.allCases[Int(k)], index: Int(i)))
        }
        let corpus = try ByteCorpus(decoding: &r)
        guard corpus.count == documents.count else { throw BinaryReader.Corrupt(description: "index: corpus and documents differ") }
        let words = try WordIndex(words: ByteCorpus(decoding: &r), postingStarts: r.column(of: Int32.self),
                                  postings: r.column(of: Int32.self), recordCount: documents.count)
        let characters = try r.bool()
            ? CharacterIndex(scalars: r.column(of: UInt32.self), starts: r.column(of: Int32.self),
                             packedOffsets: r.column(of: UInt8.self), packedStarts: r.column(of: Int.self),
                             corpusSize: corpus.bytes.count)
            : nil
        var keys: [SearchQuery.Field: [[UInt8]]] = [:]
        var references: [SearchQuery.Field: EntityReferences] = [:]
        for field in SearchQuery.Field.allCases {
            let n = try r.count()
            var entityKeys: [[UInt8]] = []
            for _ in 0..<n { entityKeys.append(try r.byteArray()) }
            keys[field] = entityKeys
            do {
                references[field] = try EntityReferences(starts: r.column(of: Int32.self), targets: r.column(of: Int32.self),
                                                         documents: documents.count, entities: n)
            } catch {
                throw BinaryReader.Corrupt(description: "index: bad \(field) references (\(error))")
            }
        }
        self.init(documents: documents, corpus: corpus, words: words, characters: characters, keys: keys, references: references)
    }
}

extension ByteCorpus {
    func encode(to w: inout BinaryWriter) {
        w.column(bytes)
        w.column(starts)
        w.intArray(frequency)
        for masks in [letters, wordStartLetters, wholeWordLetters] { w.column(masks) }
    }

    init(decoding r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        try self.init(bytes: r.column(of: UInt8.self), starts: r.column(of: Int.self), frequency: r.intArray(),
                      letters: r.column(of: UInt64.self), wordStartLetters: r.column(of: UInt64.self),
                      wholeWordLetters: r.column(of: UInt64.self))
    }
}
