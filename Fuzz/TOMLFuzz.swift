// libFuzzer target for the TOML parser: any bytes give a document or an error located
// inside the input; never a crash, a hang or unbounded recursion. Built by scripts/fuzz.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let document = try TOMLDocument.parse(bytes)
        // Walk what parsed, without recursion (tables may nest 20,000 deep).
        var pending: [TOMLValue] = [.table(document.root)]
        var seen = 0
        while let value = pending.popLast(), seen < 100_000 {
            seen += 1
            switch value {
            case .table(let t): pending += t.entries.map(\.item.value)
            case .array(let a): pending += a.items.map(\.value)
            default: break
            }
        }
    } catch {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
        precondition(error.position.line >= 1 && error.position.line <= lines && error.position.column >= 1,
                     "an error outside the input: \(error)")
    }
    return 0
}
