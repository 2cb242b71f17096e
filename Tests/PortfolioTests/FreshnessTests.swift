import Foundation
import Testing

@testable import Portfolio

@Suite struct FreshnessTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func freshness(age: Double, cadence: Double = 15, failedAfter: Double? = nil) -> Freshness {
        Freshness.of(
            fetchedAt: t0, lastErrorAt: failedAfter.map { t0.addingTimeInterval($0) }, cadence: .seconds(cadence),
            now: t0.addingTimeInterval(age))
    }

    @Test func liveWithinCadencePlusGrace() {
        #expect(freshness(age: 4).level == .live)
        #expect(freshness(age: 20).level == .live)
    }

    @Test func agingBetweenGraceAndThreeCadences() {
        #expect(freshness(age: 21).level == .aging)
        #expect(freshness(age: 44).level == .aging)
    }

    @Test func staleAtThreeCadences() {
        #expect(freshness(age: 45).level == .stale)
        #expect(freshness(age: 45).age == .seconds(45))
    }

    @Test func aFailedTryMakesAKeptValueStale() {
        #expect(freshness(age: 2, failedAfter: 1).level == .stale)
        // An error older than the value no longer counts.
        #expect(Freshness.of(fetchedAt: t0, lastErrorAt: t0.addingTimeInterval(-5), cadence: .seconds(15), now: t0).level == .live)
    }

    @Test func nothingYetIsMissingAndAFailureWithoutValueIsError() {
        #expect(Freshness.of(fetchedAt: nil, lastErrorAt: nil, cadence: .seconds(15), now: t0).level == .missing)
        #expect(Freshness.of(fetchedAt: nil, lastErrorAt: t0, cadence: .seconds(15), now: t0).level == .error)
    }

    @Test func worstStateWins() {
        let states = [freshness(age: 1), freshness(age: 30), freshness(age: 2, failedAfter: 1)]
        #expect(states.max()?.level == .stale)
    }
}
