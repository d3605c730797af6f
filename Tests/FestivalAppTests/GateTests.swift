import Foundation
import Testing
@testable import FestivalApp

/// The signal the browser gives its whole load once the start is painted.
@Suite struct GateTests {
    @Test func waitsUntilOpenedThenStaysOpen() async throws {
        let gate = Gate()
        #expect(!gate.wait(milliseconds: 10), "not open yet: the wait times out")
        let opener = Thread { Thread.sleep(forTimeInterval: 0.05); gate.open() }
        opener.start()
        #expect(gate.wait(milliseconds: 5_000), "opened from another thread")
        gate.open()
        for _ in 0..<3 { #expect(gate.wait(milliseconds: 0), "open for every later wait") }
    }
}
