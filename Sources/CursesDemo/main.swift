// curses-demo: paints a test pattern of the terminal backend (wide and combined text,
// emoji, every color role, the current size) and echoes the last decoded keys.
// Usage: curses-demo [--no-mouse] [--no-color] [--light] [--crash]   (honours NO_COLOR)
// q quits, Ctrl-Z suspends, resizing re-lays out.
import Curses
import Glibc
import TextGrid

var options = TerminalOptions()
var crashAfterStart = false   // --crash: checks the terminal is restored on a Swift trap
for argument in CommandLine.arguments.dropFirst() {
    switch argument {
    case "--no-mouse": options.mouse = false
    case "--no-color": options.color = .never
    case "--light": options.theme = .light
    case "--crash": crashAfterStart = true
    default:
        print("usage: curses-demo [--no-mouse] [--no-color] [--light] [--crash]")
        exit(argument == "--help" || argument == "-h" ? 0 : 2)
    }
}

/// A key as the demo lists it (mouse events with their kind and cell).
func describe(_ key: Key) -> String {
    if case .mouse(let event) = key { return "\(event.kind)@\(event.x),\(event.y)" }
    return key.label
}

/// The whole test pattern for a screen size.
func render(width: Int, height: Int, keys: [String], terminal: Terminal) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    canvas.fill(x: 0, y: 0, width: width, height: 1, style: Style(.status))
    canvas.put(" festival curses-demo — q quits, Ctrl-Z suspends", x: 0, y: 0, style: Style(.status, bold: true))
    let color = terminal.colorEnabled ? "color on (\(terminal.options.theme))" : "color off"
    let mouse = terminal.options.mouse ? "mouse on" : "mouse off"
    canvas.put("size \(width)×\(height) · \(color) · \(mouse)", x: 1, y: 1, style: Style(.muted))
    canvas.put("keys:", x: 1, y: 2, style: Style(.heading, bold: true))
    canvas.put(keys.joined(separator: "  "), x: 7, y: 2, style: Style(.accent), maxWidth: max(0, width - 8))

    canvas.put("Chinese  「全像素空間」台北電影節", x: 1, y: 4)
    canvas.put("Emoji    👍🏽 👨‍👩‍👧 ❤️ ⭐ 🎬|", x: 1, y: 5)
    canvas.put("Combining é (e+U+0301) · precomposed é · ñ̃", x: 1, y: 6)
    canvas.put("Untrusted a\u{1B}[31mb\u{7}c (shown, not obeyed)", x: 1, y: 7)

    // A box with every color role, plain and with each attribute.
    let roles = ColorRole.allCases
    let boxWidth = min(width - 2, 62), top = 9
    let bar = String(repeating: "─", count: max(0, boxWidth - 2))
    canvas.put("┌" + bar + "┐", x: 1, y: top)
    for (i, role) in roles.enumerated() {
        let y = top + 1 + i
        canvas.put("│", x: 1, y: y)
        canvas.put("│", x: boxWidth, y: y)
        let name = "\(role)".padding(10)
        var x = canvas.put(name, x: 3, y: y, style: Style(role)) + 3
        for (label, style) in [("bold", Style(role, bold: true)), ("reverse", Style(role, reverse: true)),
                               ("underline", Style(role, underline: true)), ("dim", Style(role, dim: true)),
                               ("全寬", Style(role))] {
            x += canvas.put(label, x: x + 1, y: y, style: style) + 1
        }
    }
    canvas.put("└" + bar + "┘", x: 1, y: top + roles.count + 1)
    return canvas
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

let terminal: Terminal
do {
    terminal = try Terminal.start(options)
} catch {
    FileHandleShim.writeError("curses-demo: \(error)\n")
    exit(1)
}

var keys: [String] = []
loop: while true {
    let (width, height) = terminal.size
    terminal.paint(render(width: width, height: height, keys: keys, terminal: terminal))
    if crashAfterStart, terminal.readKey(timeoutMs: 500) == nil { fatalError("--crash: test crash") }
    guard let key = terminal.readKey(timeoutMs: nil) else { break }   // input closed
    switch key {
    case .char("q"): break loop
    case .ctrl("z"): terminal.suspend()
    default: break
    }
    keys.append(describe(key))
    if keys.count > 10 { keys.removeFirst(keys.count - 10) }
}
terminal.stop()
exit(0)

/// Writes to standard error without Foundation.
enum FileHandleShim {
    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
