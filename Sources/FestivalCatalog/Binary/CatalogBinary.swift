import FestivalIO
/// The binary form of a whole `Catalog`, for the cache file (`CatalogCache`).
///
/// Layout: the catalog's fields in declaration order, then a string table, then the length
/// of the fields (UInt64), so the whole can be written as it is encoded, with the table
/// complete only at the end; the decoder reads the table first. A string is a UInt32: with the top bit clear, an index into the table; with it set, the length of
/// the UTF-8 bytes that follow; `UInt32.max` is nil. Strings that repeat (references to
/// people, films, topics and sources, places, enum values) go in the table, so decoding
/// makes each once and then only shares it; strings that are usually unique (ids, quote
/// texts, synopses, names) are written in place, so decoding meets them where they are
/// used. Enums are stored by raw value; optionals by a presence byte.
///
/// Decoding checks everything it reads and throws `BinaryReader.Corrupt` on any
/// inconsistency (truncation, an index outside the table, an unknown enum value, an
/// impossible date, a quote referring to an id the catalog does not define, …); the rest
/// of the catalog's rules are `Catalog.integrityProblem()`'s.
extension Catalog {
    /// Appends the catalog in binary form; `gaps` gets where the quote chunks' bytes are
    /// (each chunk carries its own hash) before they are written.
    package func encode(to w: inout BinaryWriter, gaps: ContentHash.Gaps? = nil) {
        encode(to: &w, quotesPerChunk: CatalogBinaryEncoder.defaultQuotesPerChunk, gaps: gaps)
    }

    func encode(to w: inout BinaryWriter, quotesPerChunk: Int, gaps: ContentHash.Gaps? = nil) {
        let start = w.count
        var body = CatalogBinaryEncoder(w: w)
        body.quotesPerChunk = max(1, quotesPerChunk)
        body.gaps = gaps
        body.catalog(self)
        let fieldsLength = body.w.count - start
        body.table.encode(to: &body.w)
        body.w.int(fieldsLength)
        w = body.w
    }

    /// Reads a catalog `encode(to:)` wrote, which ends at `end` (by default, where the
    /// bytes do); the reader is left there.
    public init(decoding r: inout BinaryReader, end: Int? = nil) throws(BinaryReader.Corrupt) {
        self = try Self.decode(&r, end: end, deferringQuotes: false).catalog
    }

    /// Reads a catalog `encode(to:)` wrote without its quotes, which `DeferredQuotes`
    /// decodes when asked for: the catalog has none (`quotes` is empty).
    public static func decodingDeferringQuotes(_ r: inout BinaryReader, end: Int? = nil) throws(BinaryReader.Corrupt)
    -> (catalog: Catalog, quotes: DeferredQuotes) {
        let decoded = try decode(&r, end: end, deferringQuotes: true)
        return (decoded.catalog, decoded.deferredQuotes!)
    }

    /// A catalog read from a cache file, and where its quote chunks lie in it.
    public struct Decoded: Sendable {
        public var catalog: Catalog
        /// With `deferringQuotes`: the quotes, still in the file (`catalog` has none).
        public var deferredQuotes: DeferredQuotes?
        /// Where the quote chunks' bytes are, ascending (each checked by its own hash, when
        /// it is decoded).
        public var quoteChunks: [Range<Int>]
    }

