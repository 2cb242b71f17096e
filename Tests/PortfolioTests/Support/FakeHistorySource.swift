import Foundation

@testable import Portfolio

/// A `HistorySource` with a kept statement and a settable answer, recording when it was asked for a fresh one.
final class FakeHistorySource: HistorySource, @unchecked Sendable {
    private let lock = NSLock()
    private let clock: VirtualTimeSource
    private let kept: HistorySnapshot?
    private var answer: Result<HistorySnapshot, SourceError>
    private var fetches: [Date] = []

    init(clock: VirtualTimeSource, kept: HistorySnapshot?, answer: Result<HistorySnapshot, SourceError>) {
        self.clock = clock
        self.kept = kept
        self.answer = answer
    }

    var fetchTimes: [Date] { lock.withLock { fetches } }

    func setAnswer(_ answer: Result<HistorySnapshot, SourceError>) { lock.withLock { self.answer = answer } }

    func cachedHistory() async -> HistorySnapshot? { kept }

    func fetchHistory() async throws -> HistorySnapshot {
        try lock.withLock {
            fetches.append(clock.now)
            return try answer.get()
        }
    }
}
