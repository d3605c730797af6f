import FestivalSchedule
import FestivalTOML

/// The config's `[plan]` table: the planner's defaults, for the browser's `A` and for
/// `festival plan` (whose options override them).
///
/// ```toml
/// [plan]
/// same-venue-minutes = 10       # travel within one venue, 0–1440
/// between-venues-minutes = 20   # travel between venues without a catalog entry, 0–1440
/// window = "10:00-23:30"        # plan only screenings within these hours
/// max-per-day = 4
/// standby = false               # plan standby screenings too
/// late-after = "23:00"          # a screening ending later is a late night
/// time-limit = 2                # seconds the exact search may take, 0.1–600
/// ```
extension ConfigReader {
    static let planSettings = ["same-venue-minutes", "between-venues-minutes", "window", "max-per-day", "standby", "late-after", "time-limit"]

    mutating func plan(_ value: TOMLItem) -> PlanRequest? {
        guard let table = value.table else {
            wrongType("plan", value, "a table ([plan])")
            return nil
        }
        var request = PlanRequest()
        for (name, item) in table.entries { planSetting(name, item, &request) }
        return request
    }

    /// One `[plan]` setting into `request`, or a located problem.
    mutating func planSetting(_ name: String, _ item: TOMLItem, _ request: inout PlanRequest) {
        let path = Self.join(["plan", name])
        switch name {
        case "same-venue-minutes":
            if let n = minutes(item) { request.sameVenueMinutes = n } else { wrongType(path, item, "minutes from 0 to 1440") }
        case "between-venues-minutes":
            if let n = minutes(item) { request.betweenVenuesMinutes = n } else { wrongType(path, item, "minutes from 0 to 1440") }
        case "window":
            if let window = item.string.flatMap(PlanRequest.window) { request.window = window } else { wrongType(path, item, #"hours like "10:00-23:30""#) }
        case "max-per-day":
            if let n = item.integer, (1...100).contains(n) { request.maxPerDay = Int(n) } else { wrongType(path, item, "a number from 1 to 100") }
        case "standby":
            if let b = item.bool { request.standby = b } else { wrongType(path, item, "true or false") }
        case "late-after":
            if let window = item.string.flatMap({ PlanRequest.window($0 + "-30:00") }) { request.lateAfter = window.lowerBound }
            else { wrongType(path, item, #"a time like "23:00""#) }
        case "time-limit":
            if let seconds = Self.seconds(item) { request.timeLimit = seconds } else { wrongType(path, item, "seconds from 0.1 to 600") }
        default:
            fail(path, item, "unknown setting\(suggestion(name, Self.planSettings)) (plan settings: \(Self.planSettings.joined(separator: ", ")))", atKey: true)
        }
    }

    func minutes(_ item: TOMLItem) -> Int? {
        guard let n = item.integer, (0...1_440).contains(n) else { return nil }
        return Int(n)
    }

    static func seconds(_ item: TOMLItem) -> Double? {
        let value: Double
        switch item.value {
        case .integer(let n): value = Double(n)
        case .float(let x): value = x
        default: return nil
        }
        return (0.1...600).contains(value) ? value : nil
    }
}
