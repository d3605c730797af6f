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
        for (name, item) in table.entries {
            let path = Self.join(["plan", name])
            switch name {
            case "same-venue-minutes", "between-venues-minutes":
                guard let n = item.integer, (0...1_440).contains(n) else { wrongType(path, item, "minutes from 0 to 1440"); continue }
                if name == "same-venue-minutes" { request.sameVenueMinutes = Int(n) } else { request.betweenVenuesMinutes = Int(n) }
            case "window":
                guard let text = item.string, let window = PlanRequest.window(text) else { wrongType(path, item, #"hours like "10:00-23:30""#); continue }
                request.window = window
            case "max-per-day":
                guard let n = item.integer, (1...100).contains(n) else { wrongType(path, item, "a number from 1 to 100"); continue }
                request.maxPerDay = Int(n)
            case "standby":
                guard let b = item.bool else { wrongType(path, item, "true or false"); continue }
                request.standby = b
            case "late-after":
                guard let text = item.string, let window = PlanRequest.window(text + "-30:00") else { wrongType(path, item, #"a time like "23:00""#); continue }
                request.lateAfter = window.lowerBound
            case "time-limit":
                var seconds = item.integer.map(Double.init)
                if case .float(let x) = item.value { seconds = x }
                guard let seconds, (0.1...600).contains(seconds) else { wrongType(path, item, "seconds from 0.1 to 600"); continue }
                request.timeLimit = seconds
            default:
                fail(path, item, "unknown setting\(suggestion(name, Self.planSettings)) (plan settings: \(Self.planSettings.joined(separator: ", ")))", atKey: true)
            }
        }
        return request
    }
}
