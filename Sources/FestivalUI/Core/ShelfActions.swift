import FestivalLibrary
import Foundation
import FestivalText
import TextGrid

/// One change to the shelf: applied to the state at once, and saved by the shell (which
/// re-reads the file under a lock, so another instance's changes are kept). Changes say
/// what the user asked for (favorite: yes), never "toggle": applied to a file another
/// instance changed meanwhile, they still do what the message said.
public enum ShelfChange: Equatable, Sendable {
    case favorite(ShelfItem, Bool)
    case watched(film: String, Bool)
    case rate(film: String, Int?)
    case note(ShelfItem, String?)
    case priority(film: String, Int?)
    case picked(screening: String, Bool)
    case ticket(screening: String, Bool)
    /// Picks exactly these screenings (held tickets stay picked).
    case picks([String])

    /// Applies the change, stamped `now`.
    public func apply(to shelf: inout Shelf, at now: Date) {
        switch self {
        case .favorite(let item, let on): shelf.setFavorite(item, on, at: now)
        case .watched(let id, let on): shelf.setWatched(film: id, on, at: now)
        case .rate(let id, let rating): _ = shelf.setRating(film: id, rating, at: now)
        case .note(let item, let text): shelf.setNote(item, text, at: now)
        case .priority(let id, let value): _ = shelf.setPriority(film: id, value, at: now)
        case .picked(let id, let on): shelf.setPicked(screening: id, on, at: now)
        case .ticket(let id, let on): shelf.setTicket(screening: id, on, at: now)
        case .picks(let ids):
            let wanted = Set(ids)
            for id in shelf.pickedScreenings where !wanted.contains(id) && !shelf.hasTicket(screening: id) {
                shelf.setPicked(screening: id, false, at: now)
            }
            for id in ids where !shelf.isPicked(screening: id) { shelf.setPicked(screening: id, true, at: now) }
        }
    }
}

/// A note being typed on the bottom line.
public struct NoteEditor: Equatable, Sendable {
    public var item: ShelfItem
    /// The note being typed, with its cursor.
    public var field: TextField
    public var text: String { field.text }
}

/// `f`, `w`, `r`, `m`: favorites, watched, ratings and notes for the selection.
enum ShelfActions {
    /// The film or quote selected (or shown).
    static func item(_ state: AppState) -> ShelfItem? {
        switch Selection.subject(state) {
        case .film(let id): .film(id)
        case .quote(let id): .quote(id)
        default: nil
        }
    }

    /// Applies `change` at once (and says `message`); the shell saves it.
    static func change(_ state: inout AppState, _ change: ShelfChange, now: Date, message: UIString? = nil) -> [Effect] {
        change.apply(to: &state.shelf, at: now)
        if let message { state.message = message.text(state.language) }
        return [.saveShelf(change, at: now)]
    }

    static func favorite(_ state: inout AppState, now: Date) -> [Effect] {
        guard let item = item(state) else { return notHere(&state) }
        let effects = change(&state, .favorite(item, !state.shelf.isFavorite(item)), now: now)
        state.message = state.shelf.isFavorite(item) ? UIString.addedFavorite.text(state.language) : UIString.removedFavorite.text(state.language)
        return effects
    }

    static func watched(_ state: inout AppState, now: Date) -> [Effect] {
        guard case .film(let id)? = item(state) else { return notHere(&state, films: true) }
        let effects = change(&state, .watched(film: id, !state.shelf.isWatched(film: id)), now: now)
        state.message = state.shelf.isWatched(film: id) ? UIString.markedWatched.text(state.language) : UIString.unmarkedWatched.text(state.language)
        return effects
    }

    static func startRating(_ state: inout AppState) -> [Effect] {
        guard case .film? = item(state) else { return notHere(&state, films: true) }
        state.mode = .rating
        return []
    }

    /// The key after `r`: 1–5 rates, 0 or Backspace clears, anything else cancels.
    static func finishRating(_ state: inout AppState, _ key: Key, now: Date) -> [Effect] {
        state.mode = .browse
        guard case .film(let id)? = item(state) else { return [] }
        switch key {
        case .char(let c) where ("1"..."5").contains(c):
            let effects = change(&state, .rate(film: id, Int(String(c))), now: now)
            state.message = UIString.rated.text(state.language) + ShelfScreen.stars(Int(String(c))!)
            return effects
        case .char("0"), .backspace:
            return change(&state, .rate(film: id, nil), now: now, message: .ratingCleared)
        default:
            return []
        }
    }

    /// `m`: edit the note in $EDITOR (the shell decides) or on the bottom line: the draft
    /// left unsaved last time, else the note as saved.
    static func note(_ state: inout AppState) -> [Effect] {
        guard let item = item(state) else { return notHere(&state) }
        return [.editNote(item, state.noteDrafts[item] ?? state.shelf.note(item) ?? "")]
    }

    /// Keys while the one-line note editor is open.
    static func editNote(_ state: inout AppState, _ editor: NoteEditor, _ key: Key, now: Date) -> [Effect] {
        var editor = editor
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            // Nothing typed is lost: a changed note is kept as a draft the next `m` opens.
            state.mode = .browse
            if editor.text != state.shelf.note(editor.item) ?? "" {
                state.noteDrafts[editor.item] = editor.text
                state.message = UIString.noteDraftKept.text(state.language)
            } else {
                state.noteDrafts[editor.item] = nil
            }
            return []
        case .enter:
            state.mode = .browse
            state.noteDrafts[editor.item] = nil
            return change(&state, .note(editor.item, editor.text), now: now, message: .noteSaved)
        default: _ = editor.field.edit(key)
        }
        state.mode = .note(editor)
        return []
    }

    static func notHere(_ state: inout AppState, films: Bool = false) -> [Effect] {
        state.message = (films ? UIString.selectAFilm : UIString.selectFilmOrQuote).text(state.language)
        return []
    }
}
