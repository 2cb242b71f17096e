import Foundation

extension DashboardEngine {
    /// Starts what may start now, checks for stale data, publishes, and sets the timer for the next thing to do.
    func step() {
        guard isRunning else { return }
        let now = time.now
        let context = queueContext()
        for dispatch in queue.takeReady(now: now, context: context) { launch(dispatch, at: now) }
        if let pausedUntil = queue.pausedUntil, now >= pausedUntil {
            queue.pausedUntil = nil
            watchedSince = now
        }
        // Ages are looked at once a second, as they tick on screen, not once more per fetch.
        if store.connection.session.allowsPortfolio, queue.pausedUntil == nil,
            agesCheckedAt.map({ now.since($0) >= .seconds(1) }) ?? true
        {
            agesCheckedAt = now
            let stale = rules.staleness(
                of: store.accounts, active: datasetsWatchedForStaleness, watchedSince: watchedSince, at: now)
            raise(stale, at: now)
            if !stale.isEmpty { publish(at: now) }
        }
        if let lastPublished, now.since(lastPublished) >= .seconds(1) { publish(at: now) }
        armTimer(now: now, context: context)
    }

    /// The timer wakes the engine for the next job that may start, and once a second while ages tick. While they
    /// tick, a regular job starts on the first tick after it falls due, at most a second late (a cadence has 5 s of
    /// grace): one wake-up a second, not one more per job. A job the user or a fill asked for wakes it at once.
    private func armTimer(now: Date, context: JobQueue.Context) {
        let wake: Date?
        if store.connection.lastTickle != nil, let lastPublished {
            let tick = lastPublished.adding(.seconds(1))
            wake = min(queue.nextWake(now: now, context: context, urgentOnly: true) ?? tick, tick)
        } else {
            wake = queue.nextWake(now: now, context: context)
        }
        guard let wake else {
            timer?.cancel()
            timer = nil
            timerDeadline = nil
            return
        }
        // Whole milliseconds, and never now: the pacing budget counts in milliseconds, and a timer due now would spin.
        let deadline = Date(milliseconds: max(wake.milliseconds, now.milliseconds + 1))
        if deadline == timerDeadline, timer != nil { return }
        timer?.cancel()
        timerDeadline = deadline
        timer = Task { [time] in
            do {
                try await time.sleep(until: deadline)
            } catch {
                return
            }
            self.timerFired(deadline)
        }
    }

    private func timerFired(_ deadline: Date) {
        guard deadline == timerDeadline else { return }
        timer = nil
        timerDeadline = nil
        step()
    }

    /// Which jobs the session and the data allow now, and in what order they go.
    func queueContext() -> JobQueue.Context {
        let session = store.connection.session
        let needsAccountList = needsAccountList
        let hasHistory = historySource != nil
        // By index: filtering the array would copy every account's state once a step.
        var holders = Set<AccountID>()
        for index in store.accounts.indices where store.accounts[index].holdsContracts {
            holders.insert(store.accounts[index].id)
        }
        let focus = focus
        return JobQueue.Context(
            isEligible: { job in
                switch job {
                case .tickle: true
                case .accountList: session.allowsPortfolio && needsAccountList
                case .history: hasHistory
                case .fetch(let account, let dataset):
                    session.allowsPortfolio && !needsAccountList
                        && (!dataset.needsBrokerageSession || session.allowsBrokerage)
                        && (dataset != .quotes || holders.contains(account))
                }
            },
            rank: focus.rank)
    }

    /// Datasets whose age raises an alert when it grows stale: those the session lets the engine fetch. Quotes
    /// are left out: an account may hold nothing to quote.
    private var datasetsWatchedForStaleness: Set<Dataset> {
        guard !needsAccountList else { return [] }
        let session = store.connection.session
        return Set(
            Dataset.allCases.filter { dataset in
                dataset != .history && dataset != .quotes
                    && (!dataset.needsBrokerageSession || session.allowsBrokerage)
            })
    }

    /// Runs one job off the actor; its result comes back through `finish`.
    private func launch(_ dispatch: JobQueue.Dispatch, at start: Date) {
        let job = dispatch.job
        var conids: [Int] = []
        if case .fetch(let account, .quotes) = job { conids = store.account(account)?.heldConids ?? [] }
        runs[job] = Task { [source, historySource] in
            let result = await Self.perform(
                job, invalidatingFirst: dispatch.invalidateFirst, conids: conids, source: source,
                history: historySource)
            self.finish(job, result, startedAt: start)
        }
    }

