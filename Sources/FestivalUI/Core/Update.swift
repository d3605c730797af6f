import FestivalCatalog
import FestivalLibrary
import FestivalSchedule
import Foundation
import FestivalText
import TextGrid

/// What happens to the state: input from the user and the terminal, and the results of
/// the effects the shell ran (Bubble Tea's messages). Nothing else changes `AppState`.
public enum Action: Sendable {
    case key(Key)
    case resize(Size)
    /// The start of a catalog (festival, people, films; the quotes still to come), which the
    /// shell opens the browser on; once a catalog is shown it changes nothing.
    case catalogStart(Catalog)
    /// While only the catalog's start is shown: how far the rest has loaded (when known).
    case catalogProgress(Double?)
    /// The whole catalog, loaded and valid, replacing its start (the place, the selection
    /// and everything typed stay).
    case catalogLoaded(Catalog)
    /// The search index is ready (built or read from the cache by the shell).
    case libraryReady(Library)
    /// The catalog file had changed since it was cached: the catalog read from it replaces
    /// the one shown, with its index; everything of the user's stays (language, section,
    /// places that still exist, shelf, search history, export directory).
    case catalogReloaded(Library)
    /// The rest of a catalog shown from its start is not valid: the browser ends, and the
    /// shell prints the located error once the terminal is restored.
    case catalogFailed(CatalogError)
    /// The shelf as the shell loaded it at start, with a message when the file was unusable.
    case shelfLoaded(Shelf, message: String?)
    /// A `saveShelf` ran: the shelf as the file now holds it (another instance's changes
    /// included), or why it could not be saved.
    case shelfSaved(Shelf)
    case shelfSaveFailed(String)
    /// `editNote` ran in $VISUAL/$EDITOR: the text it came back with, or how it failed (the
    /// note then stays as it was).
    case noteEdited(ShelfItem, NoteEdit)
    /// `editNote` found no editor: edit on the bottom line instead.
    case noEditor(ShelfItem, String)
    /// An `export` ran: where it went and how many items it holds, or why it failed.
    case exported(paths: [String], count: Int)
    case exportFailed(String)
    /// An `openURL` ran: handed to the browser; or no browser was found (`failure` nil) or
    /// the one found failed.
    case opened(String)
    case notOpened(String, failure: ProgramFailure?)
    /// Jumps (for `festival render`, tests and deep links): show a screen; open the search
    /// with a query typed.
    case show(Screen)
    case showSearch(String, SearchScope)
    /// The schedule on a local day (its first page when the day has no screenings).
    case showScheduleDay(PartialDate)
    /// Earlier searches as the history file holds them (at start, and after each
    /// `rememberQuery`, another instance's included), or why the file could not be written.
    case searchHistory([String])
    case searchHistoryNotSaved(String)
    /// A `plan` ran: the plan, or why none exists.
    case planned(Result<PlanOutcome, PlanFailure>)
}

/// Work for the shell around the pure core; each one's result comes back as an `Action`.
public enum Effect: Equatable, Sendable {
    case quit
    case suspend
    case redraw
    case openURL(String)
    /// Put text on the clipboard (the terminal's, via OSC 52).
    case copy(String)
    /// Write the list to files (the shell picks the paths and says where).
    case export(ExportRequest)
    /// Apply this change to the shelf file, stamped `at`.
    case saveShelf(ShelfChange, at: Date)
    /// Edit a note in $VISUAL/$EDITOR (`noteEdited`), or say there is none (`noEditor`).
    case editNote(ShelfItem, String)
    /// Add a finished query to the history file (`searchHistory` or `searchHistoryNotSaved`).
    case rememberQuery(String)
    /// Make a plan for this shelf in the background (`planned`).
    case plan(Shelf, PlanRequest)
}

/// The one way state changes: `update(&state, action, now:)` returns the effects to run.
/// `now` is the wall clock's time, read by the shell (shelf changes are stamped with it).
public func update(_ state: inout AppState, _ action: Action, now: Date, keymap: Keymap = .standard) -> [Effect] {
    let history = state.search.history
    var effects = apply(&state, action, now: now, keymap: keymap)
    // A query was remembered: the file keeps it too.
    if case .searchHistory = action {} else if state.search.history != history, let query = state.search.history.last {
        effects.append(.rememberQuery(query))
    }
    // A typing mode ends when what it types into is gone.
    if state.mode == .find && state.find == nil { state.mode = .browse }
    if state.mode == .search && state.screen != .search { state.mode = .browse }
    return effects
}

