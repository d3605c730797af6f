import FestivalLibrary
import FestivalText
import TextGrid

/// One change to the shelf: applied to the state at once, and saved by the shell (which
/// re-reads the file under a lock, so another instance's changes are kept).
public enum ShelfChange: Equatable, Sendable {
    case toggleFavorite(ShelfItem)
    case toggleWatched(film: String)
    case rate(film: String, Int?)
    case note(ShelfItem, String?)

    public func apply(to shelf: inout Shelf) {
        switch self {
        case .toggleFavorite(let item): shelf.toggleFavorite(item)
        case .toggleWatched(let id): shelf.toggleWatched(film: id)
        case .rate(let id, let rating): _ = shelf.setRating(film: id, rating)
        case .note(let item, let text): shelf.setNote(item, text)
        }
    }
}

/// A note being typed on the bottom line.
public struct NoteEditor: Equatable, Sendable {
    public var item: ShelfItem
    public var text: String
}

/// `f`, `w`, `r`, `m`: favorites, watched, ratings and notes for the selection.
enum ShelfActions {
    /// The film or quote selected (or shown).
    static func item(_ state: AppState) -> ShelfItem? {
        switch Actions.subject(state) {
        case .film(let id): .film(id)
        case .quote(let id): .quote(id)
        default: nil
        }
    }

    static func change(_ state: inout AppState, _ change: ShelfChange) -> [Effect] {
        change.apply(to: &state.shelf)
        return [.saveShelf(change)]
    }

    static func favorite(_ state: inout AppState) -> [Effect] {
        guard let item = item(state) else { return notHere(&state) }
        let effects = change(&state, .toggleFavorite(item))
        state.message = state.shelf.isFavorite(item) ? UIString.addedFavorite.text(state.language) : UIString.removedFavorite.text(state.language)
        return effects
    }

    static func watched(_ state: inout AppState) -> [Effect] {
        guard case .film(let id)? = item(state) else { return notHere(&state, films: true) }
        let effects = change(&state, .toggleWatched(film: id))
        state.message = state.shelf.isWatched(film: id) ? UIString.markedWatched.text(state.language) : UIString.unmarkedWatched.text(state.language)
        return effects
    }

    static func startRating(_ state: inout AppState) -> [Effect] {
        guard case .film? = item(state) else { return notHere(&state, films: true) }
        state.ratingPending = true
        return []
    }

    /// The key after `r`: 1–5 rates, 0 or Backspace clears, anything else cancels.
    static func finishRating(_ state: inout AppState, _ key: Key) -> [Effect] {
        state.ratingPending = false
        guard case .film(let id)? = item(state) else { return [] }
        switch key {
        case .char(let c) where ("1"..."5").contains(c):
            let effects = change(&state, .rate(film: id, Int(String(c))))
            state.message = UIString.rated.text(state.language) + String(repeating: "★", count: Int(String(c))!)
            return effects
        case .char("0"), .backspace:
            let effects = change(&state, .rate(film: id, nil))
            state.message = UIString.ratingCleared.text(state.language)
            return effects
        default:
            return []
        }
    }

    /// `m`: edit the note in $EDITOR (the shell decides) or on the bottom line.
    static func note(_ state: inout AppState) -> [Effect] {
        guard let item = item(state) else { return notHere(&state) }
        return [.editNote(item, state.shelf.note(item) ?? "")]
    }

    /// Keys while the one-line note editor is open.
    static func editNote(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var editor = state.noteEditor else { return [] }
        switch key {
        case .char(let c): editor.text.append(c)
        case .backspace: if !editor.text.isEmpty { editor.text.removeLast() }
        case .ctrl("u"): editor.text = ""
        case .escape:
            state.noteEditor = nil
            return []
        case .enter:
            state.noteEditor = nil
            let effects = change(&state, .note(editor.item, editor.text))
            state.message = UIString.noteSaved.text(state.language)
            return effects
        default: break
        }
        state.noteEditor = editor
        return []
    }

    static func notHere(_ state: inout AppState, films: Bool = false) -> [Effect] {
        state.message = (films ? UIString.selectAFilm : UIString.selectFilmOrQuote).text(state.language)
        return []
    }
}

extension AppState {
    /// Opens the one-line note editor (when there is no $EDITOR).
    public mutating func editNoteInline(_ item: ShelfItem, text: String) {
        noteEditor = NoteEditor(item: item, text: text)
    }

    /// A note came back from $EDITOR.
    public mutating func noteEdited(_ item: ShelfItem, text: String) -> ShelfChange {
        let change = ShelfChange.note(item, text)
        change.apply(to: &shelf)
        message = UIString.noteSaved.text(language)
        return change
    }
}
