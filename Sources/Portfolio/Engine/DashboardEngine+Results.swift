import Foundation

extension DashboardEngine {
    /// A session check older than this is brought forward when a fetch suggests the session is gone.
    static let sessionCheckAfterFailure: Duration = .seconds(5)

    /// Takes a run's result into the cache and the alert rules, and schedules the job's next run.
    func finish(_ job: Job, _ result: Result<Payload, SourceError>?, startedAt start: Date) {
        runs[job] = nil
        guard isRunning else { return }
        let now = time.now
        let newestAlert = log.alerts.first?.id
        let cadences = store.cadences
        var failure: SourceError?
        // Whether the screen has more to show than ages.
        var news = false
        switch result {
        case .success(let payload)?:
            rules.succeeded(job)
            if job == unconfirmedRefusal?.job { unconfirmedRefusal = nil }
            if job.endpoint != nil, backoff.succeeded(job.dataset, at: now) { replan() }
            news = apply(payload, of: job, at: now)
            if job == .tickle { settleRefusal(checkStartedAt: start, at: now) }
        case .failure(let error)?:
            failure = error
            failed(job, error, at: now)
            if job == .tickle, error.kind.sessionState != nil { settleRefusal(checkStartedAt: start, at: now) }
            news = true
        case nil:
            break
        }
        queue.finish(job, nextDue: nextDue(after: job, startedAt: start, failure: failure))
        // A fetch that brought the same values back only restarts an age: the clock's next tick, within a second,
        // shows that, and an idle dashboard draws once a second instead of once more per request.
        if news || log.alerts.first?.id != newestAlert || store.cadences != cadences {
            publish(at: now)
        }
        step()
    }

    /// Returns false when the screen has nothing new to show but an age.
    private func apply(_ payload: Payload, of job: Job, at now: Date) -> Bool {
        switch payload {
        case .session(let status):
            let before = store.connection
            sessionChecked(status, at: now)
            // The time of the check is on no screen.
            var after = store.connection
            after.lastTickle = before.lastTickle
            return after != before
        case .accounts(let accounts):
            accountsListed(accounts, at: now)
            return true
        case .history(let snapshot):
            store.storeHistory(snapshot, fetchedAt: now)
            MemoryTrim.afterBurst()
            return true
        case .summary, .ledger, .positions, .pnl, .orders, .executions, .quotes:
            guard let id = job.account else { return false }
            let previousOrders = store.account(id)?.orders.value
            let stored = store.store(payload, for: id, at: now)
            guard stored != .unlisted, let account = store.account(id) else { return false }
            if case .orders(let orders) = payload { ordersLoaded(orders, previous: previousOrders, of: id, at: now) }
            raise(rules.risk(of: account), at: now)
            return stored == .newValues
        }
    }

    private func sessionChecked(_ status: SessionStatus, at now: Date) {
        let old = store.updateSession(status, at: now)
        raise(AlertRules.sessionChanged(from: old, to: status, gateway: configuration.gateway), at: now)
        if !old.allowsPortfolio && status.state.allowsPortfolio {
            // A new login: IBKR wants the account list again before any account's data.
            needsAccountList = true
            queue.schedule(.accountList, at: now)
        }
        if old != status.state {
            watchedSince = now
            replan()
        }
    }

    private func accountsListed(_ accounts: [Account], at now: Date) {
        needsAccountList = false
        watchedSince = now
        let (added, removed) = store.setAccounts(accounts)
        for id in removed {
            for dataset in Dataset.allCases { queue.remove(.fetch(id, dataset)) }
        }
        for id in added {
            for dataset in Dataset.allCases where dataset != .history { queue.schedule(.fetch(id, dataset), at: now) }
        }
        rules.keep(accounts: Set(store.accounts.map(\.id)))
        replan()
    }

