import Foundation
import Testing

@testable import Portfolio

@Suite struct JobQueueTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let everything = JobQueue.Context(isEligible: { _ in true }, rank: Focus(account: "B", datasets: [.positions]).rank)

    func queue(limits: RequestLimits = FakeAccountSource.ibkrLimits) -> JobQueue { JobQueue(limits: limits) }

    @Test func takesDueJobsInOrderOfUrgencyVisibilityAndDueTime() {
        var queue = queue()
        queue.schedule(.fetch("A", .summary), at: now.addingTimeInterval(-5))
        queue.schedule(.fetch("B", .ledger), at: now)
        queue.schedule(.fetch("B", .positions), at: now)
        queue.schedule(.fetch("A", .ledger), at: now.addingTimeInterval(30))
        let taken = queue.takeReady(now: now, context: everything).map(\.job)
        #expect(taken == [.fetch("B", .positions), .fetch("B", .ledger), .fetch("A", .summary)])
        #expect(queue.nextWake(now: now, context: everything) == now.addingTimeInterval(30))
    }

    @Test func urgentJobsGoFirstAndAtOnce() {
        var queue = queue()
        queue.schedule(.fetch("A", .ledger), at: now.addingTimeInterval(30))
        queue.schedule(.fetch("B", .positions), at: now)
        queue.expedite(.fetch("A", .ledger))
        #expect(queue.takeReady(now: now, context: everything).map(\.job) == [.fetch("A", .ledger), .fetch("B", .positions)])
        // An urgent request during a run is served by that run, unless the run may predate what it must show.
        queue.expedite(.fetch("A", .ledger))
        queue.finish(.fetch("A", .ledger), nextDue: now.addingTimeInterval(30))
        #expect(queue.entries[.fetch("A", .ledger)]?.isUrgent == false)
        queue.expedite(.fetch("B", .positions), invalidatingFirst: true, evenIfRunning: true)
        queue.finish(.fetch("B", .positions), nextDue: now.addingTimeInterval(15))
        let again = queue.takeReady(now: now.addingTimeInterval(1), context: everything)
        #expect(again == [JobQueue.Dispatch(job: .fetch("B", .positions), invalidateFirst: true)])
    }

    @Test func sharedEndpointsKeepTheirSpacingAcrossAccounts() {
        var queue = queue()
        for account in ["A", "B", "C"] { queue.schedule(.fetch(AccountID(account), .pnl), at: now) }
        #expect(queue.takeReady(now: now, context: everything).count == 1)
        #expect(queue.nextWake(now: now, context: everything) == now.addingTimeInterval(5))
        #expect(queue.takeReady(now: now.addingTimeInterval(4.999), context: everything).isEmpty)
        #expect(queue.takeReady(now: now.addingTimeInterval(5), context: everything).count == 1)
    }

    @Test func theBudgetCapsRequestsPerSecondCountingWhatEachCosts() {
        var queue = queue()
        for number in 0..<10 { queue.schedule(.fetch(AccountID("A\(number)"), .summary), at: now) }
        queue.schedule(.fetch("B", .positions), at: now)
        queue.expedite(.fetch("B", .positions), invalidatingFirst: true)
        let first = queue.takeReady(now: now, context: everything)
        // Positions with the cache dropped first cost two of the eight.
        #expect(first.count == 7)
        #expect(first.first == JobQueue.Dispatch(job: .fetch("B", .positions), invalidateFirst: true))
        #expect(queue.nextWake(now: now, context: everything) == now.addingTimeInterval(1))
        #expect(queue.takeReady(now: now.addingTimeInterval(1), context: everything).count == 4)
    }

    @Test func ineligibleJobsWaitAndThePenaltyBoxHoldsEverythingButFlex() {
        var queue = queue()
        queue.schedule(.fetch("A", .pnl), at: now)
        queue.schedule(.tickle, at: now)
        queue.schedule(.history, at: now)
        let readOnly = JobQueue.Context(isEligible: { $0.dataset?.needsBrokerageSession != true }, rank: { _ in 0 })
        queue.pausedUntil = now.addingTimeInterval(900)
        #expect(queue.takeReady(now: now, context: readOnly).map(\.job) == [.history])
        #expect(queue.nextWake(now: now, context: readOnly) == now.addingTimeInterval(900))
        #expect(queue.takeReady(now: now.addingTimeInterval(900), context: readOnly).map(\.job) == [.tickle])
    }
}
