import Foundation

/// Decides which events deserve an alert: session changes, failed fetches (once per episode, until the next
/// success), order changes after the first load, stale data, and risk levels crossed (with hysteresis).
/// Pure: it keeps only what it needs to not repeat itself.
struct AlertRules: Sendable {
    let thresholds: RiskThresholds
    private var openEpisodes: Set<Episode> = []
    private var staleDatasets: Set<StaleKey> = []
    private var risk = ThresholdMonitor<RiskKey>()
    private var orderLoads: [AccountID: Int] = [:]
    /// The fetch whose refusal opened the `.brokerageRefused` episode; its next success ends the episode.
    private var refusalOpener: Job?

    /// A run of failures that raised one alert and ends with the next success.
    enum Episode: Hashable, Sendable {
        case job(Job)
        case rateLimited(Endpoint)
        case penaltyBox
        /// `/iserver` refused while the session check still says the brokerage session is up.
        case brokerageRefused
        case alertHook
        case alertLogFile
    }

    private struct StaleKey: Hashable, Sendable {
        var account: AccountID
        var dataset: Dataset
    }

    private enum RiskKey: Hashable, Sendable {
        case cushion(AccountID)
        case dailyLossPercent(AccountID)
        case dailyLossAmount(AccountID)
        case excessLiquidity(AccountID)
        case position(PositionID)

        var account: AccountID {
            switch self {
            case .cushion(let id), .dailyLossPercent(let id), .dailyLossAmount(let id), .excessLiquidity(let id): id
            case .position(let id): id.account
            }
        }
    }

    init(thresholds: RiskThresholds) {
        self.thresholds = thresholds
    }

    // MARK: Session

    static func sessionChanged(from old: SessionState, to new: SessionStatus, gateway: String) -> [AlertDraft] {
        guard old != new.state else { return [] }
        let detail = new.message.map { ": \($0)" } ?? ""
        let wasDown = old == .unreachable || old == .notLoggedIn
        switch new.state {
        case .connecting:
            return []
        case .unreachable:
            return [AlertDraft(.error, .session, "Gateway \(gateway) unreachable\(detail)")]
        case .notLoggedIn:
            if old == .connecting || old == .unreachable {
                return [AlertDraft(.warning, .session, "Not logged in to the gateway \(gateway)\(detail)")]
            }
            return [AlertDraft(.error, .session, "Session lost: logged out of the gateway \(gateway)\(detail)")]
        case .competing:
            return [
                AlertDraft(
                    .warning, .session,
                    "Competing login: another platform holds the brokerage session; P&L, orders and quotes paused"
                        + detail)
            ]
        case .readOnly:
            let prefix = wasDown ? "Session restored, read-only" : "Brokerage session unavailable, read-only"
            return [AlertDraft(.warning, .session, "\(prefix): P&L, orders and quotes paused\(detail)")]
        case .authenticated:
            guard old != .connecting else { return [] }
            return [AlertDraft(.info, .session, "Session restored: authenticated with \(gateway)")]
        }
    }

    // MARK: Failures

    /// The alert for a failure, unless its episode already raised one. Failures that only mean the session is
    /// down are left to the session alerts; `/iserver` refusing while the session looks up gets one alert for all.
    mutating func failed(_ job: Job, error: SourceError, cadence: Duration?) -> [AlertDraft] {
        let text = "\(job): \(error.description)"
        switch error.kind {
        case .brokerageUnavailable where job.dataset?.needsBrokerageSession == true:
            let alerts = open(.brokerageRefused, AlertDraft(.warning, .data, "Brokerage data refused: \(text)"))
            if !alerts.isEmpty { refusalOpener = job }
            return alerts
        case .unreachable, .notLoggedIn, .brokerageUnavailable:
            guard job == .history else { return [] }
            return open(.job(job), AlertDraft(.warning, .data, text))
        case .penaltyBox:
            return open(.penaltyBox, AlertDraft(.critical, .data, "IBKR's penalty box: every request paused — \(text)"))
        case .rateLimited:
            guard let endpoint = job.endpoint else { return open(.job(job), AlertDraft(.warning, .data, text)) }
            let slower = cadence.map { "; now every \($0.shortText)" } ?? ""
            return open(
                .rateLimited(endpoint), AlertDraft(.warning, .data, account: job.account, "Rate limited: \(text)\(slower)"))
        case .decoding:
            return open(.job(job), AlertDraft(.error, .data, account: job.account, "Unreadable answer: \(text)"))
        case .flex(let code, let permanent):
            return open(
                .job(job), AlertDraft(permanent ? .error : .warning, .data, "Flex error \(code): \(error.description)"))
        case .configuration:
            return open(.job(job), AlertDraft(.error, .data, account: job.account, text))
        case .timeout, .server:
            return open(.job(job), AlertDraft(.warning, .data, account: job.account, text))
        }
    }

