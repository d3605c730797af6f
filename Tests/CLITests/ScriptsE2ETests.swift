import Foundation
import Testing

/// Letters of every script reach a real terminal (tmux, whose widths are the C
/// library's, as ncurses's are) whole, in the columns festival laid out; the CLI's
/// tables line up the same way.
@Suite(.serialized) struct ScriptsE2ETests {
    static let title = "हिन्दी फ़िल्म น้ำ ｶﾞｷﾞ ䷀ 🇹🇼 👨‍👩‍👧"
    /// What a terminal is given: the family as its parts side by side.
    static let drawn = "हिन्दी फ़िल्म น้ำ ｶﾞｷﾞ ䷀ 🇹🇼 👨👩👧"

    static func catalog(in dir: URL) throws -> String {
        let minimal = try String(contentsOf: CLITests.packageRoot.appending(path: "Tests/Fixtures/minimal.json"), encoding: .utf8)
        let file = dir.appending(path: "scripts.json")
        try minimal.replacingOccurrences(of: "Second Wind 👨‍👩‍👧 🎬", with: title).write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func everyLetterReachesTheTerminalInItsColumns() async throws {
        let tmux = try Tmux()
        let catalog = try Self.catalog(in: tmux.dir)
        try await tmux.start("\(CLITests.binary.path) --lang en --catalog \(catalog)", width: 96, height: 20,
                             env: ["TERM": "xterm-256color"])
        let screen = try await tmux.waitFor("Ana Núñez")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("हिन्दी") })
        #expect(row.contains(Self.drawn))
        // The director column starts where it does on the other film's row: no shift.
        let rows = screen.split(separator: "\n").filter { $0.contains("Ana Núñez") || $0.contains("Bo Li") }
        let columns = try rows.map { row -> Int in
            let prefix = try #require(row.range(of: "Ana Núñez") ?? row.range(of: "Bo Li")).lowerBound
            return try Self.width(String(row[..<prefix]))
        }
        #expect(columns.count == 2 && Set(columns).count == 1, "\(rows)")
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func theCLITableLinesUp() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-scripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try await CLITests.run(["films", "--catalog", try Self.catalog(in: dir)])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        let row = try #require(lines.first { $0.contains("हिन्दी") })
        #expect(row.contains(Self.drawn))
        // The director column starts at the same terminal column on every line.
        let starts = try lines.map { line -> Int in
            let at = try #require(line.range(of: "DIRECTOR") ?? line.range(of: "Ana Núñez")).lowerBound
            return try Self.width(String(line[..<at]))
        }
        #expect(Set(starts).count == 1, "\(lines)")
    }

    /// The columns `text` takes by the C library's wcwidth (what tmux and ncurses use).
    static func width(_ text: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import ctypes, locale, sys
            locale.setlocale(locale.LC_ALL, 'C.UTF-8')
            libc = ctypes.CDLL('libc.so.6')
            print(sum(max(0, libc.wcwidth(ctypes.c_wchar(c))) for c in sys.argv[1]))
            """, text]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
