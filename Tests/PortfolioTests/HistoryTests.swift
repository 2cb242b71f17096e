import Foundation
import Testing

@testable import Portfolio

@Suite struct HistoryTests {
    static func snapshot(realized: String, generatedAt: Date) -> HistorySnapshot {
        HistorySnapshot(
            accounts: [
                "U1000000": AccountHistory(
                    account: "U1000000", baseCurrency: .usd, realizedYearToDate: Fixtures.decimal(realized))
            ],
            generatedAt: generatedAt)
    }

    /// The history cadence is 10 min here instead of 6 h and the retry 1 min instead of 30, to keep the simulated
    /// time (and the test) short; the rules are the same.
    func harness(
        keptAge: Double?, answer: Result<HistorySnapshot, SourceError>, cadence: Duration = .seconds(600)
    ) -> (EngineHarness, FakeHistorySource) {
        let clock = VirtualTimeSource()
        let kept = keptAge.map { Self.snapshot(realized: "100.00", generatedAt: clock.now.addingTimeInterval(-$0)) }
        let history = FakeHistorySource(clock: clock, kept: kept, answer: answer)
        var configuration = EngineConfiguration(gateway: "localhost:5000")
        configuration.cadences.history = cadence
        configuration.cadences.historyRetry = .seconds(60)
        return (EngineHarness(accounts: 1, clock: clock, configuration: configuration, history: history), history)
    }

    @Test func aKeptStatementYoungerThanItsCadenceIsShownAndRefreshedWhenItComesOfAge() async throws {
        let (harness, history) = harness(
            keptAge: 60, answer: .success(Self.snapshot(realized: "250.00", generatedAt: Date())))
        await harness.engine.start()
        await harness.run(for: .seconds(60))
        var state = await harness.engine.state
        #expect(history.fetchTimes.isEmpty)
        #expect(state.account("U1000000")?.totals.realizedYearToDate == 100)
        #expect(state.history.freshness(at: state.now).level == .live)

        await harness.run(for: .seconds(600))
        state = await harness.engine.state
        await harness.engine.stop()
        #expect(history.fetchTimes == [harness.start.addingTimeInterval(540)])
        #expect(state.account("U1000000")?.totals.realizedYearToDate == 250)
    }

    @Test func aStaleOrMissingStatementIsFetchedAtStart() async throws {
        for age: Double? in [700, nil] {
            let (harness, history) = harness(
                keptAge: age, answer: .success(Self.snapshot(realized: "250.00", generatedAt: Date())))
            await harness.engine.start()
            await harness.run(for: .seconds(1))
            await harness.engine.stop()
            #expect(history.fetchTimes == [harness.start])
        }
    }

    @Test func aFlexErrorAlertsOnceAndWaitsInsteadOfRetrying() async throws {
        let expired = SourceError(
            .flex(code: 1012, permanent: true), endpoint: "Flex SendRequest", message: "Token has expired.")
        let (harness, history) = harness(keptAge: nil, answer: .failure(expired))
        await harness.engine.start()
        await harness.run(for: .seconds(300))
        var state = await harness.engine.state
        // A token that expired stays expired: nothing until the regular cadence.
        #expect(history.fetchTimes.count == 1)
        #expect(state.history.lastError == expired)
        #expect(state.history.freshness(at: state.now).level == .error)
        #expect(state.alerts.filter { $0.text.hasPrefix("Flex error 1012") }.count == 1)

        let busy = SourceError(.flex(code: 1009, permanent: false), endpoint: "Flex SendRequest", message: "Busy.")
        history.setAnswer(.failure(busy))
        await harness.run(for: .seconds(450))
        state = await harness.engine.state
        await harness.engine.stop()
        // One more at the cadence, then a retry a minute for what may pass: the same episode, no new alert.
        let seconds = history.fetchTimes.map { $0.timeIntervalSince(harness.start) }
        #expect(seconds == [0, 600, 660, 720])
        #expect(state.alerts.filter { $0.text.hasPrefix("Flex error") }.count == 1)
    }

    @Test func aRetryNeverWaitsLongerThanTheRegularCadence() async throws {
        let busy = SourceError(.flex(code: 1009, permanent: false), endpoint: "Flex SendRequest", message: "Busy.")
        let (harness, history) = harness(keptAge: nil, answer: .failure(busy), cadence: .seconds(30))
        await harness.engine.start()
        await harness.run(for: .seconds(100))
        await harness.engine.stop()
        // The retry (1 min here) would come after the next regular run (30 s): the regular run comes first.
        #expect(history.fetchTimes.map { $0.timeIntervalSince(harness.start) } == [0, 30, 60, 90])
    }
}