/// A paste where no field is open runs no command: on a list or a page it opens the search
/// with the pasted text as its query; where one key is awaited (help, a rating, the export
/// format) it is refused with a message.
private func pasteOutsideAField(_ state: inout AppState, _ text: String) -> [Effect] {
    guard state.mode == .browse else {
        state.message = UIString.pasteIgnored.text(state.language)
        return []
    }
    SearchController.open(&state, scope: state.screen == .search ? state.search.scope : .everything)
    state.search.field = TextField()
    return SearchController.edit(&state, .paste(text))
}

private func apply(_ state: inout AppState, _ action: Action, now: Date, keymap: Keymap) -> [Effect] {
    switch action {
    case .resize(let size):
        state.size = size
        Navigator.clamp(&state)
        return []
    case .key(.resize):
        return []
    case .key(.paste(let text)) where !state.mode.hasField:
        return pasteOutsideAField(&state, text)
    case .key(.alt(let c)) where !TextField.usesAlt(c, in: state.mode):
        // Esc and a key typed together arrive as Alt with it: where Alt means nothing, both.
        return update(&state, .key(.escape), now: now, keymap: keymap) + update(&state, .key(.char(c)), now: now, keymap: keymap)
    case .key(let key):
        state.message = nil
        switch state.mode {
        case .help:
            if HelpOverlay.key(&state, key, keymap: keymap) { return [] }
        case .find: return Finder.edit(&state, key)
        case .note(let editor): return ShelfActions.editNote(&state, editor, key, now: now)
        case .rating: return ShelfActions.finishRating(&state, key, now: now)
        case .exportFormat: return ExportList.pickFormat(&state, key, now: now)
        case .exportPath(let prompt): return ExportList.editPath(&state, prompt, key)
        case .search: return SearchController.edit(&state, key)
        case .picker(let picker): return Filters.pick(&state, picker, key)
        case .priority(let films): return PlanActions.finishPriority(&state, films, key, now: now)
        case .planPreview(let preview): return PlanActions.previewKey(&state, preview, key, now: now)
        case .browse: break
        }
        if case .mouse(let event) = key { return Navigator.mouse(&state, event) }
        guard let command = keymap.command(for: key, on: state.screen.kind) else { return [] }
        return perform(&state, command, now: now)
    case .catalogStart:
        return []
    case .catalogFailed:
        state.quitting = true
        return [.quit]
    case .catalogProgress(let fraction):
        if state.loading != nil { state.loading?.fraction = fraction }
    case .catalogLoaded(let catalog):
        state.catalog = catalog
        state.loading = nil
        Navigator.clamp(&state)
    case .libraryReady(let library):
        if state.loading != nil {
            state.catalog = library.catalog
            state.loading = nil
            Navigator.clamp(&state)
        }
        state.library = library
        if state.screen == .search { SearchController.run(&state, narrowing: false) }
    case .catalogReloaded(let library):
        Navigator.replaceCatalog(&state, with: library)
        state.message = UIString.catalogReloaded.text(state.language)
    case .shelfLoaded(let shelf, let message):
        state.shelf = shelf
        state.message = message
    case .shelfSaved(let shelf):
        state.shelf = shelf
    case .shelfSaveFailed(let message):
        state.message = message
    case .noteEdited(let item, .edited(let text)):
        state.noteDrafts[item] = nil
        if text == state.shelf.note(item) ?? "" {
            state.message = UIString.noteUnchanged.text(state.language)
            return []
        }
        return ShelfActions.change(&state, .note(item, text), now: now, message: .noteSaved)
    case .noteEdited(_, .failed(let failure)):
        state.message = UIString.editorFailed.text(state.language) + failure.text(state.language) + UIString.noteKept.text(state.language)
    case .noEditor(let item, let text):
        state.mode = .note(NoteEditor(item: item, field: TextField(text)))
    case .searchHistory(let queries):
        if state.search.historyCursor == nil { state.search.history = Array(queries.suffix(SearchState.maxHistory)) }
        return []
    case .searchHistoryNotSaved(let reason):
        state.message = UIString.historyNotSaved.text(state.language) + reason
        return []
    case .exported(let paths, let count):
        state.message = UIString.exported.text(state.language) + paths.joined(separator: UIString.comma.text(state.language))
            + Format.parenthetical(String(count), state.language)
    case .exportFailed(let reason):
        state.message = reason
    case .opened(let url):
        state.message = UIString.opened.text(state.language) + url
    case .notOpened(let url, nil):
        state.message = UIString.noBrowser.text(state.language) + url
    case .notOpened(let url, let failure?):
        let l = state.language
        state.message = UIString.browserFailed.text(l) + failure.text(l) + UIString.theLink.text(l) + url
    case .show(let screen):
        Navigator.show(&state, screen)
    case .showScheduleDay(let day):
        Navigator.show(&state, .schedule)
        PlanActions.day(&state, by: (state.timetable.days.firstIndex(of: day) ?? 0) - state.planning.day)
    case .planned(let result):
        PlanActions.planned(&state, result)
    case .showSearch(let text, let scope):
        SearchController.open(&state, scope: scope)
        state.search.field = TextField(text)
        SearchController.run(&state, narrowing: false)
    }
    return []
}