    /// Reads a catalog `encode(to:)` wrote, with or without its quotes.
    public static func decode(_ r: inout BinaryReader, end: Int? = nil, deferringQuotes: Bool) throws(BinaryReader.Corrupt)
    -> Decoded {
        let start = r.offset, end = end ?? r.source.count
        guard end <= r.source.count, end - start >= 8 else { throw BinaryReader.Corrupt(description: "catalog: too short") }
        var lengthReader = BinaryReader(r.source, offset: end - 8)
        let fieldsLength = try lengthReader.int()
        // Compared by subtraction from what is there: a length near Int.max cannot overflow.
        guard fieldsLength >= 0, fieldsLength <= end - 8 - start else {
            throw BinaryReader.Corrupt(description: "catalog: the fields' length does not fit")
        }
        let tableOffset = start + fieldsLength
        var tableReader = BinaryReader(r.source, offset: tableOffset)
        let strings = try StringTable.decode(&tableReader)
        guard tableReader.offset == end - 8 else { throw BinaryReader.Corrupt(description: "catalog: string table length") }
        var d = CatalogBinaryDecoder(reader: r, strings: strings, tableOffset: tableOffset)
        d.deferQuotes = deferringQuotes
        let c = try d.catalog()
        guard d.r.offset == tableOffset else { throw BinaryReader.Corrupt(description: "catalog: fields length") }
        if let problem = d.references.problem(table: strings, catalog: c) { throw BinaryReader.Corrupt(description: problem) }
        r = BinaryReader(r.source, offset: end)
        let catalog = Catalog(id: c.id, festival: c.festival, topics: c.topics, people: c.people, films: c.films,
                              venues: c.venues, screenings: c.screenings, travel: c.travel, quotes: c.quotes, sources: c.sources)
        let deferred = deferringQuotes
            ? DeferredQuotes(catalog: catalog, source: r.source, chunks: d.quoteChunks, strings: strings, tableOffset: tableOffset)
            : nil
        return Decoded(catalog: catalog, deferredQuotes: deferred, quoteChunks: d.quoteChunks.map(\.bytes))
    }
}

/// Distinct strings in first-use order; equal means byte-for-byte equal (Swift's `==`
/// would merge canonically equivalent spellings, and the cache must give back the exact bytes).
struct StringTable {
    private struct Key: Hashable {
        var value: String
        func hash(into hasher: inout Hasher) {
            var s = value
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        static func == (a: Key, b: Key) -> Bool {
            var x = a.value, y = b.value
            return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && p.elementsEqual(q) } }
        }
    }

    private var positions: [Key: UInt32] = [:]
    private(set) var strings: [String] = []

    /// The index of `s`, adding it when new.
    mutating func index(_ s: String) -> UInt32 {
        let key = Key(value: s)
        if let i = positions[key] { return i }
        let i = UInt32(strings.count)
        positions[key] = i
        strings.append(s)
        return i
    }

    func encode(to w: inout BinaryWriter) {
        w.int32Array(strings.map { Int32($0.utf8.count) })
        var total = 0
        for s in strings { total += s.utf8.count }
        w.count(total)
        w.reserveCapacity(w.count + total + 64)
        for s in strings { w.rawUTF8(s) }
    }

    static func decode(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> [String] {
        let lengths = try r.int32Array()
        let total = try r.count()
        var sum = 0
        for n in lengths {
            guard n >= 0 else { throw BinaryReader.Corrupt(description: "string table: negative length") }
            sum += Int(n)
        }
        guard sum == total else { throw BinaryReader.Corrupt(description: "string table: lengths do not add up") }
        return try r.withBytes(total) { blob in
            var strings: [String] = []
            strings.reserveCapacity(lengths.count)
            var at = 0
            for n in lengths {
                let end = at + Int(n)
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: blob[at..<end]), as: UTF8.self))
                at = end
            }
            return strings
        }
    }
}

/// Writes catalog values: repeated strings as table indexes, unique ones in place.
struct CatalogBinaryEncoder {
    var w: BinaryWriter
    var table = StringTable()
    var quotesPerChunk = CatalogBinaryEncoder.defaultQuotesPerChunk
    /// Where the quote chunks' bytes go, as they are written (see `quotes(_:)`).
    var gaps: ContentHash.Gaps?

    /// A string that repeats: stored once in the table.
    mutating func string(_ s: String) { w.u32(table.index(s)) }

