import Benchmark
import UIBenchFixture

// Issue 5's frame targets with ordo-one/benchmark, on the benchmark dashboard (3 accounts, 1,000 positions,
// 200×60): a full frame composed, a full frame composed and handed to ncurses on a pseudo-terminal, the same
// frame written by ncurses to the terminal, and a one-price update. ncurses belongs to the main actor, so the
// closures run there. What ncurses wrote is read between iterations, outside the measurement; `ui-frame-bench`
// reports the byte counts.
let benchmarks: @Sendable () -> Void = {
    frameBenchmark("Full frame composed") { blackHole($0.composeFullFrame()) }
    frameBenchmark("Full frame composed and handed to ncurses") { $0.handFullFrame() } after: { $0.writeHandedFrame() }
    frameBenchmark("Full frame written by ncurses", before: { $0.handFullFrame() }) { $0.writeHandedFrame() }
    frameBenchmark("One-price update handed to ncurses", before: { $0.prepareOnePriceUpdate() }) {
        $0.drawOnePriceUpdate()
    } after: { screen in
        _ = screen.takeBytes()
        screen.endFlash()
    }
}

@MainActor var screen: DashboardOnPseudoTerminal?

/// One benchmark on the shared screen: `before`, unmeasured, then `body` measured, then `after` and reading what
/// ncurses wrote, unmeasured.
func frameBenchmark(
    _ name: String, before: @escaping @MainActor (DashboardOnPseudoTerminal) -> Void = { _ in },
    _ body: @escaping @MainActor (DashboardOnPseudoTerminal) -> Void,
    after: @escaping @MainActor (DashboardOnPseudoTerminal) -> Void = { _ in }
) {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds, maxDuration: .seconds(10), maxIterations: 2000)
    Benchmark(name, configuration: configuration) { @MainActor benchmark async in
        if screen == nil {
            do {
                screen = try DashboardOnPseudoTerminal()
            } catch {
                benchmark.error("cannot open ncurses on a pseudo-terminal: \(error)")
                return
            }
        }
        guard let screen else { return }
        before(screen)
        benchmark.startMeasurement()
        body(screen)
        benchmark.stopMeasurement()
        after(screen)
        _ = screen.takeBytes()
    }
}