/// Runs one command from the keymap.
func perform(_ state: inout AppState, _ command: Command, now: Date) -> [Effect] {
    let height = Layout(state).contentHeight
    switch command {
    case .down: Navigator.move(&state, by: 1)
    case .up: Navigator.move(&state, by: -1)
    case .pageDown: Navigator.page(&state, by: height)
    case .pageUp: Navigator.page(&state, by: -height)
    case .halfDown: Navigator.page(&state, by: max(1, height / 2))
    case .halfUp: Navigator.page(&state, by: -max(1, height / 2))
    case .top: Navigator.jump(&state, toEnd: false)
    case .bottom: Navigator.jump(&state, toEnd: true)
    case .open: return Navigator.open(&state)
    case .back: Navigator.back(&state)
    case .nextSection: Navigator.switchSection(&state, by: 1)
    case .previousSection: Navigator.switchSection(&state, by: -1)
    case .sectionFilms: Navigator.switchSection(&state, to: .films)
    case .sectionQuotes: Navigator.switchSection(&state, to: .quotes)
    case .sectionPeople: Navigator.switchSection(&state, to: .people)
    case .sectionFestival: Navigator.switchSection(&state, to: .festival)
    case .find:
        state.find = FindState()
        state.mode = .find
    case .search: SearchController.open(&state, scope: state.screen == .search ? state.search.scope : .everything)
    case .searchQuotes: SearchController.open(&state, scope: .quotes)
    case .findNext: Finder.step(&state, forward: true)
    case .findPrevious: Finder.step(&state, forward: false)
    case .sort: Filters.cycleSort(&state)
    case .filterAward: Filters.choose(.award, &state)
    case .filterStyle: Filters.choose(.style, &state)
    case .filterSpeaker: Filters.choose(.speaker, &state)
    case .filterTopic: Filters.choose(.topic, &state)
    case .clearFilters: Filters.clear(&state)
    case .togglePreview:
        state.showsPreview.toggle()
        if state.size.width < Layout.previewFromWidth { state.message = UIString.previewNeedsWidth.text(state.language) }
        Navigator.clamp(&state)
    case .toggleLanguage:
        state.language = state.language.other
        Navigator.clamp(&state)
        Finder.refresh(&state)
    case .export: return ExportList.start(&state)
    case .favorite: return ShelfActions.favorite(&state, now: now)
    case .watched: return ShelfActions.watched(&state, now: now)
    case .rate: return ShelfActions.startRating(&state)
    case .note: return ShelfActions.note(&state)
    case .sectionShelf: Navigator.switchSection(&state, to: .shelf)
    case .openLink:
        guard let url = Selection.link(state) else {
            state.message = UIString.noLink.text(state.language)
            return []
        }
        return [.openURL(url)]
    case .copy:
        guard let clip = Selection.clip(state) else {
            state.message = UIString.nothingToCopy.text(state.language)
            return []
        }
        state.message = UIString.copied.text(state.language) + clip.what
        return [.copy(clip.text)]
    case .help:
        state.mode = .help
        state.helpScroll = 0
    case .quit:
        state.quitting = true
        return [.quit]
    case .suspend: return [.suspend]
    case .redraw: return [.redraw]
    case .sectionSchedule: Navigator.switchSection(&state, to: .schedule)
    case .myPlan: Navigator.show(&state, .myPlan)
    case .priority: return PlanActions.startPriority(&state)
    case .pick: return PlanActions.pick(&state, now: now)
    case .ticket: return PlanActions.ticket(&state, now: now)
    case .plan: return PlanActions.plan(&state, now: now)
    case .undoPlan: return PlanActions.undo(&state, now: now)
    case .nextDay: PlanActions.day(&state, by: 1)
    case .previousDay: PlanActions.day(&state, by: -1)
    }
    return []
}
