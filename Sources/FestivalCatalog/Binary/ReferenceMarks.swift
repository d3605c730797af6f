import FestivalIO

/// The ids quotes refer to, as the decoder met them: for each string of the table, which
/// kinds of id it was used as (one bit per kind), and any reference stored in place. A
/// million quotes refer to a few thousand distinct ids, so checking each distinct one once
/// (`problem(table:catalog:)`) replaces millions of lookups.
struct ReferenceMarks {
    enum Kind: UInt8, CaseIterable {
        case person = 1, film = 2, topic = 4, source = 8
    }

    private(set) var marks: [UInt8]
    private(set) var inPlace: [(kind: Kind, id: String)] = []

    init(tableCount: Int) { marks = [UInt8](repeating: 0, count: tableCount) }

    mutating func mark(_ kind: Kind, tableIndex i: Int) { marks[i] |= kind.rawValue }
    mutating func mark(_ kind: Kind, inPlace id: String) { inPlace.append((kind, id)) }

    mutating func merge(_ other: ReferenceMarks) {
        for i in marks.indices { marks[i] |= other.marks[i] }
        inPlace += other.inPlace
    }

    /// A reference to an id `catalog` does not define, described; nil when there is none.
    func problem(table: [String], catalog: Catalog) -> String? {
        let defined: [Kind: Set<String>] = [
            .person: Set(catalog.people.map(\.id)), .film: Set(catalog.films.map(\.id)),
            .topic: Set(catalog.topics.map(\.id)), .source: Set(catalog.sources.map(\.id)),
        ]
        for (i, mark) in marks.enumerated() where mark != 0 {
            for kind in Kind.allCases where mark & kind.rawValue != 0 && defined[kind]?.contains(table[i]) != true {
                return "a quote refers to an unknown \(kind) id"
            }
        }
        for (kind, id) in inPlace where defined[kind]?.contains(id) != true {
            return "a quote refers to an unknown \(kind) id"
        }
        return nil
    }
}

extension CatalogBinaryDecoder {
    /// A reference to an id of `kind`, marked for `ReferenceMarks.problem`.
    mutating func reference(_ kind: ReferenceMarks.Kind) throws(BinaryReader.Corrupt) -> String {
        let raw = try r.u32()
        guard raw != Self.none else { throw BinaryReader.Corrupt(description: "missing reference at byte \(r.offset - 4)") }
        return try reference(kind, raw)
    }

    mutating func optionalReference(_ kind: ReferenceMarks.Kind) throws(BinaryReader.Corrupt) -> String? {
        let raw = try r.u32()
        return raw == Self.none ? nil : try reference(kind, raw)
    }

    mutating func references(_ kind: ReferenceMarks.Kind) throws(BinaryReader.Corrupt) -> [String] {
        let n = try r.count(minimumSize: 4)
        var list: [String] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(try reference(kind)) }
        return list
    }

    private mutating func reference(_ kind: ReferenceMarks.Kind, _ raw: UInt32) throws(BinaryReader.Corrupt) -> String {
        if raw & Self.inlineMask == 0, Int(raw) < table.count {
            references.mark(kind, tableIndex: Int(raw))
            return table[Int(raw)]
        }
        let id = try string(raw)
        references.mark(kind, inPlace: id)
        return id
    }
}
