// libFuzzer target for the importers (iCalendar and CSV): any bytes give a valid catalog
// or located errors; never a crash, a hang or a catalog that breaks the rules. Built by
// scripts/fuzz.sh (target `ics`).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        if let catalog = try Importer.catalog(bytes, file: "fuzz.ics", format: .ics, timeZone: "UTC") {
            precondition(catalog.integrityProblem() == nil, "an imported feed that breaks the rules")
        }
    } catch {
        precondition(!error.issues.isEmpty, "an error without a problem")
    }
    do {
        let (catalog, _) = try CSVImport.catalog(bytes, file: "fuzz.csv", timeZone: "UTC", keepGoing: true)
        precondition(catalog.integrityProblem() == nil, "an imported spreadsheet that breaks the rules")
    } catch {
        precondition(!error.issues.isEmpty, "an error without a problem")
    }
    return 0
}
