import Testing
@testable import FestivalTOML

/// What toml-test does not cover: positions, hostile sizes and bytes, exact keys.
@Suite struct TOMLParserTests {
    func error(_ bytes: [UInt8]) -> TOMLError? {
        do {
            _ = try TOMLDocument.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    func error(_ text: String) -> TOMLError? { error(Array(text.utf8)) }

    @Test func everyKeyAndValueHasItsPosition() throws {
        let doc = try TOMLDocument.parse("a = 1\n[t]\n  b.c = \"x\"\n  list = [\n    true, { d = 2 } ]\n")
        let a = try #require(doc.root["a"])
        #expect(a.keyPosition == TOMLPosition(line: 1, column: 1) && a.position == TOMLPosition(line: 1, column: 5))
        let t = try #require(doc.root["t"]?.table)
        let c = try #require(t["b"]?.table?["c"])
        #expect(c.keyPosition == TOMLPosition(line: 3, column: 5) && c.position == TOMLPosition(line: 3, column: 9))
        let list = try #require(t["list"]?.array?.items)
        #expect(list.map(\.position) == [TOMLPosition(line: 5, column: 5), TOMLPosition(line: 5, column: 11)])
        #expect(list[1].table?["d"]?.position == TOMLPosition(line: 5, column: 17))
        #expect(doc.root.entries.map(\.key) == ["a", "t"], "in the order written")
    }

    @Test func nulAnywhereIsALocatedError() throws {
        // Before: toml++ stopped at the NUL and said the rest was fine, or crashed in a quoted key.
        for (text, line, column) in [("mouse = true\0\nkeys = 1\n", 1, 13), ("\"a\0b\" = 1\n", 1, 3),
                                     ("a = \"x\0\"\n", 1, 7), ("# c\0\n", 1, 4), ("a = '''\n\0'''", 2, 1), ("\0", 1, 1)] {
            let e = try #require(error(text), "\(text.debugDescription)")
            #expect(e.position == TOMLPosition(line: line, column: column), "\(text.debugDescription): \(e)")
            #expect(e.message.contains("U+0000"), "\(e)")
        }
    }

    @Test func otherEncodingsAreNamed() throws {
        let utf16 = try #require(error([0xFF, 0xFE] + Array("a = 1\n".utf8).flatMap { [$0, 0] }))
        #expect(utf16.position == TOMLPosition(line: 1, column: 1) && utf16.message.contains("UTF-16"))
        let noBOM = try #require(error(Array("a = 1\n".utf8).flatMap { [$0, 0] }))
        #expect(noBOM.message.contains("UTF-16"))
        let latin1 = try #require(error(Array("a = 1\nb = \"caf".utf8) + [0xE9, 0x22]))
        #expect(latin1.position == TOMLPosition(line: 2, column: 9) && latin1.message.contains("UTF-8"), "\(latin1)")
        #expect(try TOMLDocument.parse([0xEF, 0xBB, 0xBF] + Array("a = 1".utf8)).root["a"]?.integer == 1, "a UTF-8 BOM is skipped")
    }

    @Test func twentyThousandDottedSegmentsParse() throws {
        // Before: 26–32 s and 470 MB in toml++ (quadratic); now one pass.
        let key = (0..<20_000).map { "k\($0)" }.joined(separator: ".")
        var table = try TOMLDocument.parse(key + " = 1\n").root
        for n in 0..<19_999 { table = try #require(table["k\(n)"]?.table) }
        #expect(table["k19999"]?.integer == 1)
        // The same depth as a header, and a second key beside it.
        let doc = try TOMLDocument.parse("[" + key + "]\nx = 2\n")
        #expect(doc.root["k0"]?.table?.count == 1)
    }

    @Test func deepNestingIsRefusedNotAStackOverflow() throws {
        let e = try #require(error("a = " + String(repeating: "[", count: 100_000)))
        #expect(e.message.contains("nested"), "\(e)")
        #expect(e.position == TOMLPosition(line: 1, column: 5 + TOMLParser.maxNesting))
        let inline = try #require(error("a = " + String(repeating: "{b=", count: 100_000)))
        #expect(inline.message.contains("nested"))
        #expect(try TOMLDocument.parse("a = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).root["a"] != nil)
    }

    @Test func keysAreComparedByTheirBytes() throws {
        // "é" precomposed and "e" + combining acute are two keys to TOML (one to Swift's ==).
        let doc = try TOMLDocument.parse("\"\u{E9}\" = 1\n\"e\u{301}\" = 2\n")
        #expect(doc.root.count == 2)
        #expect(doc.root["\u{E9}"]?.integer == 1 && doc.root["e\u{301}"]?.integer == 2)
        #expect(error("a = 1\n\"a\" = 2\n")?.position == TOMLPosition(line: 2, column: 1))
    }

    @Test func tomlOneOneValues() throws {
        let doc = try TOMLDocument.parse("""
            esc = "\\e[0m \\x41"
            t = 07:32
            dt = 1979-05-27 07:32Z
            inline = {
              a = 1,  # comments and line breaks inside
              b = 2,
            }
            """)
        #expect(doc.root["esc"]?.string == "\u{1B}[0m A")
        if case .dateTime(let d)? = doc.root["t"]?.value { #expect(d.text == "07:32:00" && d.kind == .localTime) } else { Issue.record("t") }
        if case .dateTime(let d)? = doc.root["dt"]?.value { #expect(d.text == "1979-05-27T07:32:00Z") } else { Issue.record("dt") }
        #expect(doc.root["inline"]?.table?.count == 2)
    }

    @Test func errorsNameTheProblem() {
        #expect(error("a = 1979-02-30")?.message.contains("not a real date") == true)
        #expect(error("a = 9223372036854775808")?.message.contains("64 bits") == true)
        #expect(error("a = \"\\q\"")?.message.contains("not an escape") == true)
        #expect(error("a = \"\\uD800\"")?.message.contains("Unicode scalar") == true)
        #expect(error("[a]\n[a]")?.position == TOMLPosition(line: 2, column: 2))
        #expect(error("a = {b = 1}\na.c = 2")?.message.contains("inline table") == true)
        #expect(error("a = 1 b = 2")?.position == TOMLPosition(line: 1, column: 7))
    }
}
