import Foundation
import FestivalCatalog

/// iCalendar value types (RFC 5545 §3.3): TEXT, DATE, DATE-TIME, DURATION, GEO.
enum ICSValues {
    /// TEXT unescaped: `\\` `\;` `\,` `\n` `\N`.
    static func text(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var out = "", escaped = false
        for ch in value {
            if escaped {
                out.append(ch == "n" || ch == "N" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// A list of TEXT values separated by unescaped commas (CATEGORIES).
    static func textList(_ value: String) -> [String] {
        var parts: [String] = [], current = "", escaped = false
        for ch in value {
            if escaped { current.append("\\"); current.append(ch); escaped = false }
            else if ch == "\\" { escaped = true }
            else if ch == "," { parts.append(text(current)); current = "" }
            else { current.append(ch) }
        }
        parts.append(text(current))
        return parts.map { $0.trimmed }.filter { !$0.isEmpty }
    }

    /// A DATE-TIME or DATE: the wall-clock day and minute (nil for a DATE), and whether it
    /// ends in `Z` (UTC). Seconds are dropped.
    struct Stamp: Equatable, Sendable {
        var start: LocalStart
        var utc: Bool
    }

    static func stamp(_ value: String) -> Stamp? {
        let v = Array(value.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= v.count else { return nil }
            var n = 0
            for b in v[from..<(from + count)] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard v.count >= 8, let y = number(0, 4), let m = number(4, 2), let d = number(6, 2) else { return nil }
        if v.count == 8 { return LocalStart(year: y, month: m, day: d, minute: nil).map { Stamp(start: $0, utc: false) } }
        let utc = v.last == 0x5A
        guard v.count == (utc ? 16 : 15), v[8] == 0x54, let h = number(9, 2), let mi = number(11, 2), let s = number(13, 2),
              h < 24, mi < 60, s < 61 else { return nil }
        return LocalStart(year: y, month: m, day: d, minute: h * 60 + mi).map { Stamp(start: $0, utc: utc) }
    }

    /// A DURATION in seconds: `[+-]P[nW]` or `[+-]P[nD][T[nH][nM][nS]]`.
    static func duration(_ value: String) -> Int? {
        var chars = Substring(value)
        var sign = 1
        if chars.first == "-" { sign = -1; chars = chars.dropFirst() } else if chars.first == "+" { chars = chars.dropFirst() }
        guard chars.first == "P" else { return nil }
        chars = chars.dropFirst()
        var total = 0, number = "", inTime = false, any = false
        for ch in chars {
            if ch.isASCII && ch.isNumber { number.append(ch); continue }
            if ch == "T" { guard number.isEmpty, !inTime else { return nil }; inTime = true; continue }
            guard let n = Int(number), number.count <= 9 else { return nil }
            number = ""
            any = true
            switch (ch, inTime) {
            case ("W", false): total += n * 604_800
            case ("D", false): total += n * 86_400
            case ("H", true): total += n * 3_600
            case ("M", true): total += n * 60
            case ("S", true): total += n
            default: return nil
            }
        }
        return any && number.isEmpty ? sign * total : nil
    }

    /// `GEO:lat;lon`.
    static func geo(_ value: String) -> Geo? {
        let parts = value.split(separator: ";")
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) else { return nil }
        let geo = Geo(lat: lat, lon: lon)
        return geo.isValid ? geo : nil
    }

    /// Text from HTML (frab, JSON-LD and some calendars put markup in descriptions): tags
    /// dropped (`<br>` and block ends as line breaks), the common entities decoded.
    static func plainText(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var out = "", tag = "", inTag = false
        for ch in html {
            if inTag {
                if ch == ">" {
                    inTag = false
                    let name = tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/ ")).split(separator: " ").first ?? ""
                    if ["br", "p", "div", "li", "tr", "h1", "h2", "h3"].contains(String(name)) { out.append("\n") }
                    tag = ""
                } else if tag.count < 64 {
                    tag.append(ch)
                }
            } else if ch == "<" {
                inTag = true
            } else {
                out.append(ch)
            }
        }
        for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: ch)
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmed }
            .joined(separator: "\n")
            .replacingOccurrences(of: "\n\n\n", with: "\n\n")
            .trimmed
    }
}
