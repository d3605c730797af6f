// libFuzzer target for the catalog loader: any bytes in, a catalog or a located error
// out; never a crash, hang or unbounded recursion. Built by scripts/fuzz.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The fast path may give up on anything, but what it accepts the slow path must accept
    // as the same catalog.
    let fast = bytes.withUnsafeBufferPointer { FastCatalogDecoder.decode($0) }
    do {
        let catalog = try CatalogLoader.loadSlowly(bytes: bytes, file: "fuzz.json")
        precondition(fast == nil || fast == catalog, "the fast path read another catalog")
        // What loads must also encode, load again and search without trouble.
        let again = try CatalogLoader.load(bytes: CatalogEncoder.bytes(catalog), file: "again.json")
        precondition(again == catalog, "encode/load round trip changed the catalog")
        _ = SearchIndex(catalog: catalog).search(SearchQuery("a 電"))
    } catch {
        precondition(fast == nil, "the fast path accepted what the loader refuses: \(error)")
        precondition(!error.issues.isEmpty, "an error without issues")
    }
    return 0
}
