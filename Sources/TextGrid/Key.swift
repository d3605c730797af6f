/// A decoded key press or terminal event.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)            // Ctrl-A … Ctrl-Z, as the lowercase letter
    case alt(Character)             // Alt (Meta) with a character: ESC then the character
    case up, down, left, right, home, end, pageUp, pageDown
    case ctrlLeft, ctrlRight
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    case resize
    case mouse(MouseEvent)
    /// Text the terminal delivered as one bracketed paste (`ESC[200~ … ESC[201~`): data,
    /// never keys. At most `Key.pasteLimit` Unicode scalars; controls in it are left for the
    /// receiver to drop.
    case paste(String)
    case unknown(Int)

    /// The most Unicode scalars of one paste that are kept (the rest is read and dropped).
    public static let pasteLimit = 16_384

    /// Short human name, as the help overlay shows it.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c)"
        case .alt(let c): return "Alt-\(c)"
        case .ctrlLeft: return "Ctrl-←"
        case .ctrlRight: return "Ctrl-→"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .mouse: return "mouse"
        case .paste: return "paste"
        case .unknown(let code): return "key \(code)"
        }
    }
}

/// A mouse event at a screen cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, release, click, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// What waiting on a terminal gives: a key, a wake-up from another thread (something was
/// posted for the loop), or the end of input.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case woken
    case closed
}
