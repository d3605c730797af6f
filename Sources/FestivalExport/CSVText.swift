import TextGrid

/// RFC 4180 CSV: fields separated by commas, records by CRLF, a field quoted when it
/// holds a comma, a double quote or a line break, with its double quotes doubled. Every
/// field passes the output boundary first (`Sanitize.text`, line breaks kept as LF):
/// a spreadsheet or a terminal showing the file gets no control or bidi character.
enum CSVText {
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        // Formula injection: spreadsheets run a cell that starts with =, +, -, @ (or a tab or
        // CR before one of them) as a formula, so catalog text such as `=HYPERLINK(…)` could
        // act when the file is opened. Such a field gets a leading apostrophe, which the
        // spreadsheet shows as text (OWASP's advice); other readers see the apostrophe.
        var text = Sanitize.text(value)
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        var quoted = "\""
        for c in text {
            if c == "\"" { quoted.append("\"") }
            quoted.append(c)
        }
        return quoted + "\""
    }
}