    /// Ends the episodes a success ends: the job's own, its endpoint's rate limiting, and the penalty box.
    mutating func succeeded(_ job: Job) {
        openEpisodes.remove(.job(job))
        if let endpoint = job.endpoint {
            openEpisodes.remove(.rateLimited(endpoint))
            openEpisodes.remove(.penaltyBox)
        }
        // Other brokerage fetches may succeed while one endpoint or account is still refused.
        if job == refusalOpener {
            openEpisodes.remove(.brokerageRefused)
            refusalOpener = nil
        }
    }

    /// For trouble outside the fetches (the alert log file, the alert command).
    mutating func problem(_ episode: Episode, _ text: String) -> [AlertDraft] {
        open(episode, AlertDraft(.warning, .data, text))
    }

    mutating func resolved(_ episode: Episode) {
        openEpisodes.remove(episode)
    }

    private mutating func open(_ episode: Episode, _ draft: AlertDraft) -> [AlertDraft] {
        openEpisodes.insert(episode).inserted ? [draft] : []
    }

    // MARK: Orders

    /// The order changes that count. The first load is the baseline; IBKR's first answer after login is often
    /// empty (its pre-flight), so an empty first load does not count as one.
    mutating func orderChanges(account: AccountID, previous: [Order]?, current: [Order]) -> [OrderChange] {
        let loads = (orderLoads[account] ?? 0) + 1
        orderLoads[account] = loads
        guard let previous, loads >= 2, loads >= 3 || !previous.isEmpty else { return [] }
        return OrderChange.between(previous: previous, current: current)
    }

    static func alerts(for changes: [OrderChange], account: AccountID) -> [AlertDraft] {
        changes.map { change in
            let order = change.order
            let what = "\(order.side.word) \(order.quantity.quantityText) \(order.symbol) \(order.orderType)"
            switch change.kind {
            case .placed:
                return AlertDraft(.info, .trading, account: account, "New order: \(what)")
            case .filled:
                let price = order.averagePrice.map { " at \($0.plainText)" } ?? ""
                return AlertDraft(.info, .trading, account: account, "Order filled: \(what)\(price)")
            case .partiallyFilled:
                return AlertDraft(
                    .info, .trading, account: account,
                    "Order partly filled: \(what), \(order.filled.quantityText) of \(order.quantity.quantityText)")
            case .cancelled:
                let reason = order.reason.map { ": \($0)" } ?? ""
                return AlertDraft(.info, .trading, account: account, "Order cancelled: \(what)\(reason)")
            case .rejected:
                let reason = order.reason.map { ": \($0)" } ?? ""
                return AlertDraft(.warning, .trading, account: account, "Order rejected: \(what)\(reason)")
            }
        }
    }

    // MARK: Staleness

