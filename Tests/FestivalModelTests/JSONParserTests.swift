import Testing
@testable import FestivalCatalog

@Suite struct JSONParserTests {
    func parse(_ s: String) throws(JSONParser.SyntaxError) -> JSONNode { try JSONParser.parse(Array(s.utf8)) }

    @Test func parsesScalarsAndNesting() throws {
        let node = try parse(#"{"a": [1, -2.5, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}}"#)
        guard case .object(let m) = node.value, case .array(let items) = m[0].value.value else {
            Issue.record("expected object with array"); return
        }
        #expect(items.map(\.value) == [.int(1), .double(-2.5), .bool(true), .bool(false), .null, .string("x\né😀")])
        #expect(m[1].key == "b")
    }

    @Test func recordsLinesAndColumns() throws {
        let node = try parse("{\n  \"名\": \"電影\",\n  \"n\": 3\n}")
        guard case .object(let m) = node.value else { Issue.record("not an object"); return }
        #expect((m[0].value.line, m[0].value.column) == (2, 8))
        #expect((m[1].value.line, m[1].value.column) == (3, 8))
    }

    @Test(arguments: [
        ("", 1, 1, "empty"),
        ("{\"a\": }", 1, 7, "expected a value"),
        ("{\"a\": 1,\n \"b\" 2}", 2, 6, "expected ':'"),
        ("[1, 2", 1, 6, "expected ',' or ']'"),
        ("{\"a\": \"x\ny\"}", 1, 9, "unterminated"),
        ("{} x", 1, 4, "after the end"),
        ("01", 1, 2, "leading zero"),
        ("\"\\q\"", 1, 2, "invalid escape"),
    ])
    func reportsSyntaxErrors(input: String, line: Int, column: Int, fragment: String) {
        do {
            _ = try parse(input)
            Issue.record("expected an error for \(input)")
        } catch {
            #expect(error.line == line, "\(input): \(error)")
            #expect(error.column == column, "\(input): \(error)")
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.SyntaxError.self) { try parse(deep) }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try parse(ok) }
    }

    @Test func findsInvalidUTF8() {
        #expect(JSONParser.firstInvalidUTF8(Array("ok 電影".utf8)) == nil)
        let bad: [UInt8] = Array("{\n \"a\": \"".utf8) + [0xFF, 0x22, 0x7D]
        let found = JSONParser.firstInvalidUTF8(bad)
        #expect(found?.line == 2)
        #expect(found?.column == 8)
        #expect(JSONParser.firstInvalidUTF8([0xE9, 0x9B]) != nil)          // truncated sequence
        #expect(JSONParser.firstInvalidUTF8([0xED, 0xA0, 0x80]) != nil)    // encoded surrogate
    }

    @Test func writerRoundTrips() throws {
        let text = #"{"k": ["a\"b", 1, {"z": null}], "中": "\u0007"}"#
        let node = try parse(text)
        let again = try parse(JSONWriter.string(node))
        #expect(node == again)
        #expect(JSONWriter.string(node).contains("\\u0007"))
    }
}

extension JSONParserTests {
    @Test func aStreamedListIsHandedOverElementByElementAndNotKept() throws {
        let text = "{\"a\": 1, \"days\": [{\"n\": 1}, {\"n\": 2}], \"b\": {\"days\": 3}}"
        var seen: [(Int, [String])] = []
        let root = try JSONParser.parse(Array(text.utf8), streaming: ["days"]) { node, before in
            if case .object(let m) = node.value, case .int(let n) = m[0].value.value { seen.append((n, before.map(\.key))) }
        }
        #expect(seen.map(\.0) == [1, 2] && seen.allSatisfy { $0.1 == ["a"] }, "each element, with the members read before it")
        guard case .object(let members) = root.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "days", "b"] && members[1].value.value == .array([]))
        #expect(members[2].value == JSONNode(.object([("days", .int(3))])), "a member of that name that is not a list is kept")
        // A syntax error inside a streamed element is located as anywhere else.
        do { _ = try JSONParser.parse(Array("{\"days\": [{\"n\": 1},\n {\"n\" 2}]}".utf8), streaming: ["days"]) { _, _ in }; Issue.record("parsed") } catch {
            #expect(error.line == 2 && error.column == 7)
        }
    }
}

@Suite struct JSONSurrogateTests {
    @Test(arguments: [
        (#""\ud800\u0041""#, "\u{FFFD}A"), (#""\ud800\ud800\udc00""#, "\u{FFFD}\u{10000}"),
        (#""\udc00x""#, "\u{FFFD}x"), (#""\ud83d\ude00""#, "😀"), (#""\ud800""#, "\u{FFFD}"),
    ])
    func loneSurrogatesBecomeReplacementAndLoseNothing(json: String, expected: String) throws {
        let node = try JSONParser.parse(Array(json.utf8))
        guard case .string(let s) = node.value else { Issue.record("not a string"); return }
        #expect(s == expected)
    }
}
