import FestivalIO

extension ByteCorpus {
    /// Gathers a corpus record by record (on one thread; runs built on others are joined
    /// in order), then `finish()` fixes it.
    struct Builder: Sendable {
        private(set) var bytes: [UInt8] = []
        private(set) var starts: [Int] = [0]
        private var letters: [UInt64] = []
        private var wordStartLetters: [UInt64] = []
        private var wholeWordLetters: [UInt64] = []

        var count: Int { starts.count - 1 }

        /// Appends a record made of `fields` (already folded), separated by `Fold.Separator.field`.
        mutating func append(fields: [[UInt8]]) {
            let start = bytes.count
            for (i, field) in fields.enumerated() where !field.isEmpty {
                if i > 0 { bytes.append(Fold.Separator.field) }
                bytes.append(contentsOf: field)
            }
            var anywhere: UInt64 = 0, atStart: UInt64 = 0, alone: UInt64 = 0
            var previousIsWord = false
            for i in start..<bytes.count {
                let byte = bytes[i]
                if let bit = ByteCorpus.letterBit(byte) {
                    anywhere |= bit
                    if !previousIsWord {
                        atStart |= bit
                        if i + 1 == bytes.count || !ByteCorpus.isWordByte(bytes[i + 1]) { alone |= bit }
                    }
                }
                previousIsWord = ByteCorpus.isWordByte(byte)
            }
            letters.append(anywhere)
            wordStartLetters.append(atStart)
            wholeWordLetters.append(alone)
            bytes.append(Fold.Separator.record)
            starts.append(bytes.count)
        }

        /// Appends the records of another builder (filled on another thread), in order.
        mutating func append(records other: Builder) {
            let shift = bytes.count
            bytes.append(contentsOf: other.bytes)
            starts.append(contentsOf: other.starts.dropFirst().map { $0 + shift })
            letters += other.letters
            wordStartLetters += other.wordStartLetters
            wholeWordLetters += other.wholeWordLetters
        }

        /// The corpus, with its byte frequencies counted.
        func finish() -> ByteCorpus {
            var frequency = [Int](repeating: 0, count: 256)
            for byte in bytes { frequency[Int(byte)] += 1 }
            return ByteCorpus(built: Column(bytes), starts: Column(starts), frequency: frequency, letters: Column(letters),
                              wordStartLetters: Column(wordStartLetters), wholeWordLetters: Column(wholeWordLetters))
        }
    }
}
