import Foundation

/// Wall-clock time and sleeping, injected everywhere so tests run on a virtual clock.
public protocol TimeSource: Sendable {
    var now: Date { get }
    /// Returns at `deadline` (or at once if it has passed); throws `CancellationError` when cancelled.
    func sleep(until deadline: Date) async throws
}

extension TimeSource {
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now.adding(duration))
    }
}

/// The real clock.
public struct SystemTimeSource: TimeSource {
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 {
            try await Task.sleep(for: .seconds(seconds))
        } else {
            try Task.checkCancellation()
        }
    }
}

extension Date {
    public func adding(_ duration: Duration) -> Date { addingTimeInterval(duration.timeInterval) }

    /// The duration from `earlier` to `self` (negative if `earlier` is later).
    public func since(_ earlier: Date) -> Duration { .seconds(timeIntervalSince(earlier)) }
}

extension Duration {
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
