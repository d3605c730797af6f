import Foundation
import Synchronization

/// A large array (the quotes, most of a large catalog; the people and films of a large
/// festival) decoded on every core: a quick pass finds where its elements start (strings
/// skipped, brackets counted, nothing decoded), then runs of elements are decoded in
/// parallel and joined in order.
extension FastJSON {
    /// Fewer elements than this are decoded on one thread (splitting would cost more).
    static let parallelElements = 4_096

    mutating func quotes(progress: LoadProgress?) throws(Bail) -> [Quote] {
        try elements(progress: progress) { j throws(Bail) in try j.quote() }
    }

    /// The array at `i`, each element decoded by `decode` (on every core for a long one).
    mutating func elements<T: Sendable>(progress: LoadProgress? = nil,
                                        _ decode: @Sendable (inout FastJSON) throws(Bail) -> T) throws(Bail) -> [T] {
        let arrayStart = i
        let starts = try elementStarts()
        let end = i
        guard starts.count >= Self.parallelElements else {
            i = arrayStart
            var items: [T] = []
            items.reserveCapacity(starts.count)
            try array { j throws(Bail) in items.append(try decode(&j)) }
            return items
        }
        let parts = min(starts.count / 1_024, 4 * ProcessInfo.processInfo.activeProcessorCount)
        let bounds = (0...parts).map { starts.count * $0 / parts }
        // Per part: how many of its elements it initialized, and whether it got them all.
        let outcomes = Mutex([(done: Int, whole: Bool)](repeating: (0, false), count: parts))
        let decoded = Atomic<Int>(0)
        let bytes = SharedMemory(pointer: self.bytes)
        // Each run decoded straight into its place: no run is held apart and then copied.
        let items = [T](unsafeUninitializedCapacity: starts.count) { buffer, initialized in
            let base = SharedMemory(pointer: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var j = FastJSON(bytes.pointer, at: starts[bounds[part]])
                var done = 0
                do throws(Bail) {
                    for n in bounds[part]..<bounds[part + 1] {
                        if n > bounds[part] { try j.expect(0x2C) }
                        j.skipSpace()
                        guard j.i == starts[n] else { throw Bail() }
                        (base.pointer + n).initialize(to: try decode(&j))
                        done += 1
                    }
                } catch {
                    outcomes.withLock { $0[part] = (done, false) }
                    return
                }
                let total = decoded.add(j.i - starts[bounds[part]], ordering: .relaxed).newValue
                progress?.advance(to: arrayStart + total)
                outcomes.withLock { $0[part] = (done, true) }
            }
            let results = outcomes.withLock { $0 }
            if results.allSatisfy(\.whole) {
                initialized = starts.count
            } else {
                for (part, result) in results.enumerated() { (base.pointer + bounds[part]).deinitialize(count: result.done) }
                initialized = 0
            }
        }
        guard items.count == starts.count else { throw Bail() }
        i = end
        return items
    }

    /// Where each element of the array at `i` starts; leaves `i` after the array.
    mutating func elementStarts() throws(Bail) -> [Int] {
        try expect(0x5B)
        var starts: [Int] = []
        skipSpace()
        if current == 0x5D { i += 1; return starts }
        while true {
            skipSpace()
            starts.append(i)
            try skipValue()
            skipSpace()
            if current == 0x2C { i += 1; continue }
            if current == 0x5D { i += 1; return starts }
            throw Bail()
        }
    }

    /// Skips one value without decoding it (its validity is checked when it is decoded).
    mutating func skipValue() throws(Bail) {
        var depth = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22:
                i += 1
                while i < bytes.count, bytes[i] != 0x22 { i += bytes[i] == 0x5C ? 2 : 1 }
                guard i < bytes.count else { throw Bail() }
                i += 1
                if depth == 0 { return }
            case 0x7B, 0x5B:
                depth += 1
                i += 1
            case 0x7D, 0x5D:
                guard depth > 0 else { return }
                depth -= 1
                i += 1
                if depth == 0 { return }
            case 0x2C:
                if depth == 0 { return }
                i += 1
            default:
                i += 1
            }
        }
        if depth > 0 { throw Bail() }
    }
}

