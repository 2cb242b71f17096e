import Foundation

/// Keeps every account's data fresh within IBKR's pacing limits, raises alerts, and publishes what the screen
/// shows as a stream of immutable `DashboardState`s.
///
/// It polls through `AccountSource` and `HistorySource` only, and reads the time only from its `TimeSource`:
/// on a `VirtualTimeSource` a test drives it through hours in moments.
public actor DashboardEngine {
    /// A new state whenever something changed, and once a second while ages on screen tick. For one reader; keeps
    /// only the newest state when the reader is slow. Ends when the engine stops.
    public nonisolated let states: AsyncStream<DashboardState>

    let continuation: AsyncStream<DashboardState>.Continuation
    let source: any AccountSource
    let historySource: (any HistorySource)?
    let configuration: EngineConfiguration
    let time: any TimeSource
    let limits: RequestLimits
    let alertFile: AlertLogFile?
    let notifier: AlertNotifier
    let hookOutcomes: AsyncStream<AlertNotifier.Outcome>

    var store: DashboardStore
    var queue: JobQueue
    var rules: AlertRules
    var log: AlertLog
    var backoff = Backoff()
    var focus = Focus()
    var random: SplitMix64
    /// `/portfolio/accounts` must be called (again) before any account's data: at start and after a re-login.
    var needsAccountList = true
    var isRunning = false
    var wasStarted = false
    var runs: [Job: Task<Void, Never>] = [:]
    var timer: Task<Void, Never>?
    var timerDeadline: Date?
    var hookListener: Task<Void, Never>?
    var lastPublished: Date?
    /// When the ages were last looked at for stale data.
    var agesCheckedAt: Date?
    /// Since when the engine may fetch what it fetches now (the session changed, the accounts were listed, a pause
    /// ended): data older than that is being caught up on, not neglected.
    var watchedSince: Date
    /// `/iserver` refused while the session looked up; see `settleRefusal`.
    var unconfirmedRefusal: (job: Job, error: SourceError, at: Date)?

    /// - Parameters:
    ///   - history: the Flex statement's source; `nil` when no Flex query is configured.
    ///   - alertLog: the file alerts are appended to (`AlertLogFile.defaultURL`); `nil` for none.
    ///   - environment: where `$TMUX` is read and what the alert command inherits.
    ///   - seed: for the scheduler's jitter.
    public init(
        source: any AccountSource, history: (any HistorySource)?, configuration: EngineConfiguration,
        time: any TimeSource, alertLog: URL?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        seed: UInt64 = UInt64.random(in: 0...UInt64.max)
    ) {
        (states, continuation) = AsyncStream.makeStream(of: DashboardState.self, bufferingPolicy: .bufferingNewest(1))
        self.source = source
        historySource = history
        self.configuration = configuration
        self.time = time
        limits = source.limits
        alertFile = alertLog.map(AlertLogFile.init(url:))
        let (outcomes, outcomeSink) = AsyncStream.makeStream(of: AlertNotifier.Outcome.self)
        hookOutcomes = outcomes
        notifier = AlertNotifier(
            hook: configuration.hook, tmux: configuration.tmuxNotifications, environment: environment,
            report: { outcomeSink.yield($0) })
        let connection = ConnectionInfo(
            gateway: configuration.gateway, isDemo: configuration.isDemo, tlsInsecure: configuration.tlsInsecure)
        let cadences = CadencePlanner.plan(
            configured: configuration.cadences, accounts: 0, limits: source.limits, session: .connecting,
            backoff: Backoff())
        store = DashboardStore(
            connection: connection, cadences: cadences, displayCurrency: configuration.displayCurrency)
        queue = JobQueue(limits: source.limits)
        rules = AlertRules(thresholds: configuration.thresholds)
        log = AlertLog(capacity: configuration.alertCapacity)
        random = SplitMix64(seed: seed)
        watchedSince = time.now
    }

    /// Starts polling: the session first, then the account list, then every account's data; the Flex statement
    /// when the one kept from an earlier run is older than its cadence. An engine starts once.
    public func start() async {
        guard !wasStarted else { return }
        wasStarted = true
        isRunning = true
        hookListener = Task { [hookOutcomes] in
            for await outcome in hookOutcomes { self.alertCommandFinished(outcome) }
        }
        let now = time.now
        queue.schedule(.tickle, at: now)
        queue.schedule(.accountList, at: now)
        if let historySource {
            var due = now
            if let kept = await historySource.cachedHistory() {
                store.storeHistory(kept, fetchedAt: min(kept.generatedAt, now))
                due = kept.generatedAt.adding(configuration.cadences.history)
            }
            queue.schedule(.history, at: due)
        }
        publish(at: time.now)
        step()
    }

    /// Stops every timer and fetch, and ends `states`.
    public func stop() {
        isRunning = false
        timer?.cancel()
        timer = nil
        timerDeadline = nil
        for run in runs.values { run.cancel() }
        runs = [:]
        hookListener?.cancel()
        notifier.finish()
        continuation.finish()
    }

    /// Fetches everything of one account (or of all) as soon as the pacing budget allows, positions without the
    /// gateway's cache. While the session is down it checks the session instead.
    public func refreshNow(_ account: AccountID? = nil) {
        let session = store.connection.session
        if account == nil || !session.allowsPortfolio { queue.expedite(.tickle) }
        let targets = account.map { [$0] } ?? store.accounts.map(\.id)
        for id in targets where store.account(id) != nil {
            for dataset in Dataset.allCases where dataset != .history {
                queue.expedite(.fetch(id, dataset), invalidatingFirst: dataset == .positions)
            }
        }
        step()
    }

    /// Fetches a new Flex statement now (it counts against the token's limit of 10 a minute).
    public func refreshHistory() {
        queue.expedite(.history)
        step()
    }

    /// The account selected and the datasets on screen are fetched first.
    public func setFocus(account: AccountID?, datasets: Set<Dataset>) {
        focus = Focus(account: account, datasets: datasets)
        step()
    }

    public var state: DashboardState { currentState(at: time.now) }

    func currentState(at now: Date) -> DashboardState {
        store.state(at: now, alerts: log.alerts)
    }

    func publish(at now: Date) {
        continuation.yield(currentState(at: now))
        lastPublished = now
    }
}
