/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast pseudo-random generator whose
/// output depends only on its seed, so synthetic catalogs are the same on every run and
/// every machine. Never the system generator. Integer arithmetic only.
package struct SyntheticRandom {
    private var state: UInt64

    /// A generator for one independent stream of `seed` (films, people, quotes, … each
    /// get their own, so changing how many quotes are made leaves the films alone).
    package init(seed: UInt64, stream: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ 0x9E37_79B9_7F4A_7C15))
    }

    /// The SplitMix64 finalizer.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A number in `0..<n` (n > 0), by the high half of a 128-bit product.
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A number in `range`.
    package mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True `percent` times in 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index in `0..<n` that favours small indices (the smaller of two draws), so a
    /// few speakers say much and many say little.
    mutating func skewed(_ n: Int) -> Int { min(below(n), below(n)) }
}
