import CNCursesw
import TextGrid

/// Turns what `get_wch` returns into a `Key`. Pure: no terminal needed.
public enum KeyDecoder {
    /// Decodes one `get_wch` result: `status` is `OK` (a character), `KEY_CODE_YES` (a key
    /// code) or `ERR` (nothing: returns nil). `KEY_MOUSE` decodes to `.unknown` here; the
    /// terminal reads the event itself and uses `mouse(buttons:x:y:)`.
    public static func decode(status: Int32, code: UInt32) -> Key? {
        switch status {
        case OK: return character(code)
        case KEY_CODE_YES: return keyCode(Int32(truncatingIfNeeded: code))
        default: return nil
        }
    }

    /// A character code: controls become named keys, the rest `.char`.
    static func character(_ code: UInt32) -> Key {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0, 28...31, 0x80...0x9F: return .unknown(Int(code))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int(code)) }
            return .char(Character(scalar))
        }
    }

    /// A curses key code (`KEY_UP`, `KEY_F(5)`…).
    static func keyCode(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1 ... KEY_F0 + 63: return .function(Int(code - KEY_F0))
        default: return .unknown(Int(code))
        }
    }

    /// A mouse event from `getmouse`'s button state, or nil for buttons we do not report.
    public static func mouse(buttons: UInt32, x: Int, y: Int) -> MouseEvent? {
        let kind: MouseEvent.Kind
        if buttons & cn_button4_pressed() != 0 { kind = .wheelUp }
        else if buttons & cn_button5_pressed() != 0 { kind = .wheelDown }
        else if buttons & cn_button1_double_clicked() != 0 { kind = .doubleClick }
        else if buttons & cn_button1_clicked() != 0 { kind = .click }
        else if buttons & cn_button1_pressed() != 0 { kind = .press }
        else if buttons & cn_button1_released() != 0 { kind = .release }
        else { return nil }
        return MouseEvent(kind, x: x, y: y)
    }
}
