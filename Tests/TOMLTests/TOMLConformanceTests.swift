import Foundation
import Testing
@testable import FestivalTOML

/// toml-test's suite as Debian's `golang-github-burntsushi-toml-dev` installs it (its TOML
/// 1.0 version; `.ci/run` installs the package, `TOML_TEST_DIR` names another copy): each
/// valid file parses to exactly the values of its JSON twin, and each invalid file is
/// refused with an error inside the file — never a crash or a hang. The few files whose
/// verdict TOML 1.1 (what festival reads) changed are listed with the reason.
@Suite(.enabled(if: TOMLTestSuite.root != nil,
                "toml-test's suite is not installed: apt-get install golang-github-burntsushi-toml-dev"))
struct TOMLConformanceTests {
    static var root: URL? { TOMLTestSuite.root }

    /// Invalid in TOML 1.0, valid in 1.1 (the suite installed is 1.0's): file and why.
    static let validSince11: [String: String] = [
        "invalid/datetime/no-secs.toml": "1.1 makes the seconds of a time optional",
        "invalid/inline-table/linebreak-1.toml": "1.1 allows newlines inside inline tables",
        "invalid/inline-table/linebreak-2.toml": "1.1 allows newlines inside inline tables",
        "invalid/inline-table/linebreak-3.toml": "1.1 allows newlines inside inline tables",
        "invalid/inline-table/linebreak-4.toml": "1.1 allows newlines inside inline tables",
        "invalid/inline-table/trailing-comma.toml": "1.1 allows a trailing comma in an inline table",
        "invalid/string/basic-byte-escapes.toml": "1.1 adds the \\xHH escape (and \\e)",
    ]

    /// Every `.toml` file under `valid/` and `invalid/`, relative to the root, sorted.
    static let files: [String] = {
        guard let root else { return [] }
        let walker = FileManager.default.enumerator(atPath: root.path)
        var names: [String] = []
        while let name = walker?.nextObject() as? String {
            if name.hasSuffix(".toml") { names.append(name) }
        }
        return names.sorted()
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: root!.appending(path: name)))
    }

    @Test func theSuiteIsThere() {
        #expect(Self.files.filter { $0.hasPrefix("valid/") }.count >= 90)
        #expect(Self.files.filter { $0.hasPrefix("invalid/") }.count >= 200)
        for name in Self.validSince11.keys { #expect(Self.files.contains(name), "\(name) is listed but not in the suite") }
    }

    @Test(arguments: files.filter { $0.hasPrefix("valid/") })
    func validFileParsesToItsJSON(_ name: String) throws {
        let document: TOMLDocument
        do {
            document = try TOMLDocument.parse(try Self.bytes(name))
        } catch let error as TOMLError {
            Issue.record("\(name): \(error)")
            return
        }
        let expected = try JSONSerialization.jsonObject(with: Data(Self.bytes(String(name.dropLast(5)) + ".json")),
                                                        options: [.fragmentsAllowed])
        let mine = Self.tagged(.table(document.root))
        #expect(Self.same(mine, expected), "\(name)\nparsed:   \(Self.show(mine))\nexpected: \(Self.show(expected))")
    }

    @Test(arguments: validSince11.keys.sorted())
    func fileValidSince11Parses(_ name: String) throws {
        #expect(throws: Never.self, "\(name): \(Self.validSince11[name]!)") { try TOMLDocument.parse(try Self.bytes(name)) }
    }

    @Test(arguments: files.filter { $0.hasPrefix("invalid/") && validSince11[$0] == nil })
    func invalidFileIsRefusedWithAPosition(_ name: String) throws {
        let bytes = try Self.bytes(name)
        do {
            _ = try TOMLDocument.parse(bytes)
            Issue.record("\(name) was accepted")
        } catch {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            #expect(error.position.line >= 1 && error.position.line <= lines, "\(name): \(error)")
            #expect(error.position.column >= 1, "\(name): \(error)")
        }
    }

    // MARK: - toml-test's JSON form

    /// Tables as objects, arrays as arrays, everything else as {"type", "value"}.
    static func tagged(_ value: TOMLValue) -> Any {
        switch value {
        case .table(let t):
            var object: [String: Any] = [:]
            for (key, item) in t.entries { object[key] = tagged(item.value) }
            return object
        case .array(let a): return a.items.map { tagged($0.value) }
        case .string(let s): return ["type": "string", "value": s]
        case .integer(let n): return ["type": "integer", "value": String(n)]
        case .float(let x): return ["type": "float", "value": x.isNaN ? "nan" : x.isInfinite ? (x < 0 ? "-inf" : "inf") : "\(x)"]
        case .bool(let b): return ["type": "bool", "value": b ? "true" : "false"]
        case .dateTime(let d):
            let type = switch d.kind {
            case .offsetDateTime: "datetime"
            case .localDateTime: "datetime-local"
            case .localDate: "date-local"
            case .localTime: "time-local"
            }
            return ["type": type, "value": d.text]
        }
    }

    static func same(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? [String: Any], let y = b as? [String: Any] {
            if let tx = x["type"] as? String, let ty = y["type"] as? String, let vx = x["value"] as? String,
               let vy = y["value"] as? String, x.count == 2, y.count == 2 {
                return tx == ty && sameScalar(tx, vx, vy)
            }
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        }
        if let x = a as? [Any], let y = b as? [Any] {
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        }
        return false
    }

    static func sameScalar(_ type: String, _ a: String, _ b: String) -> Bool {
        switch type {
        case "float":
            let x = double(a), y = double(b)
            return x == y || (x.isNaN && y.isNaN)
        case "integer": return Int64(a) == Int64(b)
        case "datetime", "datetime-local", "date-local", "time-local": return normalizedTime(a) == normalizedTime(b)
        default: return a == b
        }
    }

    static func double(_ s: String) -> Double {
        switch s.lowercased() {
        case "inf", "+inf": .infinity
        case "-inf": -.infinity
        case "nan", "+nan", "-nan": .nan
        default: Double(s) ?? .nan
        }
    }

    /// Upper-case T and Z, seconds always, trailing zeros of a fraction dropped.
    static func normalizedTime(_ s: String) -> String {
        var t = s.uppercased().replacingOccurrences(of: " ", with: "T")
        if let dot = t.firstIndex(of: ".") {
            let digitsEnd = t[t.index(after: dot)...].firstIndex { !$0.isNumber } ?? t.endIndex
            var digits = String(t[t.index(after: dot)..<digitsEnd])
            while digits.hasSuffix("0") { digits.removeLast() }
            t = String(t[..<dot]) + (digits.isEmpty ? "" : "." + digits) + String(t[digitsEnd...])
        }
        return t
    }

    static func show(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Where toml-test's suite is, if anywhere.
enum TOMLTestSuite {
    static let debianPath = "/usr/share/gocode/src/github.com/BurntSushi/toml/internal/toml-test/tests"

    static let root: URL? = {
        let path = ProcessInfo.processInfo.environment["TOML_TEST_DIR"] ?? debianPath
        return FileManager.default.fileExists(atPath: path + "/valid") ? URL(fileURLWithPath: path) : nil
    }()
}
