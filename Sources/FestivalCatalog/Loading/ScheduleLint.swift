/// `festival validate`'s warning for a screening whose local time happens twice (the clocks
/// turned back): which offset festival takes.
enum ScheduleLint {
    static func warnings(_ catalog: Catalog, _ root: JSONNode, file: String) -> [CatalogIssue] {
        guard case .object(let members) = root.value, let list = members.first(where: { $0.key == "screenings" })?.value,
              case .array(let items) = list.value, items.count == catalog.screenings.count else { return [] }
        var found: [CatalogIssue] = []
        for (i, screening) in catalog.screenings.enumerated() {
            guard let start = screening.start, let minute = start.minute, let venue = screening.venue.flatMap(catalog.venue),
                  let name = venue.timeZone, let zone = LocalTime.zone(name),
                  case .ambiguous(let earlier, let later) = LocalTime.resolve(start, minute: minute, in: zone) else { continue }
            var node = items[i]
            if case .object(let fields) = node.value, let value = fields.first(where: { $0.key == "start" })?.value { node = value }
            found.append(CatalogIssue(file: file, path: "screenings[\(i)].start", line: node.line > 0 ? node.line : nil,
                                      column: node.line > 0 ? node.column : nil,
                                      message: "\(start) happens twice in \(name) (UTC\(LocalTime.offsetText(earlier, in: zone)) and "
                                          + "UTC\(LocalTime.offsetText(later, in: zone))); the first, UTC\(LocalTime.offsetText(earlier, in: zone)), is taken"))
        }
        return found
    }
}
