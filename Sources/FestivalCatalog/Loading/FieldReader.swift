import TextGrid

/// Collects problems while a JSON tree is read into catalog types.
final class IssueLog {
    let file: String
    private(set) var issues: [CatalogIssue] = []

    init(file: String) { self.file = file }

    func add(_ node: JSONNode?, _ path: String, _ message: String) {
        let line = node.flatMap { $0.line > 0 ? $0.line : nil }
        issues.append(CatalogIssue(file: file, path: path, line: line, column: line == nil ? nil : node?.column, message: message))
    }
}

/// How a member must appear in its object.
enum Presence {
    /// Present and not null.
    case required
    /// Present; null means unknown.
    case nullable
    /// May be absent or null.
    case optional
}

/// Typed, located access to the members of one JSON object; every problem goes to the log.
struct FieldReader {
    let node: JSONNode
    let path: String
    let log: IssueLog
    private var members: [String: JSONNode] = [:]

    /// Reads `node` as an object with exactly the `allowed` keys; nil (and an issue) otherwise.
    init?(_ node: JSONNode, _ path: String, log: IssueLog, allowed: [String]) {
        self.node = node
        self.path = path
        self.log = log
        guard case .object(let list) = node.value else {
            log.add(node, path, "expected an object, found \(node.typeName)")
            return nil
        }
        for member in list {
            if members[member.key] != nil {
                log.add(member.value, sub(member.key), "duplicate key \"\(member.key)\"")
            } else if !allowed.contains(member.key) {
                log.add(member.value, sub(member.key), "unknown key \"\(member.key)\" (expected one of: \(allowed.joined(separator: ", ")))")
            } else {
                members[member.key] = member.value
            }
        }
    }

    func sub(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The member's node, or nil when absent or null (reporting what `presence` forbids).
    func value(_ key: String, _ presence: Presence) -> JSONNode? {
        guard let v = members[key] else {
            switch presence {
            case .required: log.add(node, path, "missing required key \"\(key)\"")
            case .nullable: log.add(node, path, "missing key \"\(key)\" (write null if it is unknown)")
            case .optional: break
            }
            return nil
        }
        if case .null = v.value {
            if presence == .required { log.add(v, sub(key), "must not be null") }
            return nil
        }
        return v
    }

    func string(_ key: String, _ presence: Presence = .required) -> String? {
        guard let v = value(key, presence) else { return nil }
        return Self.string(v, sub(key), log)
    }

    static func string(_ v: JSONNode, _ path: String, _ log: IssueLog) -> String? {
        guard case .string(let s) = v.value else { log.add(v, path, "expected a string, found \(v.typeName)"); return nil }
        if s.utf8.count > Catalog.maxStringBytes {
            log.add(v, path, "is \(s.utf8.count) bytes long; a string holds at most \(Catalog.maxStringBytes) bytes of UTF-8")
            return nil
        }
        if s.allSatisfy(\.isWhitespace) { log.add(v, path, "must not be empty (use null for unknown)"); return nil }
        return s
    }

    func int(_ key: String, _ presence: Presence = .required, min: Int? = nil) -> Int? {
        guard let v = value(key, presence) else { return nil }
        guard case .int(let i) = v.value else { log.add(v, sub(key), "expected a whole number, found \(v.typeName)"); return nil }
        if let min, i < min { log.add(v, sub(key), "must be at least \(min) (use null for unknown)"); return nil }
        return i
    }

    /// A finite number, whole or not.
    func number(_ key: String) -> Double? {
        guard let v = value(key, .required) else { return nil }
        switch v.value {
        case .int(let i): return Double(i)
        case .double(let d) where d.isFinite: return d
        default: log.add(v, sub(key), "expected a number, found \(v.typeName)"); return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        guard let v = value(key, .required) else { return nil }
        guard case .bool(let b) = v.value else { log.add(v, sub(key), "expected true or false, found \(v.typeName)"); return nil }
        return b
    }

    func text(_ key: String, _ presence: Presence = .required) -> LocalizedText? {
        guard let v = value(key, presence) else { return nil }
        return Self.text(v, sub(key), log)
    }

    static func text(_ v: JSONNode, _ path: String, _ log: IssueLog) -> LocalizedText? {
        guard let r = FieldReader(v, path, log: log, allowed: Language.allCases.map(\.rawValue)) else { return nil }
        let t = LocalizedText(zhHant: r.string("zh-Hant", .optional), en: r.string("en", .optional))
        if r.value("zh-Hant", .optional) == nil && r.value("en", .optional) == nil {
            log.add(v, path, "needs a text in \"zh-Hant\" or \"en\"")
            return nil
        }
        return t.zhHant == nil && t.en == nil ? nil : t
    }

    func array(_ key: String, _ presence: Presence = .required) -> [(node: JSONNode, path: String)] {
        guard let v = value(key, presence) else { return [] }
        guard case .array(let items) = v.value else { log.add(v, sub(key), "expected an array, found \(v.typeName)"); return [] }
        return items.enumerated().map { (node: $0.element, path: sub(key) + "[\($0.offset)]") }
    }

    func id(_ key: String = "id") -> String? {
        guard let v = value(key, .required), let s = Self.string(v, sub(key), log) else { return nil }
        return Self.checkID(s, v, sub(key), log)
    }

    static func checkID(_ s: String, _ v: JSONNode, _ path: String, _ log: IssueLog) -> String? {
        if !Catalog.isValidID(s) { log.add(v, path, "\"\(s)\" is not a valid id (lowercase letters, digits and '-')"); return nil }
        return s
    }

    func date(_ key: String, _ presence: Presence = .nullable) -> PartialDate? {
        guard let v = value(key, presence), let s = Self.string(v, sub(key), log) else { return nil }
        guard let d = PartialDate(s) else { log.add(v, sub(key), "\"\(s)\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"); return nil }
        return d
    }

    func url(_ key: String, _ presence: Presence = .nullable) -> String? {
        guard let v = value(key, presence), let s = Self.string(v, sub(key), log) else { return nil }
        guard URLCheck.isWebURL(s) else { log.add(v, sub(key), "\"\(s)\" is not an http(s) URL"); return nil }
        return s
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let v = value(key, .required), let s = Self.string(v, sub(key), log) else { return nil }
        guard let e = E(rawValue: s) else {
            log.add(v, sub(key), "\"\(s)\" is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return e
    }
}
