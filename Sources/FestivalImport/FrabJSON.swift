import FestivalCatalog

/// Reads frab's `schedule.json`: `schedule.conference` with `days[].rooms`, an object of
/// room names to their events, each event with the fields of the XML (`persons` as objects
/// with `public_name` or `name`, `links` with `url`).
enum FrabJSON {
    /// Reads the schedule into `assembler`; false when it is not one.
    static func read(_ root: JSONNode, into assembler: inout FrabImport.Assembler, log: inout ImportLog) -> Bool {
        guard let conference = root["schedule"]?["conference"], conference.members != nil else {
            log.add(line: root.line, "schedule.conference", "no schedule.conference object: not a frab schedule")
            return false
        }
        assembler.conference = Self.conference(conference, root: root)
        for day in conference["days"]?.elements ?? [] { add(day: day, into: &assembler, log: &log) }
        return true
    }

    /// The conference's fields (from its members read so far, while days stream).
    static func conference(_ conference: JSONNode, root: JSONNode?) -> FrabImport.Schedule {
        var schedule = FrabImport.Schedule()
        schedule.title = conference["title"]?.string
        schedule.acronym = conference["acronym"]?.string
        schedule.timeZoneName = conference["time_zone_name"]?.string
        schedule.url = conference["url"]?.string ?? root?["schedule"]?["base_url"]?.string
        return schedule
    }

    /// One day's events, room by room.
    static func add(day: JSONNode, into assembler: inout FrabImport.Assembler, log: inout ImportLog) {
        for (roomName, list) in day["rooms"]?.members ?? [] {
            for node in list.elements ?? [] {
                guard let fields = node.members else {
                    log.add(line: node.line, column: node.column, "event", "an event is \(node.typeName), not an object")
                    continue
                }
                var e = FrabImport.Event(line: node.line)
                e.dayDate = day["date"]?.string
                e.dayStart = day["day_start"]?.string
                e.room = roomName
                for (key, value) in fields where FrabImport.Event.read.contains(key) {
                    switch value.value {
                    case .string(let s): e.fields[key] = s
                    case .int(let i): e.fields[key] = String(i)
                    default: break
                    }
                }
                for p in node["persons"]?.elements ?? [] {
                    if let name = p.string ?? p["public_name"]?.string ?? p["name"]?.string ?? p["full_public_name"]?.string { e.persons.append(name) }
                }
                for l in node["links"]?.elements ?? [] { if let url = l["url"]?.string ?? l.string { e.links.append(url) } }
                assembler.add(e, log: &log)
            }
        }
    }
}

extension FrabImport {
    /// The catalog of a `schedule.json`.
    static func catalog(json bytes: [UInt8], file: String, timeZone: String?) throws(CatalogError) -> (catalog: Catalog, warnings: [CatalogIssue]) {
        var log = ImportLog(file: file)
        var assembler = Assembler(file: file, timeZone: timeZone, log: &log)
        // Each day is read into the catalog as soon as it is parsed, and dropped: the tree
        // that is left holds the conference alone.
        var started = false
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes, streaming: ["days"]) { day, conferenceSoFar in
                if !started { started = true; assembler.conference = FrabJSON.conference(JSONNode(.object(conferenceSoFar)), root: nil) }
                FrabJSON.add(day: day, into: &assembler, log: &log)
            }
        } catch {
            log.add(line: error.line, column: error.column, "", "invalid JSON: \(error.message)")
            throw log.error
        }
        guard FrabJSON.read(root, into: &assembler, log: &log) else { throw log.error }
        return try assembler.finish(log: &log)
    }
}

/// JSON for the importers: the catalog's own parser (nesting capped, every error located).
enum ImportJSON {
    static func parse(_ bytes: [UInt8], log: inout ImportLog) throws(CatalogError) -> JSONNode {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            log.add(line: error.line, column: error.column, "", "invalid JSON: \(error.message)")
            throw log.error
        }
    }
}

extension JSONNode {
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    var members: [(key: String, value: JSONNode)]? {
        if case .object(let m) = value { return m }
        return nil
    }

    var elements: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }
}
