import FestivalIO

/// Per document, the entities (people, topics or films) it refers to, as positions in the
/// field's keys: `targets[starts[d]..<starts[d + 1]]` for document d, all in two flat
/// columns (no array per document), so a cached index uses them where they lie.
struct EntityReferences: Sendable {
    let starts: Column<Int32>
    let targets: Column<Int32>

    var count: Int { starts.count - 1 }

    /// Document `d`'s entities.
    func of(_ d: Int) -> Slice<Column<Int32>> { targets[Int(starts[d])..<Int(starts[d + 1])] }

    /// Read back from a cache: checked to describe `documents` documents, each entity
    /// below `entities`.
    init(starts: Column<Int32>, targets: Column<Int32>, documents: Int, entities: Int) throws(BinaryReader.Corrupt) {
        let consistent = starts.withUnsafeBufferPointer { s in
            s.count == documents + 1 && s.first == 0 && s.last.map(Int.init) == targets.count
                && (1..<s.count).allSatisfy { s[$0 - 1] <= s[$0] }
        }
        let inRange = targets.withUnsafeBufferPointer { t in t.allSatisfy { $0 >= 0 && Int($0) < entities } }
        guard consistent, inRange else { throw BinaryReader.Corrupt(description: "index: bad references") }
        self.starts = starts
        self.targets = targets
    }

    init(_ lists: Lists) {
        starts = Column(lists.starts)
        targets = Column(lists.targets)
    }

    /// The lists gathered while the index is built, document by document.
    struct Lists: Sendable {
        private(set) var starts: [Int32] = [0]
        private(set) var targets: [Int32] = []

        mutating func append(_ list: [Int32]) {
            targets += list
            starts.append(Int32(targets.count))
        }

        /// A document referring to one entity, or to none.
        mutating func append(_ one: Int32?) {
            if let one { targets.append(one) }
            starts.append(Int32(targets.count))
        }

        mutating func append(contentsOf other: Lists) {
            let shift = Int32(targets.count)
            targets += other.targets
            starts.append(contentsOf: other.starts.dropFirst().lazy.map { $0 + shift })
        }

        /// Makes room for `documents` more lists of `targets` entities in all.
        mutating func reserve(documents: Int, targets count: Int) {
            starts.reserveCapacity(starts.count + documents)
            targets.reserveCapacity(targets.count + count)
        }

        /// Each document's list, in order.
        func forEach(_ body: (Int, UnsafeBufferPointer<Int32>) -> Void) {
            starts.withUnsafeBufferPointer { s in
                targets.withUnsafeBufferPointer { t in
                    for d in 0..<(s.count - 1) {
                        body(d, UnsafeBufferPointer(rebasing: t[Int(s[d])..<Int(s[d + 1])]))
                    }
                }
            }
        }
    }
}
