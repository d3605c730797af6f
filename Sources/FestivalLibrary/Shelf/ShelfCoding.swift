import Foundation
import FestivalCatalog

/// The shelf file's JSON (docs/SHELF-FORMAT.md): written with `JSONWriter`, members in
/// sorted order; read strictly, so a damaged or foreign file is reported rather than
/// half-read and later overwritten with whatever was understood.
package enum ShelfCoding {
    /// Version 2 adds priorities, screenings and unavailable times; a shelf without them is
    /// still written as version 1, which older festivals read.
    static let version = 2

    /// Why a shelf file cannot be read as one: a short reason, with its place when known.
    package struct FormatError: Error, Equatable, CustomStringConvertible {
        package var reason: String
        package var description: String { reason }
    }

    // MARK: - Writing

    package static func encode(_ shelf: Shelf, catalogID: String) -> [UInt8] {
        let films = shelf.films.sorted { $0.key < $1.key }.map { id, entry -> (String, JSONNode) in
            var members: [(String, JSONNode)] = [("favorite", .bool(entry.favorite))]
            if let note = entry.note { members.append(("note", .string(note))) }
            if let priority = entry.priority { members.append(("priority", .int(priority))) }
            if let rating = entry.rating { members.append(("rating", .int(rating))) }
            members.append(("updated", .string(ShelfTime.format(entry.updated))))
            members.append(("watched", .bool(entry.watched)))
            return (id, .object(members))
        }
        let quotes = shelf.quotes.sorted { $0.key < $1.key }.map { id, entry -> (String, JSONNode) in
            var members: [(String, JSONNode)] = [("favorite", .bool(entry.favorite))]
            if let note = entry.note { members.append(("note", .string(note))) }
            members.append(("updated", .string(ShelfTime.format(entry.updated))))
            return (id, .object(members))
        }
        let planned = !shelf.screenings.isEmpty || !shelf.unavailable.isEmpty || shelf.films.values.contains { $0.priority != nil }
        var top: [(String, JSONNode)] = [("catalogId", .string(catalogID)), ("films", .object(films)), ("quotes", .object(quotes))]
        if planned {
            let screenings = shelf.screenings.sorted { $0.key < $1.key }.map { id, entry -> (String, JSONNode) in
                (id, .object([("picked", .bool(entry.picked)), ("ticket", .bool(entry.ticket)),
                              ("updated", .string(ShelfTime.format(entry.updated)))]))
            }
            top.append(("screenings", .object(screenings)))
        }
        top.append(("shelfVersion", .int(planned ? version : 1)))
        if planned {
            top.append(("unavailable", .array(shelf.unavailable.map {
                .object([("from", .string($0.from.description)), ("timeZone", .string($0.timeZone)), ("to", .string($0.to.description))])
            })))
        }
        return JSONWriter.bytes(.object(top))
    }

    // MARK: - Reading

    package static func decode(_ bytes: [UInt8], catalogID: String) throws(FormatError) -> Shelf {
        if bytes.isEmpty { throw FormatError(reason: "the file is empty") }
        if let bad = JSONParser.firstInvalidUTF8(bytes) {
            throw FormatError(reason: "line \(bad.line), column \(bad.column): not UTF-8 text")
        }
        let root: JSONNode
        do { root = try JSONParser.parse(bytes) } catch {
            throw FormatError(reason: "line \(error.line), column \(error.column): \(error.message)")
        }
        let top = try members(root, "the file", allowed: ["shelfVersion", "catalogId", "films", "quotes", "screenings", "unavailable"],
                              required: ["shelfVersion", "catalogId", "films", "quotes"])
        guard case .int(let version) = top["shelfVersion"]!.value else {
            throw problem(top["shelfVersion"]!, "shelfVersion", "expected a number, found \(top["shelfVersion"]!.typeName)")
        }
        guard (1...Self.version).contains(version) else {
            throw problem(top["shelfVersion"]!, "shelfVersion", "unsupported version \(version) (this festival reads 1 to \(Self.version))")
        }
        if version == 1, let extra = top["screenings"] ?? top["unavailable"] {
            throw problem(extra, "the file", "screenings and unavailable times need shelfVersion 2")
        }
        guard case .string(let fileCatalog) = top["catalogId"]!.value else {
            throw problem(top["catalogId"]!, "catalogId", "expected a string, found \(top["catalogId"]!.typeName)")
        }
        guard fileCatalog == catalogID else {
            throw problem(top["catalogId"]!, "catalogId", "the file is for catalog \"\(fileCatalog)\", not \"\(catalogID)\"")
        }

        var shelf = Shelf()
        for (id, node) in try entries(top["films"]!, "films") {
            let path = "films.\(quoted(id))"
            let m = try members(node, path, allowed: version >= 2 ? ["favorite", "watched", "rating", "note", "updated", "priority"]
                                                         : ["favorite", "watched", "rating", "note", "updated"],
                                required: ["updated"])
            var entry = Shelf.FilmEntry(updated: try updated(m["updated"]!, path))
            entry.favorite = try bool(m["favorite"], "\(path).favorite")
            entry.watched = try bool(m["watched"], "\(path).watched")
            entry.rating = try rating(m["rating"], "\(path).rating")
            entry.priority = try priority(m["priority"], "\(path).priority")
            entry.note = try note(m["note"], "\(path).note")
            if !entry.isEmpty { shelf.films[id] = entry }
        }
        for (id, node) in try entries(top["quotes"]!, "quotes") {
            let path = "quotes.\(quoted(id))"
            let m = try members(node, path, allowed: ["favorite", "note", "updated"], required: ["updated"])
            var entry = Shelf.QuoteEntry(updated: try updated(m["updated"]!, path))
            entry.favorite = try bool(m["favorite"], "\(path).favorite")
            entry.note = try note(m["note"], "\(path).note")
            if !entry.isEmpty { shelf.quotes[id] = entry }
        }
        if let node = top["screenings"] {
            for (id, node) in try entries(node, "screenings") {
                let path = "screenings.\(quoted(id))"
                let m = try members(node, path, allowed: ["picked", "ticket", "updated"], required: ["updated"])
                var entry = Shelf.ScreeningEntry(updated: try updated(m["updated"]!, path))
                entry.picked = try bool(m["picked"], "\(path).picked")
                entry.ticket = try bool(m["ticket"], "\(path).ticket")
                if entry.ticket { entry.picked = true }
                if !entry.isEmpty { shelf.screenings[id] = entry }
            }
        }
        if let node = top["unavailable"] {
            guard case .array(let items) = node.value else { throw problem(node, "unavailable", "expected an array, found \(node.typeName)") }
            guard items.count <= Shelf.maxUnavailable else {
                throw problem(node, "unavailable", "\(items.count) spans; a shelf keeps at most \(Shelf.maxUnavailable)")
            }
            for (i, item) in items.enumerated() {
                let path = "unavailable[\(i)]"
                let m = try members(item, path, allowed: ["from", "to", "timeZone"], required: ["from", "to", "timeZone"])
                guard case .string(let from) = m["from"]!.value, case .string(let to) = m["to"]!.value,
                      case .string(let zone) = m["timeZone"]!.value,
                      let a = LocalStart(from), let b = LocalStart(to), let span = Shelf.Unavailable(from: a, to: b, timeZone: zone) else {
                    throw problem(item, path, "expected {\"from\": \"YYYY-MM-DDTHH:MM\", \"to\": a later one, \"timeZone\": a known IANA name}")
                }
                shelf.addUnavailable(span)
            }
        }
        return shelf
    }

    /// An object's members by name: duplicates, unknown names (which a later write would
    /// drop) and missing required names are errors.
    private static func members(_ node: JSONNode, _ path: String, allowed: Set<String>,
                                required: [String]) throws(FormatError) -> [String: JSONNode] {
        guard case .object(let list) = node.value else {
            throw problem(node, path, "expected an object, found \(node.typeName)")
        }
        var result: [String: JSONNode] = [:]
        for (key, value) in list {
            guard allowed.contains(key) else { throw problem(value, path, "unknown member \(quoted(key))") }
            guard result[key] == nil else { throw problem(value, path, "duplicate member \(quoted(key))") }
            result[key] = value
        }
        for key in required where result[key] == nil {
            throw problem(node, path, "missing member \(quoted(key))")
        }
        return result
    }

    /// The members of `films` or `quotes`: non-empty ids, each once.
    private static func entries(_ node: JSONNode, _ path: String) throws(FormatError) -> [(String, JSONNode)] {
        guard case .object(let list) = node.value else {
            throw problem(node, path, "expected an object, found \(node.typeName)")
        }
        var seen = Set<String>()
        for (id, value) in list {
            guard !id.isEmpty else { throw problem(value, path, "an empty id") }
            guard seen.insert(id).inserted else { throw problem(value, path, "duplicate id \(quoted(id))") }
        }
        return list.map { ($0.key, $0.value) }
    }

    private static func bool(_ node: JSONNode?, _ path: String) throws(FormatError) -> Bool {
        guard let node else { return false }
        guard case .bool(let b) = node.value else { throw problem(node, path, "expected true or false, found \(node.typeName)") }
        return b
    }

    private static func rating(_ node: JSONNode?, _ path: String) throws(FormatError) -> Int? {
        guard let node else { return nil }
        switch node.value {
        case .null: return nil
        case .int(let r) where Shelf.ratings.contains(r): return r
        case .int(let r): throw problem(node, path, "expected a rating from 1 to 5, found \(r)")
        case .double(let r): throw problem(node, path, "expected a rating from 1 to 5, found \(r)")
        default: throw problem(node, path, "expected a rating from 1 to 5 or null, found \(node.typeName)")
        }
    }

    private static func priority(_ node: JSONNode?, _ path: String) throws(FormatError) -> Int? {
        guard let node else { return nil }
        switch node.value {
        case .null: return nil
        case .int(let p) where Shelf.priorities.contains(p): return p
        case .int(let p): throw problem(node, path, "expected a priority from 0 to 5, found \(p)")
        default: throw problem(node, path, "expected a priority from 0 to 5 or null, found \(node.typeName)")
        }
    }

    private static func note(_ node: JSONNode?, _ path: String) throws(FormatError) -> String? {
        guard let node else { return nil }
        switch node.value {
        case .null: return nil
        case .string(let s): return Shelf.normalizedNote(s)
        default: throw problem(node, path, "expected a string or null, found \(node.typeName)")
        }
    }

    private static func updated(_ node: JSONNode, _ path: String) throws(FormatError) -> Date {
        guard case .string(let text) = node.value else {
            throw problem(node, "\(path).updated", "expected a UTC time as a string, found \(node.typeName)")
        }
        guard let date = ShelfTime.parse(text) else {
            throw problem(node, "\(path).updated", "expected a UTC time like \"2026-11-27T05:40:00Z\", found \(quoted(text))")
        }
        return date
    }

    private static func problem(_ node: JSONNode, _ path: String, _ message: String) -> FormatError {
        FormatError(reason: "line \(node.line), column \(node.column): \(path): \(message)")
    }

    private static func quoted(_ s: String) -> String {
        String(decoding: JSONWriter.bytes(.string(s)).dropLast(), as: UTF8.self)
    }
}
