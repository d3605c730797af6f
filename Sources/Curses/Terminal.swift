import CNCursesw
import Glibc
import TextGrid

/// A full-screen ncurses session on the alternate screen: raw keys, optional mouse,
/// colors by theme, and a terminal that is restored on `stop()`, on exit and on fatal or
/// terminating signals. One session at a time per process.
public final class Terminal {
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    /// Streams we opened ourselves (the `inputFD:outputFD:` form), closed on stop.
    private let ownedFiles: [UnsafeMutablePointer<FILE>]
    /// Where ncurses writes; control sequences it does not know (OSC 52) go here too, in order.
    let output: UnsafeMutablePointer<FILE>
    /// The descriptor ncurses reads keys from (waited on with a wake-up descriptor).
    let inputFD: Int32
    public let options: TerminalOptions
    /// True when roles are drawn in color (false under NO_COLOR, `.never` or a mono terminal).
    public let colorEnabled: Bool
    let styles: StyleMapper
    var lastCanvas: Canvas?
    var needsFullPaint = true
    var clicks = ClickTracker()
    /// The codes ncurses gives Ctrl-← and Ctrl-→ on this terminal (from its terminfo).
    var wordKeys: [Int32: Key] = [:]
    /// Whether the real cursor is shown (a field is being edited).
    var cursorShown = false
    private(set) var isStopped = false

    /// Starts a session on standard input and output.
    /// Throws `TerminalError` when they are not a tty or `TERM` is unset or dumb.
    public static func start(_ options: TerminalOptions = TerminalOptions()) throws -> Terminal {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        return try open(options, term: nil, input: cn_stdin(), output: cn_stdout(), owned: [])
    }

    /// Starts a session on other file descriptors (a pty, or /dev/null for headless tests),
    /// optionally with an explicit terminal type instead of `TERM`. Skips the tty check.
    public static func start(_ options: TerminalOptions, inputFD: Int32, outputFD: Int32,
                             term: String? = nil) throws -> Terminal {
        guard let input = fdopen(dup(inputFD), "r") else { throw TerminalError.initFailed(term: term) }
        guard let output = fdopen(dup(outputFD), "w") else {
            fclose(input)
            throw TerminalError.initFailed(term: term)
        }
        do {
            return try open(options, term: term, input: input, output: output, owned: [input, output])
        } catch {
            fclose(input)
            fclose(output)
            throw error
        }
    }

    private static func open(_ options: TerminalOptions, term: String?, input: UnsafeMutablePointer<FILE>,
                             output: UnsafeMutablePointer<FILE>,
                             owned: [UnsafeMutablePointer<FILE>]) throws -> Terminal {
        guard cn_session_active() == 0 else { throw TerminalError.alreadyActive }
        let termName = term ?? getenv("TERM").map { String(cString: $0) }
        guard let name = termName, !name.isEmpty, name != "dumb" else {
            throw TerminalError.dumbTerminal(term: termName)
        }
        _ = cn_setup_locale()
        cn_session_begin()   // before newterm, so ncurses keeps its hands off SIGINT/SIGTERM
        guard let screen = newterm(name, output, input) else {
            cn_session_end()
            throw TerminalError.initFailed(term: name)
        }
        cn_session_set_active(1)
        let window = cn_stdscr()!
        raw()
        noecho()
        nonl()
        keypad(window, true)
        leaveok(window, true)
        set_escdelay(Int32(options.escDelayMs))
        curs_set(0)
        if options.mouse { enableMouse() }
        // Pushed back last first: ncurses reads them in order, as if just typed (its queue
        // holds about 130, so a longer typeahead keeps only its start).
        for byte in options.typeahead.prefix(128).reversed() { ungetch(Int32(byte)) }

        let color = options.color == .auto && !noColorRequested() && has_colors() && start_color() == OK
        if color {
            let defaults = use_default_colors() == OK
            for role in ColorRole.allCases {
                let c = Palette.colors(for: role, theme: options.theme, colorCount: Int(cn_colors()),
                                       defaultColors: defaults, custom: options.customColors[role])
                init_pair(Palette.pair(for: role), c.fg, c.bg)
            }
            if !defaults { wbkgdset(window, chtype(cn_color_pair(Palette.pair(for: .normal)))) }
        }
        let terminal = Terminal(screen: screen, window: window, output: output, inputFD: fileno(input), owned: owned,
                                options: options, color: color)
        terminal.bracketedPaste(true)
        return terminal
    }

    /// Pastes arrive marked (`Key.paste`), so pasted text is never taken for keys.
    func bracketedPaste(_ on: Bool) {
        fflush(output)
        cn_bracketed_paste(fileno(output), on ? 1 : 0)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, output: UnsafeMutablePointer<FILE>,
                 inputFD: Int32, owned: [UnsafeMutablePointer<FILE>], options: TerminalOptions, color: Bool) {
        self.screen = screen
        self.window = window
        self.output = output
        self.inputFD = inputFD
        self.ownedFiles = owned
        self.options = options
        self.colorEnabled = color
        self.styles = StyleMapper(color: color)
        for (capability, key) in [("kLFT5", Key.ctrlLeft), ("kRIT5", Key.ctrlRight)] {
            let code = cn_key_code_for(capability)
            if code > 0 { wordKeys[code] = key }
        }
    }

    deinit { stop() }

    /// NO_COLOR set to any non-empty value turns color off (no-color.org).
    static func noColorRequested() -> Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    /// Clicks and wheel, reported at once (no ncurses click delay; see `ClickTracker`).
    private static func enableMouse() {
        mousemask(cn_mouse_mask_default(), nil)
        mouseinterval(0)
    }

    /// Current size in cells.
    public var size: (width: Int, height: Int) {
        (Int(cn_cols(window)), Int(cn_rows(window)))
    }

    /// Forgets what is on screen: the next `paint` redraws every cell.
    public func invalidate() {
        needsFullPaint = true
        clearok(window, true)
    }

    /// Ends the session: endwin() restores cooked mode, echo, the cursor and the main
    /// screen. Safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        if options.mouse { mousemask(0, nil) }
        bracketedPaste(false)
        endwin()
        cn_session_end()
        delscreen(screen)
        for file in ownedFiles { fclose(file) }
    }

    /// Ctrl-Z in raw mode: gives the shell back its terminal and stops the process; when
    /// it is continued (`fg`), restores the screen and redraws everything.
    public func suspend() {
        guard !isStopped else { return }
        cn_suspend()
        keypad(window, true)
        curs_set(0)
        if options.mouse { Self.enableMouse() }
        invalidate()
        wrefresh(window)
    }
}

extension Terminal {
    /// Leaves curses mode for `body` (an editor, a pager), then comes back and repaints.
    public func runOutside(_ body: () -> Void) {
        guard !isStopped else { return body() }
        def_prog_mode()
        bracketedPaste(false)
        endwin()
        body()
        reset_prog_mode()
        bracketedPaste(true)
        invalidate()
    }
}
