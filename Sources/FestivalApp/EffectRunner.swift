import FestivalCatalog
import FestivalLibrary
import FestivalStorage
import FestivalUI
import Foundation

/// Runs the effects that reach outside the program; each returns the action that reports
/// its result to `update`. `SystemEffects` is the real one; tests substitute their own.
/// Sendable: the browser loop runs the slow ones on other threads.
public protocol EffectRunner: Sendable {
    func save(_ change: ShelfChange, at now: Date) -> Action
    func open(_ url: String) -> Action
    func export(_ request: ExportRequest, catalog: Catalog, language: Language, now: Date) -> Action
    /// `outside` runs its body with the terminal given back (for an editor).
    func editNote(_ item: ShelfItem, _ text: String, outside: (() -> Void) -> Void) -> Action
    /// Adds a query to the search history file.
    func rememberQuery(_ query: String) -> Action?
}

extension EffectRunner {
    public func rememberQuery(_ query: String) -> Action? { nil }
}

/// The shelf file, the user's browser and editor, export files.
public struct SystemEffects: EffectRunner {
    public let shelfStore: ShelfStore
    public let environment: [String: String]
    public let history: SearchHistoryFile?

    public init(shelfStore: ShelfStore, environment: [String: String], history: SearchHistoryFile? = nil) {
        self.shelfStore = shelfStore
        self.environment = environment
        self.history = history
    }

    public func rememberQuery(_ query: String) -> Action? {
        guard let history else { return nil }
        do { return .searchHistory(try history.remember(query)) } catch { return .searchHistoryNotSaved("\(error)") }
    }

    /// The store re-reads the file under its lock, so changes another instance made
    /// meanwhile are kept and come back in the saved shelf.
    public func save(_ change: ShelfChange, at now: Date) -> Action {
        do {
            return .shelfSaved(try shelfStore.update { change.apply(to: &$0, at: now) })
        } catch {
            return .shelfSaveFailed("\(error)")
        }
    }

    public func open(_ url: String) -> Action {
        URLOpener.open(url, environment: environment)
    }

    public func export(_ request: ExportRequest, catalog: Catalog, language: Language, now: Date) -> Action {
        ListExporter.write(request, catalog: catalog, language: language, environment: environment)
    }

    public func editNote(_ item: ShelfItem, _ text: String, outside: (() -> Void) -> Void) -> Action {
        guard let editor = ExternalEditor.command(environment) else { return .noEditor(item, text) }
        var edit = NoteEdit.failed(ProgramFailure(program: editor.name, reason: .notStarted))
        outside { edit = ExternalEditor.edit(text, editor: editor) }
        return .noteEdited(item, edit)
    }
}
