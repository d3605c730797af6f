// libFuzzer target for the importers: every input is read as an iCalendar feed, a CSV
// spreadsheet, a frab schedule (XML and JSON) and JSON-LD (a document or a web page); each
// gives a valid catalog or located errors, never a crash, a hang or a catalog that breaks
// the rules. Built by scripts/fuzz.sh (target `import`).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // As the program reads them (UTF-8 checked first); CSV with --keep-going too.
    let readers: [(String, () throws(CatalogError) -> Catalog?)] = [
        ("fuzz.ics", { () throws(CatalogError) in try Importer.catalog(bytes, file: "fuzz.ics", format: .ics, timeZone: "UTC") }),
        ("fuzz.csv", { () throws(CatalogError) in try Importer.read(bytes, file: "fuzz.csv", format: .csv, timeZone: "UTC", keepGoing: true)?.catalog }),
        ("fuzz.xml", { () throws(CatalogError) in try Importer.catalog(bytes, file: "fuzz.xml", format: .frab) }),
        ("fuzz.html", { () throws(CatalogError) in try Importer.catalog(bytes, file: "fuzz.html", format: .jsonld) }),
    ]
    for (name, read) in readers {
        do {
            if let catalog = try read() { precondition(catalog.integrityProblem() == nil, "\(name): an import that breaks the rules") }
        } catch {
            precondition(!error.issues.isEmpty, "\(name): an error without a problem")
        }
    }
    return 0
}
