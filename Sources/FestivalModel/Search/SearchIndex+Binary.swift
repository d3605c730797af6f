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
        w.byteArray(corpus.bytes)
        w.intArray(corpus.starts)
        w.intArray(corpus.frequency)
        w.intArray(corpus.letters.map { Int(bitPattern: UInt($0)) })
        w.intArray(corpus.wordStartLetters.map { Int(bitPattern: UInt($0)) })
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
        let corpus = try ByteCorpus(bytes: r.byteArray(), starts: r.intArray(), frequency: r.intArray(),
                                    letters: r.intArray().map { UInt64(UInt(bitPattern: $0)) },
                                    wordStartLetters: r.intArray().map { UInt64(UInt(bitPattern: $0)) })
        guard corpus.count == documents.count else { throw BinaryReader.Corrupt(description: "index: corpus and documents differ") }
        var keys: [SearchQuery.Field: [[UInt8]]] = [:]
        var references: [SearchQuery.Field: [[Int32]]] = [:]
        for field in SearchQuery.Field.allCases {
            let n = try r.count()
            var entityKeys: [[UInt8]] = []
            for _ in 0..<n { entityKeys.append(try r.byteArray()) }
            let counts = try r.int32Array(), flat = try r.int32Array()
            guard counts.count == documents.count, counts.reduce(0, { $0 + Int($1) }) == flat.count,
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
        self.init(documents: documents, corpus: corpus, keys: keys, references: references)
    }
}
