import Foundation
import Testing
import TextGrid
@testable import FestivalUI

/// Random keys, mouse events and resizes against `update` and `view` from a fixed seed:
/// nothing may crash, and the state's invariants hold after every step.
@Suite struct FuzzTests {
    /// SplitMix64: the same sequence on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace,
        .function(1), .ctrl("d"), .ctrl("u"), .ctrl("n"), .ctrl("p"), .ctrl("w"), .ctrl("l"),
    ] + "jkhlgGnNsS/atpxLq?12345yo电影版權 éÅ🎬".map { Key.char($0) }

    static func randomKey(_ r: inout Random) -> Action {
        switch r.below(20) {
        case 0:
            return .resize(Size(width: 1 + r.below(300), height: 1 + r.below(80)))
        case 1:
            let kinds: [MouseEvent.Kind] = [.click, .doubleClick, .wheelUp, .wheelDown, .press, .release]
            return .key(.mouse(MouseEvent(kinds[r.below(kinds.count)], x: r.below(120), y: r.below(40))))
        default:
            return .key(keys[r.below(keys.count)])
        }
    }

    /// Steps per seed: 5 000 by default; `.ci/run` sets FUZZ_STEPS=50000 (100 000 keys in all).
    static let steps = ProcessInfo.processInfo.environment["FUZZ_STEPS"].flatMap(Int.init) ?? 5_000

    @Test(arguments: [UInt64(1), 2])
    func randomKeysKeepInvariants(seed: UInt64) {
        let steps = Self.steps
        var r = Random(state: seed)
        var state = UITestSupport.state(UITestSupport.builtin, .en, width: 80, height: 24)
        var failures = 0
        for step in 0..<steps {
            let action = Self.randomKey(&r)
            let effects = update(&state, action, now: UITestSupport.now)
            if effects.contains(.quit) { state.quitting = false }      // keep going
            // Answer effects as the shell would, so their results and modes are fuzzed too.
            for effect in effects {
                switch effect {
                case .editNote(let item, let text): _ = update(&state, .noEditor(item, text), now: UITestSupport.now)
                case .saveShelf: _ = update(&state, .shelfSaved(state.shelf), now: UITestSupport.now)
                case .export: _ = update(&state, .exported(paths: ["/tmp/x"], count: 1), now: UITestSupport.now)
                case .openURL(let url): _ = update(&state, .notOpened(url, failure: nil), now: UITestSupport.now)
                default: break
                }
            }
            // Draw one step in eight (and every resize): the canvas is always the size asked.
            let draw = step % 8 == 0
            if draw || { if case .resize = action { return true } else { return false } }() {
                let canvas = view(state, size: state.size)
                if canvas.width != state.size.width || canvas.height != state.size.height { failures += 1 }
            }
            for (section, stack) in state.stacks {
                if stack.isEmpty || stack.count > AppState.maxHistory || stack.first != section.root { failures += 1 }
            }
            if draw, let selected = state.viewport.selected {
                let (page, _) = Navigator.context(state)
                if page.count > 0 && (selected < 0 || selected >= page.count) { failures += 1 }
            }
            if state.viewport.scroll < 0 { failures += 1 }
            if state.search.history.count > SearchState.maxHistory { failures += 1 }
            if failures > 0 {
                Issue.record("invariant broken at step \(step) after \(action)")
                return
            }
        }
    }

    @Test func oneByOneAndZeroSizedScreens() {
        var state = UITestSupport.state()
        for size in [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 2, height: 1), Size(width: 300, height: 1)] {
            _ = update(&state, .resize(size), now: UITestSupport.now)
            _ = update(&state, .key(.char("s")), now: UITestSupport.now)
            _ = update(&state, .key(.char("電")), now: UITestSupport.now)
            let canvas = view(state, size: size)
            #expect(canvas.width == size.width && canvas.height == size.height)
        }
    }
}
