/// The fast path's JSON reading: straight from the bytes, no tree, no positions. Anything
/// that is not as a valid catalog writes it — a syntax error, an unknown or repeated key, a
/// value of the wrong type, an escape it does not decode exactly as `JSONParser` does —
/// throws `FastJSON.Bail`, and the loader reads the file again the slow way, which finds and
/// locates every problem.
struct FastJSON {
    struct Bail: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    var i: Int
    /// The values read so far that repeat from record to record (see `shared:` below).
    let shared = SharedValues()

    init(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int = 0) {
        self.bytes = bytes
        self.i = start
    }

    @inline(__always) var current: UInt8 { i < bytes.count ? bytes[i] : 0 }

    @inline(__always) mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    @inline(__always) mutating func expect(_ b: UInt8) throws(Bail) {
        skipSpace()
        guard current == b else { throw Bail() }
        i += 1
    }

    /// True (and consumed) when the next value is `null`.
    mutating func null() -> Bool {
        skipSpace()
        guard i + 4 <= bytes.count, bytes[i] == 0x6E, bytes[i + 1] == 0x75, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x6C else { return false }
        i += 4
        return true
    }

    mutating func bool() throws(Bail) -> Bool {
        skipSpace()
        if i + 4 <= bytes.count, bytes[i] == 0x74, bytes[i + 1] == 0x72, bytes[i + 2] == 0x75, bytes[i + 3] == 0x65 {
            i += 4
            return true
        }
        if i + 5 <= bytes.count, bytes[i] == 0x66, bytes[i + 1] == 0x61, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x73, bytes[i + 4] == 0x65 {
            i += 5
            return false
        }
        throw Bail()
    }

    /// A whole number as `JSONParser` reads one (no fraction, no exponent, fits in Int).
    mutating func int() throws(Bail) -> Int {
        skipSpace()
        var negative = false
        if current == 0x2D { negative = true; i += 1 }
        let start = i
        var value = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
            guard !o1, !o2 else { throw Bail() }
            value = a
            i += 1
        }
        guard i > start, !(bytes[start] == 0x30 && i - start > 1) else { throw Bail() }
        guard current != 0x2E, current != 0x65, current != 0x45 else { throw Bail() }
        return negative ? -value : value
    }

    /// The raw bytes of a string without escapes (object keys, enum values); bails on one.
    mutating func rawString() throws(Bail) -> UnsafeBufferPointer<UInt8> {
        try expect(0x22)
        guard let plain = try plainRun() else { throw Bail() }
        return plain
    }

    /// A string, escapes decoded; its UTF-8 must be valid (the slow path reports it otherwise).
    /// `shared`: a value that tends to repeat (a place, an id), made once and then reused.
    mutating func string(shared: Bool = false) throws(Bail) -> String {
        try expect(0x22)
        let start = i
        guard let plain = try plainRun() else { return try escapedString(from: start) }
        guard let s = shared ? self.shared.string(plain) : String(validating: plain, as: UTF8.self) else { throw Bail() }
        return s
    }

    /// From just after a string's opening quote: its bytes up to the closing quote (then
    /// consumed), or nil at a backslash (`i` left on it).
    private mutating func plainRun() throws(Bail) -> UnsafeBufferPointer<UInt8>? {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
            }
            if b == 0x5C { return nil }
            guard b >= 0x20 else { throw Bail() }
            i += 1
        }
        throw Bail()
    }

    private mutating func escapedString(from start: Int) throws(Bail) -> String {
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw Bail() }
                return s
            }
            guard b >= 0x20 else { throw Bail() }
            guard b == 0x5C else { out.append(b); i += 1; continue }
            guard i + 1 < bytes.count else { throw Bail() }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var v = try hex4()
                if (0xD800..<0xDC00).contains(v) {
                    // A pair; a lone surrogate is left to the slow path's rules.
                    guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { throw Bail() }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw Bail() }
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(v) else { throw Bail() }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw Bail()
            }
        }
        throw Bail()
    }

    private mutating func hex4() throws(Bail) -> UInt32 {
        guard i + 4 <= bytes.count else { throw Bail() }
        var v: UInt32 = 0
        for k in 0..<4 {
            let h = bytes[i + k]
            let d: UInt8
            switch h {
            case 0x30...0x39: d = h - 0x30
            case 0x61...0x66: d = h - 0x61 + 10
            case 0x41...0x46: d = h - 0x41 + 10
            default: throw Bail()
            }
            v = v << 4 | UInt32(d)
        }
        i += 4
        return v
    }

    /// Calls `member` with each key of an object (the key's bytes; it must read the value).
    mutating func object(_ member: (inout FastJSON, UnsafeBufferPointer<UInt8>) throws(Bail) -> Void) throws(Bail) {
        try expect(0x7B)
        skipSpace()
        if current == 0x7D { i += 1; return }
        while true {
            let key = try rawString()
            try expect(0x3A)
            try member(&self, key)
            skipSpace()
            if current == 0x2C { i += 1; continue }
            if current == 0x7D { i += 1; return }
            throw Bail()
        }
    }

    /// Calls `element` for each element of an array (it must read the element).
    mutating func array(_ element: (inout FastJSON) throws(Bail) -> Void) throws(Bail) {
        try expect(0x5B)
        skipSpace()
        if current == 0x5D { i += 1; return }
        while true {
            try element(&self)
            skipSpace()
            if current == 0x2C { i += 1; continue }
            if current == 0x5D { i += 1; return }
            throw Bail()
        }
    }
}

/// The keys an object has had, to refuse a repeated one and find a missing one.
struct SeenKeys {
    private var bits: UInt32 = 0

    /// Marks key number `n`; a second time bails.
    mutating func mark(_ n: Int) throws(FastJSON.Bail) {
        guard bits & (1 << n) == 0 else { throw FastJSON.Bail() }
        bits |= 1 << n
    }

    func has(_ n: Int) -> Bool { bits & (1 << n) != 0 }

    /// Bails unless every key numbered in `keys` was there.
    func require(_ keys: [Int]) throws(FastJSON.Bail) {
        for n in keys where !has(n) { throw FastJSON.Bail() }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The position of these bytes in `keys` (compared byte for byte), or nil.
    @inline(__always) func index(in keys: [[UInt8]]) -> Int? {
        for (n, key) in keys.enumerated() where key.count == count {
            var equal = true
            for k in 0..<count where key[k] != self[k] {
                equal = false
                break
            }
            if equal { return n }
        }
        return nil
    }
}
