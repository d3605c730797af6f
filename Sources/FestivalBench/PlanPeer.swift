import FestivalPlanner
import Foundation
import Subprocess

/// `scripts/plan_peer.py` (an OR-Tools MIP, SCIP, on the same problem) run on an instance written
/// to a temporary file as JSON (the format the script's header describes).
enum PlanPeer {
    struct Answer {
        var weight: Int, travel: Int, late: Int
        var seconds: Double
        var status: String
        var solver: String
    }

    static let script = "scripts/plan_peer.py"

    /// Why the peer cannot run here, or nil when it can.
    static func unavailable() -> String? {
        guard FileManager.default.fileExists(atPath: script) else { return "\(script) not found (run from the repository's root)" }
        guard Peers.run(["python3", "-c", "import ortools"]) != nil else { return "python3 cannot import ortools (pip install ortools)" }
        return nil
    }

    static func json(_ instance: PlanInstance) -> String {
        let screenings = instance.screenings.map { s in
            "{\"film\":\(s.film),\"start\":\(s.start),\"end\":\(s.end),\"venue\":\(s.venue),\"ticketed\":\(s.ticketed),\"late\":\(s.late),\"day\":\(s.day)}"
        }
        let pairs = instance.travel.pairs.sorted { $0.key < $1.key }.flatMap { from, row in
            row.sorted { $0.key < $1.key }.map { "[\(from),\($0.key),\($0.value)]" }
        }
        return "{\"screenings\":[\(screenings.joined(separator: ","))],\"weights\":\(instance.weights),"
            + "\"travel\":{\"sameVenue\":\(instance.travel.sameVenue),\"betweenVenues\":\(instance.travel.betweenVenues),"
            + "\"pairs\":[\(pairs.joined(separator: ","))]},\"maxPerDay\":\(instance.maxPerDay.map(String.init) ?? "null")}"
    }

    /// The peer's answer, nil when it failed or found no plan. The instance's file is
    /// `festival-plan-NAME.json` in the temporary directory, kept when FESTIVAL_PLAN_KEEP is set.
    static func solve(_ instance: PlanInstance, name: String) -> Answer? {
        let path = FileManager.default.temporaryDirectory.appending(path: "festival-plan-\(name).json").path
        guard FileManager.default.createFile(atPath: path, contents: Data(json(instance).utf8)) else { return nil }
        defer { if ProcessInfo.processInfo.environment["FESTIVAL_PLAN_KEEP"] == nil { try? FileManager.default.removeItem(atPath: path) } }
        let line: String? = Spawn.blocking {
            let input = open(path, O_RDONLY)
            guard input >= 0,
                  let r = try? await Subprocess.run(.name("python3"), arguments: [script],
                                                    input: .fileDescriptor(.init(rawValue: input), closeAfterSpawningProcess: true),
                                                    output: .bytes(limit: .max), error: .discarded)
            else { return nil }
            return String(decoding: r.standardOutput, as: UTF8.self)
        }
        guard let line, let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let weight = object["weight"] as? Int, let travel = object["travel"] as? Int, let late = object["late"] as? Int
        else { return nil }
        return Answer(weight: weight, travel: travel, late: late, seconds: object["seconds"] as? Double ?? .nan,
                      status: object["status"] as? String ?? "?", solver: object["solver"] as? String ?? "MIP")
    }
}
