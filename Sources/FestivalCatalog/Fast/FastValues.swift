import TextGrid

/// The catalog's kinds of values, each read with the loader's rules (`FieldReader`).
extension FastJSON {
    /// A string that is not empty or only white space.
    mutating func nonEmpty(shared: Bool = false) throws(Bail) -> String {
        let s = try string(shared: shared)
        // A first byte that is ASCII and not white space starts a character that is not
        // white space; only other strings need the Unicode look-up.
        if let first = s.utf8.first, first > 0x20, first < 0x7F { return s }
        guard !s.allSatisfy(\.isWhitespace) else { throw Bail() }
        return s
    }

    mutating func id(shared: Bool = false) throws(Bail) -> String {
        let s = try nonEmpty(shared: shared)
        guard Catalog.isValidID(s) else { throw Bail() }
        return s
    }

    mutating func ids(shared: Bool = false) throws(Bail) -> [String] {
        var list: [String] = []
        try array { j throws(Bail) in list.append(try j.id(shared: shared)) }
        return shared ? self.shared.list(list) : list
    }

    mutating func nullableString(shared: Bool = false) throws(Bail) -> String? { null() ? nil : try nonEmpty(shared: shared) }
    mutating func nullableID(shared: Bool = false) throws(Bail) -> String? { null() ? nil : try id(shared: shared) }

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
    mutating func text(shared: Bool = false) throws(Bail) -> LocalizedText {
        var seen = SeenKeys()
        var t = LocalizedText()
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.textKeys) else { throw Bail() }
            try seen.mark(k)
            let s = try j.nullableString(shared: shared)
            if k == 0 { t.zhHant = s } else { t.en = s }
        }
        guard t.zhHant != nil || t.en != nil else { throw Bail() }
        return t
    }

    /// A text that may be null (nullable or optional members).
    mutating func nullableText(shared: Bool = false) throws(Bail) -> LocalizedText? { null() ? nil : try text(shared: shared) }
}

/// Values that repeat from record to record — a speaker, a place, a note, a list of
/// sources — made once and shared by every record holding them: a million quotes citing the
/// same few sources hold one copy of the list. One per decoding thread; bounded, so unique
/// values cost a look-up and nothing more.
final class SharedValues {
    static let capacity = 1 << 16
    private var strings: [Int: String] = [:]
    private var lists: [[String]: [String]] = [:]

    /// The string of valid UTF-8 `bytes` (nil for invalid UTF-8). Strings of up to 15 bytes
    /// are stored inline by Swift and need no sharing.
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count > 15 else { return String(validating: bytes, as: UTF8.self) }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let key = hasher.finalize()
        if let known = strings[key], known.utf8.elementsEqual(bytes) { return known }
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        if strings.count < Self.capacity, strings[key] == nil { strings[key] = s }
        return s
    }

    /// `list`, or an equal one met before.
    func list(_ list: [String]) -> [String] {
        if let known = lists[list] { return known }
        if lists.count < Self.capacity { lists[list] = list }
        return list
    }
}
