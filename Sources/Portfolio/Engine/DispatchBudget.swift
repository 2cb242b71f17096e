import Foundation

/// The engine's plan of the pacing budget, which every job is dispatched against: at most `perSecond` requests in
/// any one-second window, and the minimum spacing of the endpoints IBKR limits on their own (shared by all
/// accounts). The source enforces the limits on the wire as well; planning inside them keeps its callers from
/// waiting in line.
///
/// Times are whole milliseconds so that window edges compare exactly.
struct DispatchBudget: Sendable {
    let perSecond: Int
    private let spacing: [Endpoint: Int64]
    private let requestsPerFetch: [Dataset: Int]
    private var window: [(time: Int64, cost: Int)] = []
    private var lastStart: [Endpoint: Int64] = [:]

    /// IBKR's own limits for the endpoints that are not datasets: `/tickle` 1/s, `/portfolio/accounts` 1 per 5 s.
    static let tickleSpacing: Duration = .seconds(1)
    static let accountListSpacing: Duration = .seconds(5)

    init(limits: RequestLimits) {
        perSecond = max(1, Int(limits.plannedRequestsPerSecond.rounded(.down)))
        var spacing: [Endpoint: Int64] = [
            .tickle: Self.tickleSpacing.milliseconds, .accountList: Self.accountListSpacing.milliseconds,
        ]
        for (dataset, gap) in limits.sharedSpacing { spacing[.dataset(dataset)] = gap.milliseconds }
        self.spacing = spacing
        requestsPerFetch = limits.requestsPerFetch
    }

    /// Requests one run of `job` costs; dropping the positions cache first is one more.
    func cost(of job: Job, invalidatingFirst: Bool) -> Int {
        guard case .fetch(_, let dataset) = job else { return 1 }
        let base = max(1, requestsPerFetch[dataset] ?? 1)
        return invalidatingFirst ? base + 1 : base
    }

    /// The earliest time a request to `endpoint` costing `cost` fits, `now` or later.
    func earliestStart(_ endpoint: Endpoint, cost: Int, now: Date) -> Date {
        let nowMS = now.milliseconds
        var start = nowMS
        if let last = lastStart[endpoint], let gap = spacing[endpoint] { start = max(start, last + gap) }
        let cost = min(cost, perSecond)
        var inWindow = window.filter { $0.time > start - 1000 }
        var used = inWindow.reduce(0) { $0 + $1.cost }
        while used + cost > perSecond, !inWindow.isEmpty {
            let oldest = inWindow.removeFirst()
            used -= oldest.cost
            start = max(start, oldest.time + 1000)
        }
        return start == nowMS ? now : Date(milliseconds: start)
    }

    mutating func record(_ endpoint: Endpoint, cost: Int, at time: Date) {
        let ms = time.milliseconds
        window.removeAll { $0.time <= ms - 1000 }
        window.append((ms, min(cost, perSecond)))
        lastStart[endpoint] = ms
    }
}

extension Date {
    /// Whole milliseconds since 1970, the unit the budget compares in.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(milliseconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000) }
}

extension Duration {
    var milliseconds: Int64 { Int64((timeInterval * 1000).rounded()) }
}
