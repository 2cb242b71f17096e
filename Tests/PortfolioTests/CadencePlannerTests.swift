import Foundation
import Testing

@testable import Portfolio

@Suite struct CadencePlannerTests {
    let limits = FakeAccountSource.ibkrLimits

    func plan(_ accounts: Int, session: SessionState = .authenticated, backoff: Backoff = Backoff(),
        limits: RequestLimits? = nil) -> EffectiveCadences
    {
        CadencePlanner.plan(
            configured: Cadences(), accounts: accounts, limits: limits ?? self.limits, session: session,
            backoff: backoff)
    }

    @Test func oneAccountKeepsTheConfiguredCadences() {
        let cadences = plan(1)
        #expect(!cadences.stretched)
        #expect(cadences.stretchedDatasets.isEmpty)
        #expect(cadences.tickle == .seconds(60))
        #expect(cadences[.summary] == .seconds(15))
        #expect(cadences[.ledger] == .seconds(30))
        #expect(cadences[.pnl] == .seconds(10))
        #expect(cadences[.orders] == .seconds(10))
        #expect(cadences[.trades] == .seconds(60))
        #expect(cadences[.quotes] == .seconds(15))
        #expect(cadences[.history] == .seconds(6 * 3600))
    }

    @Test func sharedEndpointsStretchWithTheNumberOfAccounts() {
        // 10 accounts × one P&L call per 5 s need at least 50 s, plus headroom for refresh-now.
        let ten = plan(10)
        #expect(ten.stretched)
        #expect(ten.stretchedDatasets.isSuperset(of: [.pnl, .orders]))
        #expect(!ten.stretchedDatasets.contains(.history))
        #expect(ten[.pnl] == .seconds(64))
        #expect(ten[.orders] == .seconds(64))
        #expect(ten[.trades] == .seconds(64))
        #expect(ten[.summary] == .seconds(15))
        // 25 accounts need 158 s on their own; the whole load then stretches everything by another 9 %.
        let twentyFive = plan(25)
        #expect(twentyFive[.pnl] == .seconds(173))
        #expect(twentyFive[.summary] == .seconds(17))
        // The busiest start of a shared run still leaves every account its 5 s slot.
        let busiest = twentyFive[.pnl].timeInterval * CadencePlanner.sharedFraction
        #expect(busiest >= 25 * 5)
    }

    @Test func theWholeLoadStaysInsideThePlannedRate() {
        // Positions that cost four requests a fetch push the total past 8 × 0.8 requests per second.
        let expensive = RequestLimits(
            plannedRequestsPerSecond: 8, sharedSpacing: limits.sharedSpacing, requestsPerFetch: [.positions: 4])
        let cadences = plan(25, limits: expensive)
        #expect(cadences.stretched)
        #expect(cadences[.summary] > .seconds(15))
        let load = [Dataset.summary, .ledger, .positions, .pnl, .orders, .trades, .quotes].reduce(0.0) { load, dataset in
            let cost = Double(expensive.requestsPerFetch[dataset] ?? 1)
            let fraction = CadencePlanner.fraction(for: dataset, limits: expensive)
            return load + 25 * cost / (cadences[dataset].timeInterval * fraction)
        }
        #expect(load <= 8 * CadencePlanner.plannedShare)
    }

    @Test func aReadOnlySessionPlansWithoutTheBrokerageDatasetsAndChecksTheSessionOften() {
        let cadences = plan(25, session: .readOnly, limits: RequestLimits(plannedRequestsPerSecond: 3))
        let full = plan(25, limits: RequestLimits(plannedRequestsPerSecond: 3))
        #expect(cadences[.summary] < full[.summary])
        #expect(cadences.tickle == .seconds(10))
    }

    @Test func backoffDoublesOneDatasetOrEverything() {
        var backoff = Backoff()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        backoff.raise(.orders, at: now)
        #expect(plan(1, backoff: backoff)[.orders] == .seconds(20))
        #expect(plan(1, backoff: backoff)[.pnl] == .seconds(10))
        // With three accounts the orders endpoint's spacing sets the cadence (3 × 5 s × 1.2 / 0.95, rounded up);
        // a 429 doubles that.
        #expect(plan(3)[.orders] == .seconds(19))
        #expect(plan(3, backoff: backoff)[.orders] == .seconds(38))
        backoff.raise(nil, at: now)
        let both = plan(1, backoff: backoff)
        #expect(both[.orders] == .seconds(40))
        #expect(both[.summary] == .seconds(30))
        #expect(both.tickle == .seconds(120))
        #expect(both.stretched)
        // Relaxes one step per quiet spell.
        let tooSoon = backoff.succeeded(.orders, at: now.addingTimeInterval(60))
        #expect(!tooSoon)
        let quiet = backoff.succeeded(.orders, at: now.addingTimeInterval(601))
        #expect(quiet)
        #expect(backoff.factor(for: .orders) == 1)
        #expect(backoff.global == 1)
    }

    @Test func the429sOfOneEpisodeDoubleADatasetOnceAndGoingOnDoublesItAgain() {
        var backoff = Backoff()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        // Three accounts' orders fetches meet the same 429 within seconds.
        let first = backoff.raise(.orders, at: now, unlessDoubledWithin: .seconds(19))
        let second = backoff.raise(.orders, at: now.addingTimeInterval(2), unlessDoubledWithin: .seconds(38))
        let third = backoff.raise(.orders, at: now.addingTimeInterval(16), unlessDoubledWithin: .seconds(38))
        #expect(first && !second && !third)
        #expect(backoff.factor(for: .orders) == 2)
        // Still refused a cadence later: slower again.
        let later = backoff.raise(.orders, at: now.addingTimeInterval(40), unlessDoubledWithin: .seconds(38))
        #expect(later)
        #expect(backoff.factor(for: .orders) == 4)
    }
}
