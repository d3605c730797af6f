import TextGrid

/// The catalog's kinds of values, each read with the loader's rules (`FieldReader`).
extension FastJSON {
    /// A string that is not empty or only white space.
    mutating func nonEmpty() throws(Bail) -> String {
        let s = try string()
        // A first byte that is ASCII and not white space starts a character that is not
        // white space; only other strings need the Unicode look-up.
        if let first = s.utf8.first, first > 0x20, first < 0x7F { return s }
        guard !s.allSatisfy(\.isWhitespace) else { throw Bail() }
        return s
    }

    mutating func id() throws(Bail) -> String {
        let s = try nonEmpty()
        guard Catalog.isValidID(s) else { throw Bail() }
        return s
    }

    mutating func ids() throws(Bail) -> [String] {
        var list: [String] = []
        try array { j throws(Bail) in list.append(try j.id()) }
        return list
    }

    mutating func nullableString() throws(Bail) -> String? { null() ? nil : try nonEmpty() }
    mutating func nullableID() throws(Bail) -> String? { null() ? nil : try id() }

    mutating func url() throws(Bail) -> String {
        let s = try nonEmpty()
        guard URLCheck.isWebURL(s) else { throw Bail() }
        return s
    }

    mutating func nullableURL() throws(Bail) -> String? { null() ? nil : try url() }

    mutating func nullableDate() throws(Bail) -> PartialDate? {
        if null() { return nil }
        guard let d = PartialDate(try nonEmpty()) else { throw Bail() }
        return d
    }

    mutating func enumValue<E: RawRepresentable>(_ type: E.Type) throws(Bail) -> E where E.RawValue == String {
        guard let e = E(rawValue: try nonEmpty()) else { throw Bail() }
        return e
    }

    mutating func positive(min: Int) throws(Bail) -> Int {
        let n = try int()
        guard n >= min else { throw Bail() }
        return n
    }

    mutating func nullablePositive(min: Int) throws(Bail) -> Int? { null() ? nil : try positive(min: min) }

    static let textKeys = [Array("zh-Hant".utf8), Array("en".utf8)]

    /// `{"zh-Hant": …, "en": …}` with at least one of them a string.
    mutating func text() throws(Bail) -> LocalizedText {
        var seen = SeenKeys()
        var t = LocalizedText()
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.textKeys) else { throw Bail() }
            try seen.mark(k)
            let s = try j.nullableString()
            if k == 0 { t.zhHant = s } else { t.en = s }
        }
        guard t.zhHant != nil || t.en != nil else { throw Bail() }
        return t
    }

    /// A text that may be null (nullable or optional members).
    mutating func nullableText() throws(Bail) -> LocalizedText? { null() ? nil : try text() }
}
