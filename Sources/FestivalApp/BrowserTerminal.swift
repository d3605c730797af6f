import FestivalUI
import TextGrid

/// What the browser loop needs from a terminal: the real one (`Curses.Terminal`, adapted
/// in the `festival` program) or an in-memory one in tests.
public protocol BrowserTerminal: AnyObject {
    /// The size in cells now.
    var cellSize: Size { get }
    func paint(_ canvas: Canvas)
    /// The next key (a resize arrives as `.resize`); nil on timeout or when input ended.
    func readKey(timeoutMs: Int?) -> Key?
    /// The next key, however long it takes, or `.woken` as soon as `wake` (the inbox's
    /// descriptor) is readable, or `.closed` when input has ended.
    func nextInput(wake: Int32) -> InputEvent
    /// Ctrl-z: gives the terminal back until the shell resumes festival.
    func suspend()
    /// Ctrl-l: the next paint redraws every cell.
    func invalidate()
    func copyToClipboard(_ text: String)
    /// Runs `body` (an editor) with the terminal in its normal state.
    func runOutside(_ body: () -> Void)
}