    private static func perform(
        _ job: Job, invalidatingFirst: Bool, conids: [Int], source: any AccountSource, history: (any HistorySource)?
    ) async -> Result<Payload, SourceError>? {
        do {
            switch job {
            case .tickle: return .success(.session(try await source.checkSession()))
            case .accountList: return .success(.accounts(try await source.accounts()))
            case .history, .fetch(_, .history):
                guard let history else {
                    return .failure(SourceError(.configuration, endpoint: "Flex", message: "no Flex query configured"))
                }
                return .success(.history(try await history.fetchHistory()))
            case .fetch(let account, .summary): return .success(.summary(try await source.summary(for: account)))
            case .fetch(let account, .ledger): return .success(.ledger(try await source.ledger(for: account)))
            case .fetch(let account, .positions):
                if invalidatingFirst { try await source.invalidatePositions(for: account) }
                return .success(.positions(try await source.positions(for: account)))
            case .fetch(let account, .pnl): return .success(.pnl(try await source.pnl(for: account)))
            case .fetch(let account, .orders): return .success(.orders(try await source.orders(for: account)))
            case .fetch(let account, .trades): return .success(.executions(try await source.executions(for: account)))
            case .fetch(_, .quotes): return .success(.quotes(try await source.quotes(for: conids)))
            }
        } catch let error as SourceError {
            return .failure(error)
        } catch is CancellationError {
            return nil
        } catch {
            return .failure(
                SourceError(.server(status: 0), endpoint: job.description, message: "unexpected \(type(of: error))"))
        }
    }

    /// When the job runs next. Regular runs start up to 10 % early at random, so that accounts drift apart; runs
    /// on a shared endpoint always start 5 % early, so the slots they found keep their spacing.
    func nextDue(after job: Job, startedAt start: Date, failure: SourceError?) -> Date {
        let now = time.now
        let cadences = configuration.cadences
        switch job {
        case .tickle:
            return start.adding(store.cadences.tickle)
        case .accountList:
            return failure == nil ? .distantFuture : now.adding(cadences.accountListRetry)
        case .history, .fetch(_, .history):
            // Retrying soon helps only with trouble that passes; a bad token waits for the next regular run. A
            // retry never waits longer than the regular run would.
            let regular = store.cadences[.history]
            guard let failure, failure.kind != .configuration, !failure.kind.isPermanentFlex else {
                return now.adding(regular)
            }
            return now.adding(min(cadences.historyRetry, regular))
        case .fetch(_, let dataset):
            let cadence = store.cadences[dataset]
            if limits.sharedSpacing[dataset] != nil { return start.adding(cadence * CadencePlanner.sharedFraction) }
            let early = Double.random(in: 0...(1 - CadencePlanner.earliestFraction), using: &random)
            return start.adding(cadence * (1 - early))
        }
    }

    /// Plans the cadences again after the number of accounts, the session or the backoff changed.
    func replan() {
        let cadences = CadencePlanner.plan(
            configured: configuration.cadences, accounts: store.accounts.count, limits: limits,
            session: store.connection.session, backoff: backoff)
        if cadences != store.cadences { store.setCadences(cadences) }
    }
}

extension SourceError.Kind {
    var isPermanentFlex: Bool {
        if case .flex(_, permanent: true) = self { return true }
        return false
    }
}

extension DashboardEngine {
    /// Returns once no fetch is running and the timer sleeps (`timerIsSleeping` tells whether the clock has a
    /// sleeper at that deadline): on a virtual clock, everything the present moment starts has happened. For
    /// tests and tools that step a `VirtualTimeSource`; gives up after `limit` yields.
    func settle(timerIsSleeping: @Sendable (Date) -> Bool, limit: Int = 100_000) async {
        for _ in 0..<limit {
            let timerAsleep = timerDeadline.map { $0 > time.now && timerIsSleeping($0) } ?? true
            if runs.isEmpty && timerAsleep { return }
            await Task.yield()
        }
    }
}