    /// One alert per account for datasets that went stale by age alone (a failed fetch has its own alert), and
    /// again only after they were fresh in between. A dataset counts only once the engine has been allowed to
    /// fetch it (since `watchedSince`) for as long as it takes to go stale: after a login or a pause, old data is
    /// being refreshed, not neglected.
    mutating func staleness(
        of accounts: [AccountState], active: Set<Dataset>, watchedSince: Date, at now: Date
    ) -> [AlertDraft] {
        var alerts: [AlertDraft] = []
        let present = Set(accounts.map(\.id))
        staleDatasets = staleDatasets.filter { present.contains($0.account) }
        for account in accounts {
            var newlyStale: [Dataset] = []
            var oldest: Duration = .zero
            for dataset in active.sorted() {
                guard let freshness = account.freshness(of: dataset, at: now),
                    let cadence = account.slot(dataset)?.cadence, now.since(watchedSince) >= cadence * 3
                else { continue }
                let key = StaleKey(account: account.id, dataset: dataset)
                switch freshness.level {
                case .stale where !account.lastTryFailed(dataset):
                    if staleDatasets.insert(key).inserted {
                        newlyStale.append(dataset)
                        oldest = max(oldest, freshness.age ?? .zero)
                    }
                case .live, .aging:
                    staleDatasets.remove(key)
                default:
                    break
                }
            }
            guard !newlyStale.isEmpty else { continue }
            let names = newlyStale.map(\.title).joined(separator: ", ")
            alerts.append(
                AlertDraft(.warning, .data, account: account.id, "Stale data: \(names), no update for \(oldest.shortText)"))
        }
        return alerts
    }

    // MARK: Risk

    /// Alerts for the risk thresholds this account has just crossed.
    mutating func risk(of account: AccountState) -> [AlertDraft] {
        let id = account.id
        let totals = account.totals
        let band = thresholds.hysteresis
        let currency = totals.currency.code
        var alerts: [AlertDraft] = []
        func check(_ key: RiskKey, _ value: Decimal?, _ threshold: ThresholdMonitor<RiskKey>.Threshold, _ text: String) {
            if risk.check(key, value: value, against: threshold) {
                alerts.append(AlertDraft(.warning, .risk, account: id, text))
            }
        }
        if let level = thresholds.cushionBelow, let cushion = totals.cushion {
            check(
                .cushion(id), cushion, .init(.below, level, band: band),
                "Cushion \((cushion * 100).plainText(places: 1)) % is below \((level * 100).plainText(places: 1)) %")
        }
        if let percent = thresholds.dailyLossPercent, let daily = totals.dailyPnl,
            let nlv = totals.netLiquidation, nlv > 0
        {
            let value = daily / nlv * 100
            check(
                .dailyLossPercent(id), value, .init(.below, -percent, band: band),
                "Daily P&L \(daily.plainText) \(currency) (\(value.plainText(places: 2)) %) is below −\(percent.plainText(places: 1)) % of net liquidation"
            )
        }
        if let amount = thresholds.dailyLossAmount, let daily = totals.dailyPnl {
            check(
                .dailyLossAmount(id), daily, .init(.below, -amount, band: band),
                "Daily P&L \(daily.plainText) \(currency) is below −\(amount.plainText) \(currency)")
        }
        if let amount = thresholds.excessLiquidityBelow, let excess = totals.excessLiquidity {
            check(
                .excessLiquidity(id), excess, .init(.below, amount, band: band),
                "Excess liquidity \(excess.plainText) \(currency) is below \(amount.plainText) \(currency)")
        }
        if let percent = thresholds.positionPercentAbove {
            let valued = account.valuedPositions
            let held = Set(valued.map(\.id))
            risk.keep { key in
                guard case .position(let position) = key else { return true }
                return position.account != id || held.contains(position)
            }
            for position in valued {
                guard let weight = position.weightPercent.map(abs) else { continue }
                check(
                    .position(position.id), weight, .init(.above, percent, band: band),
                    "\(position.position.contract.symbol) is \(weight.plainText(places: 1)) % of net liquidation (above \(percent.plainText(places: 1)) %)"
                )
            }
        }
        return alerts
    }

    /// Forgets everything about accounts that are gone.
    mutating func keep(accounts: Set<AccountID>) {
        risk.keep { accounts.contains($0.account) }
        orderLoads = orderLoads.filter { accounts.contains($0.key) }
        staleDatasets = staleDatasets.filter { accounts.contains($0.account) }
        if let account = refusalOpener?.account, !accounts.contains(account) {
            openEpisodes.remove(.brokerageRefused)
            refusalOpener = nil
        }
    }
}
