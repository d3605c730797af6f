import FestivalIO

extension ByteCorpus {
    /// Gathers a corpus record by record (on one thread; runs built on others are joined
    /// in order), then `finish()` fixes it. Byte frequencies are counted as records are
    /// added, so a run built on another core has counted its own.
    struct Builder: Sendable {
        private(set) var bytes: [UInt8] = []
        private(set) var starts: [Int] = [0]
        private var letters: [UInt64] = []
        private var wordStartLetters: [UInt64] = []
        private var wholeWordLetters: [UInt64] = []
        private var frequency = [Int](repeating: 0, count: 256)

        var count: Int { starts.count - 1 }

        /// Appends a record made of `fields` (already folded), separated by `Fold.Separator.field`.
        mutating func append(fields: [[UInt8]]) {
            appendRecord(fields: fields.count) { k, bytes in bytes += fields[k] }
        }

        /// Appends a record of `count` fields, field k written by `write(k, &bytes)` straight
        /// after what the corpus holds (folded text, with no array of its own), the same
        /// bytes as `append(fields:)`: a field after the first is preceded by
        /// `Fold.Separator.field` unless it is empty.
        mutating func appendRecord(fields count: Int, _ write: (Int, inout [UInt8]) -> Void) {
            let start = bytes.count
            for k in 0..<count {
                let mark = bytes.count
                if k > 0 { bytes.append(Fold.Separator.field) }
                let fieldStart = bytes.count
                write(k, &bytes)
                if bytes.count == fieldStart { bytes.removeSubrange(mark...) }
            }
            var anywhere: UInt64 = 0, atStart: UInt64 = 0, alone: UInt64 = 0
            bytes.withUnsafeBufferPointer { b in
                frequency.withUnsafeMutableBufferPointer { counts in
                    var previousIsWord = false
                    for i in start..<b.count {
                        let byte = b[i]
                        counts[Int(byte)] += 1
                        if let bit = ByteCorpus.letterBit(byte) {
                            anywhere |= bit
                            if !previousIsWord {
                                atStart |= bit
                                if i + 1 == b.count || !ByteCorpus.isWordByte(b[i + 1]) { alone |= bit }
                            }
                        }
                        previousIsWord = ByteCorpus.isWordByte(byte)
                    }
                }
            }
            letters.append(anywhere)
            wordStartLetters.append(atStart)
            wholeWordLetters.append(alone)
            bytes.append(Fold.Separator.record)
            frequency[Int(Fold.Separator.record)] += 1
            starts.append(bytes.count)
        }

        /// Makes room for `records` more records of `bytes` bytes in all, so that joining
        /// runs copies each byte once.
        mutating func reserve(records: Int, bytes: Int) {
            self.bytes.reserveCapacity(self.bytes.count + bytes)
            starts.reserveCapacity(starts.count + records)
            letters.reserveCapacity(letters.count + records)
            wordStartLetters.reserveCapacity(wordStartLetters.count + records)
            wholeWordLetters.reserveCapacity(wholeWordLetters.count + records)
        }

        /// Appends the records of another builder (filled on another thread), in order.
        mutating func append(records other: Builder) {
            let shift = bytes.count
            bytes.append(contentsOf: other.bytes)
            starts.append(contentsOf: other.starts.dropFirst().lazy.map { $0 + shift })
            letters += other.letters
            wordStartLetters += other.wordStartLetters
            wholeWordLetters += other.wholeWordLetters
            for b in 0..<256 { frequency[b] += other.frequency[b] }
        }

        /// The corpus.
        func finish() -> ByteCorpus {
            ByteCorpus(built: Column(bytes), starts: Column(starts), frequency: frequency, letters: Column(letters),
                       wordStartLetters: Column(wordStartLetters), wholeWordLetters: Column(wholeWordLetters))
        }
    }
}
