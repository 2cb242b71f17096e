import Foundation

/// What the request budget is backing off from, for the engine: it raises one alert per episode (by `id`),
/// never one per refused call.
public struct BackoffState: Hashable, Sendable {
    public struct Episode: Hashable, Sendable {
        /// Grows with every new episode of any endpoint, so an alert can be raised once per episode.
        public var id: Int
        /// The endpoint's path template; `nil` for the penalty box, which covers everything.
        public var endpoint: String?
        public var started: Date
        public var until: Date
        /// 1 for the first backoff of this endpoint in a row, 2 for the next (twice as long), …
        public var strike: Int

        public var duration: Duration { until.since(started) }
    }

    public var penaltyBox: Episode?
    /// Endpoints in backoff now, by path template.
    public var endpoints: [String: Episode]

    public init(penaltyBox: Episode? = nil, endpoints: [String: Episode] = [:]) {
        self.penaltyBox = penaltyBox
        self.endpoints = endpoints
    }

    public var isCalm: Bool { penaltyBox == nil && endpoints.isEmpty }
}
