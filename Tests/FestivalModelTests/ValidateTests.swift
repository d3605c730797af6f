import Testing
@testable import FestivalCatalog

/// What `festival validate` rejects and warns about beyond the format itself.
@Suite struct ValidateTests {
    @Test(arguments: ["2023-02-29", "2023-02-30", "2024-04-31", "2025-06-31", "1900-02-29"])
    func impossibleDatesAreRejected(date: String) {
        #expect(PartialDate(date) == nil)
        let issues = TestSupport.issues(TestSupport.minimal(replacing: "\"date\": null}", with: "\"date\": \"\(date)\"}"))
        #expect(issues.contains { $0.message.contains("is not a date") }, "\(issues)")
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2025-06-30", "2025-12-31"])
    func realDatesPass(date: String) {
        #expect(PartialDate(date)?.description == date)
    }

    @Test func urlsWithTwoAtSignsOrBidiAreRejected() {
        for url in ["https://good.example@evil.example@x/", "https://example.org/\\u202Egpj", "https://example.org/\\u2028"] {
            let issues = TestSupport.issues(TestSupport.minimal(replacing: "\"https://example.org/first\"", with: "\"\(url)\""))
            #expect(issues.contains { $0.message.contains("is not an http(s) URL") && $0.path == "films[0].links[0].url" }, "\(issues)")
        }
    }

    @Test func lintFindsControlsBidiAndInvisibleText() throws {
        let text = TestSupport.minimal(replacing: "\"en\": \"Film is light.\"", with: "\"en\": \"Film\\u001b[2J \\u202eis light\"")
            .replacingOccurrences(of: "\"en\": \"critic\"", with: "\"en\": \"\\u200b \\u2060\"")
        let root = try JSONParser.parse(Array(text.utf8))
        let warnings = CatalogLint.warnings(root, file: "t.json")
        #expect(warnings.map(\.path).sorted() == ["people[1].title.en", "quotes[0].text.en"], "\(warnings)")
        #expect(warnings.allSatisfy { $0.line != nil && $0.column != nil })
        #expect(warnings.contains { $0.message.contains("U+001B") })
        #expect(warnings.contains { $0.message.contains("empty once invisible") })
        #expect(CatalogLint.problem("👨‍👩‍👧 電影") == nil)          // a zero-width joiner inside an emoji is fine
        #expect(CatalogLint.problem("a\u{202E}b")?.contains("bidi") == true)
    }
}
