import FestivalStorage
import Foundation
import Testing

/// The search history file: hostile lines skipped, another instance's queries kept.
@Suite struct SearchHistoryFileTests {
    @Test func hostileLinesAreSkippedAndAnotherWritersQueriesKept() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appending(path: "state/festival/search-history").path
        let file = SearchHistoryFile(path: path, limit: 3)
        #expect(file.load().isEmpty)
        try file.remember("版权")
        // Another instance writes meanwhile, with lines that must not come back.
        var bytes = Array(try String(contentsOfFile: path, encoding: .utf8).utf8)
        bytes += Array("a\u{1B}[31m\n".utf8) + [0xFF, 0xFE, 0x0A] + Array(String(repeating: "x", count: 2000).utf8) + [0x0A]
        bytes += Array("other\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try file.remember("valenzuela") == ["版权", "other", "valenzuela"])
        #expect(try file.remember("版权") == ["other", "valenzuela", "版权"])
        #expect(try file.remember("new") == ["valenzuela", "版权", "new"])     // the newest 3
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A FIFO in its place is refused, not waited on.
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        #expect(file.load().isEmpty)
    }

    @Test func theStandardPathFollowsXDG() {
        #expect(SearchHistoryFile.standardPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/festival/search-history")
        #expect(SearchHistoryFile.standardPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/festival/search-history")
    }
}
