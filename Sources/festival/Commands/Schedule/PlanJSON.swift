import FestivalCatalog
import FestivalExport
import FestivalSchedule

/// `festival plan --json`: the plan as one JSON object (exact strings; JSONWriter escapes
/// controls and bidi characters).
enum PlanJSON {
    static func text(_ o: PlanOutcome, timetable: Timetable, catalog: Catalog) -> String {
        let picks: [JSONNode] = o.picks.compactMap(timetable.entry).map { e in
            .object([
                ("id", .string(e.id)), ("films", .array(e.screening.films.map(JSONNode.string))),
                ("venue", e.screening.venue.map(JSONNode.string) ?? JSONNode(.null)),
                ("start", e.screening.start.map { .string($0.description) } ?? JSONNode(.null)),
                ("duration", e.duration.map(JSONNode.int) ?? JSONNode(.null)),
                ("status", .string(e.screening.status.rawValue)),
            ])
        }
        let leftOut: [JSONNode] = o.leftOut.map { left in
            var members: [(String, JSONNode)] = [("film", .string(left.film))]
            switch left.reason {
            case .noScreening: members.append(("reason", .string("no-screening")))
            case .excluded(let list): members += [("reason", .string("excluded")), ("why", .array(list.map { .string($0.rawValue) }))]
            case .conflicts(let ids): members += [("reason", .string("conflicts")), ("with", .array(ids.map(JSONNode.string)))]
            case .dayFull: members.append(("reason", .string("day-full")))
            case .searchStopped: members.append(("reason", .string("search-stopped")))
            }
            return .object(members)
        }
        return JSONWriter.string(.object([
            ("catalogId", .string(catalog.id)), ("picks", .array(picks)),
            ("added", .array(o.added.map(JSONNode.string))), ("removed", .array(o.removed.map(JSONNode.string))),
            ("weight", .int(o.weight)), ("bound", .int(o.bound)), ("proven", .bool(o.proven)),
            ("travelMinutes", .int(o.travelMinutes)), ("lateNights", .int(o.lateNights)), ("leftOut", .array(leftOut)),
        ])) + "\n"
    }
}
