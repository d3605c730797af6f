import TextGrid

/// What `festival validate` warns about (and `--strict` refuses): catalog text that loads
/// but may mislead a reader. Control characters and bidi controls (shown as visible
/// stand-ins wherever festival prints them), and text that is empty once invisible
/// characters are taken away. Each warning is located like a load error.
enum CatalogLint {
    static func warnings(_ root: JSONNode, file: String) -> [CatalogIssue] {
        var found: [CatalogIssue] = []
        func visit(_ node: JSONNode, _ path: String) {
            switch node.value {
            case .string(let text):
                if let message = problem(text) {
                    found.append(CatalogIssue(file: file, path: path, line: node.line > 0 ? node.line : nil,
                                              column: node.line > 0 ? node.column : nil, message: message))
                }
            case .array(let items):
                for (i, item) in items.enumerated() { visit(item, path + "[\(i)]") }
            case .object(let members):
                for member in members { visit(member.value, path.isEmpty ? member.key : path + "." + member.key) }
            default:
                break
            }
        }
        visit(root, "")
        return found
    }

    /// The warning for one string, if any.
    static func problem(_ text: String) -> String? {
        var invisibleOnly = !text.isEmpty
        var inFlag = false   // after 🏴, tag characters spell a region's flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if Sanitize.isBidiControl(scalar) { return "bidi control \(hex(v)) in text (it can reorder what readers see)" }
            if isTag(v) && !inFlag { return "tag character \(hex(v)) in text (invisible: it can carry hidden text)" }
            inFlag = v == 0x1F3F4 || (inFlag && isTag(v) && v != 0xE007F)
            if (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || (0x80..<0xA0).contains(v) {
                return "control character \(hex(v)) in text"
            }
            if !isInvisible(scalar) { invisibleOnly = false }
        }
        return invisibleOnly ? "text is empty once invisible characters are removed (write null if it is unknown)" : nil
    }

    static func isTag(_ v: UInt32) -> Bool { (0xE0000...0xE007F).contains(v) }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD, 0xE0000...0xE007F: true
        default: scalar.properties.isWhitespace
        }
    }

    static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
