import Foundation
import IBSimulator
import Portfolio

/// Causes one `DemoFault` after another, each after a quiet spell, for as long as the demo runs.
struct DemoFaultSchedule: Sendable {
    /// Long enough that the first screens look as they should; short enough that a curious user sees an alert soon.
    var firstAfter: Duration = .seconds(45)
    var quietBetween: Duration = .seconds(75)
    var faults: [DemoFault] = DemoFault.allCases

    /// Runs until cancelled. A fault that cannot be caused or undone is skipped: the demo goes on.
    func run(on simulator: GatewaySimulator, time: any TimeSource) async {
        var wait = firstAfter
        var index = 0
        while !Task.isCancelled {
            do {
                try await time.sleep(for: wait)
                let fault = faults[index % faults.count]
                index += 1
                try? await fault.begin(on: simulator)
                try await time.sleep(for: fault.duration)
                try? await fault.end(on: simulator)
            } catch {
                return
            }
            wait = quietBetween
        }
    }
}