    /// A string that is usually unique: stored in place.
    mutating func unique(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            precondition(utf8.count < Int(CatalogBinaryDecoder.inlineMask - 1), "string too long for the cache")
            w.u32(CatalogBinaryDecoder.inlineMask | UInt32(utf8.count))
        }
        w.rawUTF8(s)
    }

    mutating func optionalString(_ s: String?, unique inPlace: Bool = false) {
        guard let s else { w.u32(CatalogBinaryDecoder.none); return }
        if inPlace { unique(s) } else { string(s) }
    }

    mutating func strings(_ list: [String]) {
        w.count(list.count)
        for s in list { string(s) }
    }

    mutating func enumValue<E: RawRepresentable>(_ e: E) where E.RawValue == String { string(e.rawValue) }

    mutating func text(_ t: LocalizedText, unique inPlace: Bool = false) {
        optionalString(t.zhHant, unique: inPlace)
        optionalString(t.en, unique: inPlace)
    }

    mutating func optionalText(_ t: LocalizedText?, unique inPlace: Bool = false) {
        w.bool(t != nil)
        if let t { text(t, unique: inPlace) }
    }

    mutating func list<T>(_ items: [T], _ encode: (inout CatalogBinaryEncoder, T) -> Void) {
        w.count(items.count)
        for item in items { encode(&self, item) }
    }
}

/// Reads what `CatalogBinaryEncoder` wrote, checking every index and count.
struct CatalogBinaryDecoder {
    /// nil, as a string.
    static let none = UInt32.max
    /// The top bit: a string stored in place, of the length in the other bits.
    static let inlineMask: UInt32 = 0x8000_0000

    var r: BinaryReader
    /// The string table.
    let table: [String]
    /// Where the table is, so other threads can make their own copy (threads sharing
    /// string objects would contend on their reference counts).
    let tableOffset: Int

    /// The ids the quotes decoded so far refer to.
    var references: ReferenceMarks
    /// Whether `quotes()` only reads where the chunks are and returns none.
    var deferQuotes = false
    /// The quotes' chunks, once `quotes()` has read them.
    var quoteChunks: [QuoteChunk] = []

    init(reader: BinaryReader, strings: [String], tableOffset: Int) {
        self.r = reader
        self.table = strings
        self.tableOffset = tableOffset
        self.references = ReferenceMarks(tableCount: strings.count)
    }

    mutating func string() throws(BinaryReader.Corrupt) -> String {
        let raw = try r.u32()
        guard raw != Self.none else { throw BinaryReader.Corrupt(description: "missing string at byte \(r.offset - 4)") }
        return try string(raw)
    }

    mutating func optionalString() throws(BinaryReader.Corrupt) -> String? {
        let raw = try r.u32()
        return raw == Self.none ? nil : try string(raw)
    }

    @inline(__always)
    mutating func string(_ raw: UInt32) throws(BinaryReader.Corrupt) -> String {
        if raw & Self.inlineMask != 0 {
            return try r.withBytes(Int(raw & ~Self.inlineMask)) { String(decoding: $0, as: UTF8.self) }
        }
        let i = Int(raw)
        guard i < table.count else { throw BinaryReader.Corrupt(description: "bad string index \(i) at byte \(r.offset - 4)") }
        return table[i]
    }

    mutating func strings() throws(BinaryReader.Corrupt) -> [String] {
        let n = try r.count(minimumSize: 4)
        var list: [String] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(try string()) }
        return list
    }

    mutating func enumValue<E: RawRepresentable>(_ type: E.Type) throws(BinaryReader.Corrupt) -> E where E.RawValue == String {
        let raw = try string()
        guard let e = E(rawValue: raw) else { throw BinaryReader.Corrupt(description: "bad \(E.self) value '\(raw)'") }
        return e
    }

    mutating func text() throws(BinaryReader.Corrupt) -> LocalizedText {
        let zh = try optionalString()
        return LocalizedText(zhHant: zh, en: try optionalString())
    }

    mutating func optionalText() throws(BinaryReader.Corrupt) -> LocalizedText? {
        try r.bool() ? try text() : nil
    }

    /// A list of items each taking at least `minimumSize` bytes.
    mutating func list<T>(minimumSize: Int, _ decode: (inout CatalogBinaryDecoder) throws(BinaryReader.Corrupt) -> T) throws(BinaryReader.Corrupt) -> [T] {
        let n = try r.count(minimumSize: minimumSize)
        var items: [T] = []
        items.reserveCapacity(n)
        for _ in 0..<n { items.append(try decode(&self)) }
        return items
    }
}
