import FestivalLibrary
import FestivalText
import TextGrid

/// What happens to the state: a key, a mouse event or a new terminal size.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resize(Size)
}

/// Work for the shell around the pure core.
public enum Effect: Equatable, Sendable {
    case quit
    case suspend
    case redraw
    case openURL(String)
    /// Put text on the clipboard (the terminal's, via OSC 52).
    case copy(String)
    /// Write the list to a file (the shell picks the path and says where).
    case export(ExportRequest)
    /// Save this change to the shelf file.
    case saveShelf(ShelfChange)
    /// Edit a note: in $EDITOR, or (the shell calls `editNoteInline`) on the bottom line.
    case editNote(ShelfItem, String)
}

/// The one way state changes: `update(&state, action)` returns the effects to run.
public func update(_ state: inout AppState, _ action: Action, keymap: Keymap = .standard) -> [Effect] {
    switch action {
    case .resize(let size):
        state.size = size
        Navigator.clamp(&state)
        return []
    case .key(.resize):
        return []
    case .key(let key):
        state.message = nil
        if state.showHelp {
            state.showHelp = false
            if key == .char("q") || key == .escape || key == .char("?") || key == .function(1) { return [] }
        }
        if state.find?.editing == true { return Finder.edit(&state, key) }
        if state.noteEditor != nil { return ShelfActions.editNote(&state, key) }
        if state.ratingPending { return ShelfActions.finishRating(&state, key) }
        if state.exportPending { return ExportList.finish(&state, key) }
        if state.screen == .search && state.search.editing { return SearchController.edit(&state, key) }
        if case .mouse(let event) = key { return Navigator.mouse(&state, event) }
        guard let command = keymap.command(for: key, on: state.screen.kind) else { return [] }
        return perform(&state, command)
    }
}

/// Runs one command from the keymap.
func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
    let height = Layout(size: state.size, screen: state.screen).contentHeight
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
    case .find: state.find = FindState()
    case .search: SearchController.open(&state, scope: state.screen == .search ? state.search.scope : .everything)
    case .searchQuotes: SearchController.open(&state, scope: .quotes)
    case .findNext: Finder.step(&state, forward: true)
    case .findPrevious: Finder.step(&state, forward: false)
    case .sort: Filters.cycleSort(&state)
    case .filterAward: Filters.cycleAward(&state)
    case .filterStyle: Filters.cycleStyle(&state)
    case .filterSpeaker: Filters.cycleSpeaker(&state)
    case .filterTopic: Filters.cycleTopic(&state)
    case .clearFilters: Filters.clear(&state)
    case .toggleLanguage:
        state.language = state.language.other
        Navigator.clamp(&state)
        Finder.refresh(&state)
    case .export: return ExportList.start(&state)
    case .favorite: return ShelfActions.favorite(&state)
    case .watched: return ShelfActions.watched(&state)
    case .rate: return ShelfActions.startRating(&state)
    case .note: return ShelfActions.note(&state)
    case .sectionShelf: Navigator.switchSection(&state, to: .shelf)
    case .openLink:
        guard let url = Actions.link(state) else {
            state.message = UIString.noLink.text(state.language)
            return []
        }
        return [.openURL(url)]
    case .copy:
        guard let clip = Actions.clip(state) else {
            state.message = UIString.nothingToCopy.text(state.language)
            return []
        }
        state.message = UIString.copied.text(state.language) + clip.what
        return [.copy(clip.text)]
    case .help: state.showHelp = true
    case .quit:
        state.quitting = true
        return [.quit]
    case .suspend: return [.suspend]
    case .redraw: return [.redraw]
    }
    return []
}