    /// Order alerts, and after a fill that account's positions (without the gateway's cache) and P&L at once.
    private func ordersLoaded(_ orders: [Order], previous: [Order]?, of id: AccountID, at now: Date) {
        let changes = rules.orderChanges(account: id, previous: previous, current: orders)
        raise(AlertRules.alerts(for: changes, account: id), at: now)
        guard changes.contains(where: \.isFill) else { return }
        queue.expedite(.fetch(id, .positions), invalidatingFirst: true, evenIfRunning: true)
        queue.expedite(.fetch(id, .pnl), evenIfRunning: true)
    }

    private func failed(_ job: Job, _ error: SourceError, at now: Date) {
        switch job {
        case .tickle:
            if let state = error.kind.sessionState {
                sessionChecked(SessionStatus(state: state, message: error.description), at: now)
            }
        case .accountList:
            break
        case .history, .fetch(_, .history):
            store.failHistory(error, at: now)
        case .fetch(let id, let dataset):
            store.fail(dataset, of: id, with: error, at: now)
        }
        switch error.kind {
        case .rateLimited:
            guard let dataset = job.dataset else { break }
            // Within the next regular run, which may start early: a doubling per run of the dataset at most.
            let window = store.cadences[dataset] * CadencePlanner.earliestFraction
            if backoff.raise(dataset, at: now, unlessDoubledWithin: window) { replan() }
        case .penaltyBox:
            let resume = now.adding(configuration.cadences.penaltyBoxPause)
            // The quiet spell that relaxes the backoff starts when requests resume.
            backoff.raise(nil, at: resume)
            queue.pausedUntil = resume
            replan()
        case .unreachable, .timeout, .notLoggedIn, .brokerageUnavailable:
            let lastCheck = store.connection.lastTickle ?? .distantPast
            if job != .tickle, job.endpoint != nil, now.since(lastCheck) >= Self.sessionCheckAfterFailure {
                queue.expedite(.tickle)
            }
        default:
            break
        }
        if error.kind == .brokerageUnavailable, job.dataset?.needsBrokerageSession == true {
            // Refused after the session check saw the brokerage session go: that change has had its alert.
            if unconfirmedRefusal == nil, store.connection.session == .authenticated {
                unconfirmedRefusal = (job, error, now)
            }
            return
        }
        raise(rules.failed(job, error: error, cadence: job.dataset.map { store.cadences[$0] }), at: now)
    }

    /// `/iserver` refusing is usually the first sign of a session change, which the session check it brings
    /// forward reports in its own words. Only when a check made after the refusal still says the brokerage session
    /// is up does the refusal get an alert of its own.
    private func settleRefusal(checkStartedAt start: Date, at now: Date) {
        guard let refusal = unconfirmedRefusal, start >= refusal.at else { return }
        unconfirmedRefusal = nil
        guard store.connection.session == .authenticated else { return }
        raise(rules.failed(refusal.job, error: refusal.error, cadence: nil), at: now)
    }

    /// Logs, files and passes on new alerts.
    func raise(_ drafts: [AlertDraft], at now: Date) {
        for draft in drafts {
            let alert = log.append(draft, at: now)
            notifier.post(alert)
            guard let alertFile else { continue }
            do {
                try alertFile.append(alert)
                rules.resolved(.alertLogFile)
            } catch {
                // Kept in memory only: writing about the file to the file would fail again.
                for problem in rules.problem(.alertLogFile, "Cannot write the alert log: \(error.description)") {
                    notifier.post(log.append(problem, at: now))
                }
            }
        }
    }

    func alertCommandFinished(_ outcome: AlertNotifier.Outcome) {
        guard isRunning else { return }
        switch outcome {
        case .succeeded:
            rules.resolved(.alertHook)
        case .failed(let message):
            raise(rules.problem(.alertHook, message), at: time.now)
            publish(at: time.now)
        }
    }
}

extension SourceError.Kind {
    /// What a failed session check says about the session; `nil` when it says nothing (a 429, a bad body).
    var sessionState: SessionState? {
        switch self {
        case .unreachable, .timeout: .unreachable
        case .notLoggedIn: .notLoggedIn
        case .brokerageUnavailable: .readOnly
        default: nil
        }
    }
}
