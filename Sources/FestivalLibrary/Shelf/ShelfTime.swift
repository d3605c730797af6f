import FestivalCatalog
import Foundation

/// The shelf file's timestamps: UTC, RFC 3339 (`2026-11-27T05:40:00Z`, or with
/// milliseconds `2026-11-27T05:40:00.250Z`), kept to whole milliseconds so a shelf reads
/// back equal to what was written. Pure arithmetic: no formatter, no locale, no time zone.
package enum ShelfTime {
    /// The nearest whole millisecond (so `date(milliseconds:)` reads back exactly).
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `2026-11-27T05:40:00Z`; milliseconds are added only when not zero.
    static func format(_ date: Date) -> String {
        let ms = milliseconds(date)
        let (days, msOfDay) = divFloor(ms, 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        let seconds = msOfDay / 1000, fraction = msOfDay % 1000
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if fraction != 0 { text += ".\(pad(fraction, 3))" }
        return text + "Z"
    }

    /// `20261127T054000Z`: a compact form for file names (no colons).
    package static func compact(_ date: Date) -> String {
        let (days, msOfDay) = divFloor(milliseconds(date), 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        let seconds = msOfDay / 1000
        return "\(pad(y, 4))\(pad(m, 2))\(pad(d, 2))T\(pad(seconds / 3600, 2))\(pad(seconds / 60 % 60, 2))\(pad(seconds % 60, 2))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (1–9 fraction digits, cut to milliseconds);
    /// nil for anything else, including an offset other than `Z`.
    static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b.last == UInt8(ascii: "Z"),
              let y = number(b, 0, 4), let mo = number(b, 5, 2), let d = number(b, 8, 2),
              let h = number(b, 11, 2), let mi = number(b, 14, 2), let s = number(b, 17, 2),
              (1...12).contains(mo), d >= 1, d <= daysIn(month: mo, year: y), h < 24, mi < 60, s < 60
        else { return nil }
        var fraction: Int64 = 0
        if b.count > 20 {
            let digits = b.count - 21
            guard b[19] == UInt8(ascii: "."), (1...9).contains(digits), let f = number(b, 20, digits) else { return nil }
            fraction = Int64(f)
            for _ in 0..<(max(0, 3 - digits)) { fraction *= 10 }
            for _ in 0..<(max(0, digits - 3)) { fraction /= 10 }
        }
        let days = days(fromCivil: y, mo, d)
        return date(milliseconds: (days * 86_400 + Int64(h * 3600 + mi * 60 + s)) * 1000 + fraction)
    }

    // MARK: - Calendar arithmetic (the catalog's: `LocalTime`, `PartialDate`)

    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        Int64(LocalTime.daysSince1970(year: year, month: month, day: day))
    }

    private static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let d = LocalTime.civil(Int(days))
        return (d.year, d.month, d.day)
    }

    private static func daysIn(month: Int, year: Int) -> Int { PartialDate.days(inMonth: month, of: year) }

    private static func divFloor(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a >= 0 ? a / b : (a - b + 1) / b
        return (q, a - q * b)
    }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            value = value * 10 + Int(b[i] - 0x30)
        }
        return value
    }

    private static func pad<T: BinaryInteger>(_ n: T, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
