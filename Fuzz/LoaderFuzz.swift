// libFuzzer target for the catalog loader: any bytes in, a catalog or a located error
// out; never a crash, hang or unbounded recursion. Built by scripts/fuzz.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let catalog = try CatalogLoader.load(bytes: bytes, file: "fuzz.json")
        // What loads must also encode, load again and search without trouble.
        let again = try CatalogLoader.load(bytes: CatalogEncoder.bytes(catalog), file: "again.json")
        precondition(again == catalog, "encode/load round trip changed the catalog")
        _ = SearchIndex(catalog: catalog).search(SearchQuery("a 電"))
    } catch {
        precondition(!error.issues.isEmpty, "an error without issues")
    }
    return 0
}
