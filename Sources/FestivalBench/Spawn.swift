import Foundation
import Subprocess

/// The benchmark's children, started with swift-subprocess (as the tests start theirs).
/// Its runs are async and the benchmark's top level is synchronous code on the main
/// thread: each run is one async step on the global executor that the main thread waits
/// for (no task needs the main thread meanwhile).
enum Spawn {
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        Task.detached {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    /// Written by the task before the semaphore is signalled, read after the wait.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    /// Milliseconds from starting `path` until it exited, output discarded; `setting` is
    /// added to this process's environment, `stdin` is a file to read (else /dev/null).
    static func milliseconds(_ path: String, _ args: [String], setting: [String: String], stdin: String?) -> Double {
        let environment = Environment.inherit.updating(
            Dictionary(uniqueKeysWithValues: setting.map { (Environment.Key(rawValue: $0.key)!, $0.value) }))
        return blocking {
            let input = stdin.map { open($0, O_RDONLY) }
            if input == -1 { return .nan }
            let start = Clock.now()
            do {
                if let input {
                    _ = try await run(.path(.init(path)), arguments: .init(args), environment: environment,
                                      input: .fileDescriptor(.init(rawValue: input), closeAfterSpawningProcess: true),
                                      output: .discarded, error: .discarded)
                } else {
                    _ = try await run(.path(.init(path)), arguments: .init(args), environment: environment,
                                      output: .discarded, error: .discarded)
                }
            } catch { return .nan }
            return Clock.since(start)
        }
    }
}

/// Runs a program and returns its first output line (its stderr is this process's).
enum Child {
    static func run(_ path: String, _ args: [String]) -> String? {
        Spawn.blocking {
            guard let r = try? await Subprocess.run(.path(.init(path)), arguments: .init(args),
                                                    output: .bytes(limit: .max), error: .currentStandardError)
            else { return nil }
            return String(decoding: r.standardOutput, as: UTF8.self).split(separator: "\n").first.map(String.init)
        }
    }
}
