import Foundation

@testable import Portfolio

/// An engine on a virtual clock with a fake source, stepped from one wake-up to the next.
struct EngineHarness {
    let clock: VirtualTimeSource
    let source: FakeAccountSource
    let engine: DashboardEngine
    let start: Date

    init(
        accounts: Int, clock: VirtualTimeSource = VirtualTimeSource(),
        configuration: EngineConfiguration = EngineConfiguration(gateway: "localhost:5000"),
        history: (any HistorySource)? = nil, alertLog: URL? = nil,
        limits: RequestLimits = FakeAccountSource.ibkrLimits, prepare: (inout FakeAccountSource.Book) -> Void = { _ in }
    ) {
        self.clock = clock
        source = FakeAccountSource(clock: clock, accounts: accounts, limits: limits)
        source.update(prepare)
        engine = DashboardEngine(
            source: source, history: history, configuration: configuration, time: clock, alertLog: alertLog,
            environment: [:], seed: 7)
        start = clock.now
    }

    /// Moves the clock forward by `duration`, letting the engine finish everything due at each wake-up before
    /// time moves on.
    func run(for duration: Duration) async {
        let end = clock.now.adding(duration)
        await settle()
        while let next = clock.nextDeadline, next <= end {
            await clock.advance(by: max(.zero, next.since(clock.now)))
            await settle()
        }
        await clock.advance(by: max(.zero, end.since(clock.now)))
        await settle()
    }

    /// Waits until the engine's fetches are done and its timer sleeps on the clock.
    func settle() async {
        await engine.settle(timerIsSleeping: { [clock] deadline in clock.nextDeadline == deadline })
    }
}
