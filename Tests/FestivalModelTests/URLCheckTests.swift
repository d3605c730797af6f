import Testing
import TextGrid
@testable import FestivalCatalog

/// Which links may be opened (`o`), linked (OSC 8, Markdown) or loaded from a catalog.
@Suite struct URLCheckTests {
    @Test(arguments: ["https://www.youtube.com/watch?v=zpAeygE4d1A", "http://example.org", "HTTPS://EXAMPLE.ORG/a?b=c#d",
                      "https://zh.wikipedia.org/wiki/電影", "https://www.youtube.com/@runwayml"])
    func webURLsPass(url: String) {
        #expect(URLCheck.isWebURL(url))
    }

    @Test(arguments: [
        "javascript:alert(1)", "file:///etc/passwd", "ftp://example.org", "https://", "https:///path",
        "example.org", "https://exa mple.org", "https://example.org/\u{1B}]52;c;SGk=\u{07}", "https://example.org/\u{9B}31m",
        "https://example.org/\u{7F}", "", " https://example.org",
        "https://example.org/\u{202E}gpj.exe", "https://example.org/\u{2066}a", "https://example.org/\u{2028}x",
        "https://example.org/\u{200F}",
        // N12: a user name or password in the authority (what the link seems to go to is not
        // where it goes).
        "https://good.example@evil.example/", "https://user:pass@example.org/", "https://a@b@c/",
    ])
    func everythingElseFails(url: String) {
        #expect(!URLCheck.isWebURL(url))
    }
}
