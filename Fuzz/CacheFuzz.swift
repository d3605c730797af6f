// libFuzzer target for the cache reader: any bytes as a cache file give a catalog and an
// index that fit each other, or `BinaryReader.Corrupt`; never a crash, a hang or an
// allocation the file's size does not justify. Built by scripts/fuzz.sh with `-D FUZZING`,
// which skips the checksums and the quote chunks' hashes (else almost every mutation would stop there) and takes the
// content key from the header (else every mutation would be "made for other content").

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCache(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var key = CatalogCache.Key(hash: 0, byteCount: 0)
    let keyAt = CatalogCache.magic.count + 12
    if bytes.count >= keyAt + 16 {
        var r = BinaryReader(bytes, offset: keyAt)
        if let hash = try? r.u64(), let count = try? r.int() { key = CatalogCache.Key(hash: hash, byteCount: count) }
    }
    // Without the quotes (a cached start, `festival search`), then every chunk asked for:
    // what decodes is what the whole decode gives, whenever that decodes too.
    if let (partial, deferred, _) = try? CatalogCache.decodeCatalog(ByteSource(bytes), key: key, deferringQuotes: true),
       let deferred {
        precondition(partial.quotes.isEmpty, "a start with quotes")
        if (try? deferred.load(0..<deferred.count)) != nil {
            let quotes = (0..<deferred.count).compactMap { deferred.loaded($0) }
            precondition(quotes.count == deferred.count, "a loaded chunk without its quotes")
            if let (whole, _) = try? CatalogCache.decode(bytes, key: key) {
                precondition(whole.quotes == quotes, "deferred quotes that differ from the whole decode")
            }
        }
    }
    guard let (catalog, index) = try? CatalogCache.decode(bytes, key: key) else { return 0 }
    // What decodes must be usable as a loaded catalog is: looked up, searched, shown.
    precondition(index.fits(catalog), "a decoded index that does not fit its catalog")
    for hit in index.search(SearchQuery("a 電 speaker:x")).prefix(50) { _ = hit }
    for film in catalog.films.prefix(50) { _ = catalog.quotes(aboutFilm: film.id).count }
    _ = CatalogEncoder.bytes(catalog)
    return 0
}
