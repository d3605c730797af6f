import Foundation
import Testing

/// The planner in the real terminal: priorities set with `P` on the film list, `A` plans in
/// the background, Enter applies the plan shown, the grid shows the picks, `e i` writes an
/// .ics of My plan, which Python's icalendar reads back as the picks on the shelf.
@Suite(.serialized) struct PlanE2ETests {
    static var binary: String { CLITests.binary.path }

    @Test func prioritiesPlanGridAndCalendar() async throws {
        let tmux = try Tmux()
        let catalog = tmux.dir.appending(path: "fest.json").path
        let generated = try await tmux.sandbox.run(Self.binary, ["generate", "--films", "30", "--quotes", "0", "--seed", "4",
                                                                 "--venues", "4", "--days", "2", "--output", catalog])
        #expect(generated.status == 0)
        try await tmux.start("\(Self.binary) --catalog \(catalog) --lang en", width: 120, height: 40, env: ["TERM": "xterm-256color"])
        _ = try await tmux.waitFor("1/30")
        // Priorities 5, 4 and 3 on the first three films.
        try await tmux.send("P")
        _ = try await tmux.waitFor("Priority 0–5")
        try await tmux.send("5", "j", "P", "4", "j", "P", "3")
        _ = try await tmux.waitFor("Priority set 3")
        try await tmux.send("6")
        _ = try await tmux.waitFor("Schedule · 2030-06-01 · 1/2")
        try await tmux.send("A")
        var screen = try await tmux.waitFor("Enter: apply")
        #expect(screen.contains("added 3") && screen.contains("proven best"), "\(screen)")
        try await tmux.send("Enter")
        _ = try await tmux.waitFor("Plan applied")
        try await tmux.send("M")
        screen = try await tmux.waitFor("My plan · 3 films · weight 28")
        #expect(screen.components(separatedBy: "● 2030-06-0").count - 1 == 3, "\(screen)")
        // Back on the grid, the day's picks are marked.
        try await tmux.send("Escape")
        screen = try await tmux.waitFor("Schedule · 2030-06-0")
        #expect(screen.contains("●"), "\(screen)")
        // Export My plan as iCalendar into the sandbox.
        try await tmux.send("M", "e", "i")
        _ = try await tmux.waitFor("festival-plan-")
        try await tmux.send("C-u")
        try await tmux.type(tmux.dir.appending(path: "plan.ics").path)
        try await tmux.send("Enter")
        _ = try await tmux.waitFor("Exported")
        try await tmux.send("q")
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(await tmux.file("before") == tmux.file("after"))

        let script = """
        import icalendar, sys
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        for e in cal.walk('VEVENT'):
            print(str(e['UID']).split('@')[0], e['DTSTART'].dt.isoformat())
        """
        let parsed = try await tmux.sandbox.run("/usr/bin/env", ["python3", "-c", script, tmux.dir.appending(path: "plan.ics").path])
        #expect(parsed.status == 0, "\(String(decoding: parsed.stderr, as: UTF8.self))")
        let ids = String(decoding: parsed.stdout, as: UTF8.self).split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        let shelf = try await tmux.sandbox.run(Self.binary, ["screenings", "--catalog", catalog, "--lang", "en"])
        let picked = String(decoding: shelf.stdout, as: UTF8.self).split(separator: "\n").filter { $0.hasSuffix("picked") }
            .map { String($0.split(separator: " ")[0]) }
        #expect(ids.count == 3 && Set(ids) == Set(picked), "calendar \(ids), shelf \(picked)")
    }
}
