import Foundation

/// Works out the cadences that fit IBKR's pacing limits for a number of accounts.
///
/// An endpoint limited to one call per `S` shared by `N` accounts needs a cadence of at least `N × S`; the plan
/// leaves headroom on top for refresh-now and refreshes after fills. All datasets together stay within a share of
/// the source's planned request rate; when they would not, every active cadence stretches by the same factor.
enum CadencePlanner {
    /// Room left on a shared endpoint for requests out of turn.
    static let sharedHeadroom = 1.2
    /// Share of the planned request rate the regular cadences may use.
    static let plannedShare = 0.8
    /// Regular runs start up to 10 % early (jitter), so the busiest case is `0.9 × cadence`.
    static let earliestFraction = 0.9
    /// Runs on a shared endpoint start 5 % early, always the same, so their slots keep their spacing.
    static let sharedFraction = 0.95

    static func plan(
        configured: Cadences, accounts: Int, limits: RequestLimits, session: SessionState, backoff: Backoff
    ) -> EffectiveCadences {
        let polled = Dataset.allCases.filter { $0 != .history }
        let active = polled.filter { dataset in
            session.allowsPortfolio && (!dataset.needsBrokerageSession || session.allowsBrokerage)
        }
        let count = Double(max(accounts, 0))
        var seconds: [Dataset: Double] = [:]
        for dataset in polled {
            var cadence = configured[dataset].timeInterval
            if let spacing = limits.sharedSpacing[dataset] {
                cadence = max(cadence, count * spacing.timeInterval * sharedHeadroom / sharedFraction)
            }
            // After a 429 the cadence in effect doubles, even where the endpoint's own spacing had set it.
            seconds[dataset] = cadence * Double(backoff.factor(for: dataset))
        }
        let tickle = tickleInterval(configured: configured, session: session, backoff: backoff)
        let load =
            active.reduce(0.0) { load, dataset in
                let cost = Double(max(1, limits.requestsPerFetch[dataset] ?? 1))
                let busiest = (seconds[dataset] ?? 1) * fraction(for: dataset, limits: limits)
                return load + count * cost / busiest
            } + 1 / tickle.timeInterval
        let target = limits.plannedRequestsPerSecond * plannedShare
        if load > target, target > 0 {
            let stretch = load / target
            for dataset in active { seconds[dataset] = (seconds[dataset] ?? 0) * stretch }
        }
        var datasets: [Dataset: Duration] = [.history: configured.history]
        var stretchedDatasets: Set<Dataset> = []
        for dataset in polled {
            let whole = Duration.seconds(Int64((seconds[dataset] ?? 0).rounded(.up)))
            datasets[dataset] = max(whole, configured[dataset])
            if whole > configured[dataset] { stretchedDatasets.insert(dataset) }
        }
        return EffectiveCadences(
            tickle: tickle, datasets: datasets, stretched: !stretchedDatasets.isEmpty || backoff.global > 1,
            stretchedDatasets: stretchedDatasets)
    }

    /// The session check runs at its configured cadence while the brokerage session is up, and more often while it
    /// is not, so that a login or a released competing session shows soon.
    static func tickleInterval(configured: Cadences, session: SessionState, backoff: Backoff) -> Duration {
        let base = session == .authenticated ? configured.tickle : min(configured.tickle, configured.sessionRecheck)
        return base * backoff.global
    }

    /// How much earlier than its cadence a dataset's next run may start.
    static func fraction(for dataset: Dataset, limits: RequestLimits) -> Double {
        limits.sharedSpacing[dataset] == nil ? earliestFraction : sharedFraction
    }
}
