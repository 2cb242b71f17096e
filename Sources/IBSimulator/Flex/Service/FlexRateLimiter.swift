import Foundation

/// The Flex Web Service's limits per token (reference §5.1): one request a second and ten in any 60 seconds,
/// SendRequest and GetStatement counted together. Only admitted requests count, so a client that waits after a
/// 1018 gets through again.
struct FlexRateLimiter: Sendable {
    static let spacing: TimeInterval = 1
    static let window: TimeInterval = 60
    static let perWindow = 10

    private var admitted: [String: [Date]] = [:]

    /// Whether a request with `token` at `now` is within the limits; an admitted one is counted.
    mutating func admit(token: String, at now: Date, tolerance: Duration) -> Bool {
        let slack = tolerance.seconds
        if admitted.count > 256 { forgetIdle(at: now) }
        var recent = admitted[token, default: []].filter { now.timeIntervalSince($0) < Self.window - slack }
        defer { admitted[token] = recent.isEmpty ? nil : recent }
        if let last = recent.last, now.timeIntervalSince(last) < Self.spacing - slack { return false }
        guard recent.count < Self.perWindow else { return false }
        recent.append(now)
        return true
    }

    /// Drops tokens with nothing in the window, so that made-up tokens do not pile up.
    private mutating func forgetIdle(at now: Date) {
        admitted = admitted.filter { _, times in times.contains { now.timeIntervalSince($0) < Self.window } }
    }
}
