import BuiltinCatalog
import FestivalCatalog
import FestivalLibrary
import Foundation
import Testing
import TextGrid
@testable import FestivalUI

/// Shared fixtures and the golden-file snapshot check.
enum UITestSupport {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let snapshots = testsDir.appending(path: "Snapshots")

    static let builtin: Catalog = try! CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8), file: BuiltinCatalog.displayName)
    static let minimal: Catalog = try! CatalogLoader.load(path: testsDir.deletingLastPathComponent().appending(path: "Fixtures/minimal.json").path)

    /// The libraries of the two fixtures, indexed once.
    static let builtinLibrary = Library(indexing: builtin)
    static let minimalLibrary = Library(indexing: minimal)

    /// The test clock: every `update` here runs at this instant.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A state as the browser has it once its index is ready.
    static func state(_ catalog: Catalog = builtin, _ language: Language = .en, width: Int = 80, height: Int = 24) -> AppState {
        let library = catalog == builtin ? builtinLibrary : catalog == minimal ? minimalLibrary : Library(indexing: catalog)
        return AppState(catalog: catalog, language: language, size: Size(width: width, height: height), library: library)
    }

    /// Applies keys in order and returns all effects.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .key($0), now: now) }
    }

    /// Sends an action at the test clock's time.
    @discardableResult
    static func send(_ state: inout AppState, _ action: Action, keymap: Keymap = .standard) -> [Effect] {
        update(&state, action, now: now, keymap: keymap)
    }

    /// The canvas as text with each run of highlighted cells between ⟦ and ⟧, so snapshots
    /// show what a search marked.
    static func highlightedText(_ canvas: Canvas) -> String {
        (0..<canvas.height).map { y in
            var line = ""
            var inside = false
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                // The selection bar recolours a row but keeps a match's underline.
                // A find marks matches bold and underlined, the current one also in the
                // highlight color.
                let marked = cell.style.role == .highlight || (cell.style.underline && cell.style.bold)
                    || (cell.style.role == .selection && cell.style.underline)
                if marked != inside { line += marked ? "⟦" : "⟧"; inside = marked }
                if !cell.isContinuation { line += cell.text }
            }
            if inside { line += "⟧" }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Compares rendered text with `Snapshots/NAME.txt`. With SNAPSHOT_RECORD=1 in the
    /// environment, or when the file does not exist yet, writes it instead (and fails when
    /// it was missing, so a new snapshot is always looked at once).
    static func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = snapshots.appending(path: name + ".txt")
        let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        let existing = try? String(contentsOf: file, encoding: .utf8)
        if record || existing == nil {
            try? FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
            try? (text + "\n").write(to: file, atomically: true, encoding: .utf8)
            if existing == nil && !record {
                Issue.record("recorded new snapshot \(name); check it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        if existing != text + "\n" {
            let diff = zip(existing!.split(separator: "\n", omittingEmptySubsequences: false), text.split(separator: "\n", omittingEmptySubsequences: false))
                .enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = diff.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "length differs"
            Issue.record("snapshot \(name) differs (\(where_)); SNAPSHOT_RECORD=1 swift test rewrites it", sourceLocation: sourceLocation)
        }
    }
}

extension AppState {
    /// Jumps to a screen through `update`, as `festival render` does.
    mutating func open(_ screen: Screen) {
        UITestSupport.send(&self, .show(screen))
    }

    /// Opens the search with `text` typed, through `update`.
    mutating func showSearch(_ text: String, scope: SearchScope = .everything) {
        UITestSupport.send(&self, .showSearch(text, scope))
    }

}
