import Foundation
import Testing
import TextGrid
@testable import FestivalUI

/// The help scrolls with the usual keys, closes only with ?, q, Esc or F1, and a key
/// pressed while it is open never acts on the screen behind it.
@Suite struct HelpScrollTests {
    @Test func helpScrollsToEveryKeyAtEightyBySixteen() {
        var state = UITestSupport.state(width: 80, height: 16)
        _ = update(&state, .key(.char("?")), now: Date())
        #expect(state.mode == .help)
        let first = view(state, size: state.size).text
        #expect(!first.contains("│ q "), "at 80×16 the quit key is below the fold")
        for key in [Key.char("j"), .char(" "), .pageDown, .down] {
            _ = update(&state, .key(key), now: Date())
            #expect(state.mode == .help, "\(key) scrolls; it does not close the help")
        }
        _ = update(&state, .key(.char("G")), now: Date())
        let last = view(state, size: state.size).text
        #expect(last.contains("│ q "), "scrolled to the end: \(last)")
        #expect(state.screen == .films && state.viewport.selected == 0, "nothing acted behind the help")
        _ = update(&state, .key(.char("g")), now: Date())
        #expect(view(state, size: state.size).text == first)
        let effects = update(&state, .key(.char("q")), now: Date())
        #expect(state.mode == .browse && effects.isEmpty && !state.quitting, "q closes the help, not the program")
    }

    @Test func ctrlCInTheHelpQuitsAndKeymapKeysScroll() {
        var state = UITestSupport.state(width: 80, height: 16)
        _ = update(&state, .key(.char("?")), now: Date())
        _ = update(&state, .key(.ctrl("d")), now: Date())
        #expect(state.mode == .help && state.helpScroll > 0, "the keymap's half-page key scrolls the help")
        _ = update(&state, .key(.ctrl("c")), now: Date())
        #expect(state.mode == .browse && state.quitting, "Ctrl-c quits from the help as from anywhere")
    }

    @Test func helpThatFitsDoesNotScroll() {
        var state = UITestSupport.state(width: 200, height: 60)
        _ = update(&state, .key(.char("?")), now: Date())
        let shown = view(state, size: state.size).text
        _ = update(&state, .key(.char("j")), now: Date())
        #expect(view(state, size: state.size).text == shown)
        _ = update(&state, .key(.escape), now: Date())
        #expect(state.mode == .browse)
    }
}
