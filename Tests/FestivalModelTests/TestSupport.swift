import Foundation
@testable import FestivalCatalog

/// Paths and helpers shared by the model tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appending(path: "Tests/Fixtures")
    static var minimalText: String { try! String(contentsOf: fixtures.appending(path: "minimal.json"), encoding: .utf8) }

    /// Loads catalog text, returning the error's issues (empty on success).
    static func issues(_ text: String) -> [CatalogIssue] {
        issues(Array(text.utf8))
    }

    static func issues(_ bytes: [UInt8]) -> [CatalogIssue] {
        do {
            _ = try CatalogLoader.load(bytes: bytes, file: "test.json")
            return []
        } catch {
            return error.issues
        }
    }

    /// The minimal fixture with one textual replacement, which must apply exactly once.
    static func minimal(replacing old: String, with new: String) -> String {
        let text = minimalText
        precondition(text.components(separatedBy: old).count == 2, "fixture edit '\(old)' must match once")
        return text.replacingOccurrences(of: old, with: new)
    }
}
