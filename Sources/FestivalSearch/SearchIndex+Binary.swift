import FestivalIO
import FestivalCatalog
extension SearchIndex {
    /// True when every document points into `catalog` (a cached index must match its catalog).
    public func fits(_ catalog: Catalog) -> Bool {
        documents.allSatisfy { d in
            switch d.kind {
            case .film: d.index >= 0 && d.index < catalog.films.count
            case .person: d.index >= 0 && d.index < catalog.people.count
            case .quote: d.index >= 0 && d.index < catalog.quotes.count
            }
        } && documents.count == catalog.films.count + catalog.people.count + catalog.quotes.count
    }

    /// Appends the index to a cache file.
    public func encode(to w: inout BinaryWriter) {
        w.byteArray(documents.map { UInt8($0.kind.order) })
        w.int32Array(documents.map { Int32($0.index) })
        corpus.encode(to: &w)
        words.words.encode(to: &w)
        w.int32Array(words.postingStarts)
        w.int32Array(words.postings)
        w.bool(characters != nil)
        if let characters {
            w.int32Array(characters.scalars.map { Int32(bitPattern: $0) })
            w.int32Array(characters.starts)
            w.int32Array(characters.offsets)
        }
        for field in SearchQuery.Field.allCases {
            let entityKeys = keys[field] ?? []
            w.count(entityKeys.count)
            for key in entityKeys { w.byteArray(key) }
            let refs = references[field] ?? []
            w.int32Array(refs.map { Int32($0.count) })
            w.int32Array(refs.flatMap { $0 })
        }
    }

    /// Reads an index `encode` wrote; a corrupt one throws.
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
        let words = try WordIndex(words: ByteCorpus(decoding: &r), postingStarts: r.int32Array(), postings: r.int32Array(),
                                  recordCount: documents.count)
        let characters = try r.bool()
            ? CharacterIndex(scalars: r.int32Array().map { UInt32(bitPattern: $0) }, starts: r.int32Array(),
                             offsets: r.int32Array(), corpusSize: corpus.bytes.count)
            : nil
        var keys: [SearchQuery.Field: [[UInt8]]] = [:]
        var references: [SearchQuery.Field: [[Int32]]] = [:]
        for field in SearchQuery.Field.allCases {
            let n = try r.count()
            var entityKeys: [[UInt8]] = []
            for _ in 0..<n { entityKeys.append(try r.byteArray()) }
            let counts = try r.int32Array(), flat = try r.int32Array()
            guard counts.count == documents.count, counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, { $0 + Int($1) }) == flat.count,
                  flat.allSatisfy({ $0 >= 0 && Int($0) < n }) else {
                throw BinaryReader.Corrupt(description: "index: bad \(field) references")
            }
            var refs: [[Int32]] = []
            refs.reserveCapacity(counts.count)
            var at = 0
            for c in counts {
                refs.append(Array(flat[at..<(at + Int(c))]))
                at += Int(c)
            }
            keys[field] = entityKeys
            references[field] = refs
        }
        self.init(documents: documents, corpus: corpus, words: words, characters: characters, keys: keys, references: references)
    }
}

extension ByteCorpus {
    func encode(to w: inout BinaryWriter) {
        w.byteArray(bytes)
        w.intArray(starts)
        w.intArray(frequency)
        for masks in [letters, wordStartLetters, wholeWordLetters] { w.intArray(masks.map { Int(bitPattern: UInt($0)) }) }
    }

    init(decoding r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        try self.init(bytes: r.byteArray(), starts: r.intArray(), frequency: r.intArray(),
                      letters: r.intArray().map { UInt64(UInt(bitPattern: $0)) },
                      wordStartLetters: r.intArray().map { UInt64(UInt(bitPattern: $0)) },
                      wholeWordLetters: r.intArray().map { UInt64(UInt(bitPattern: $0)) })
    }
}
