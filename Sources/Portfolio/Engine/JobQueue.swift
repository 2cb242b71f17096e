import Foundation

/// The scheduler's table: when each job is due, which ones the user asked for now, and which are running. It hands
/// out the jobs that may start now — most urgent and most visible first — inside the pacing budget, and says when
/// the next one may. It never sleeps or calls anything itself.
struct JobQueue: Sendable {
    struct Entry: Hashable, Sendable {
        var due: Date
        /// Set by refresh-now or a fill; cleared by a run that started after the request.
        var urgentSince: UInt64?
        /// Drop the gateway's positions cache before the next run.
        var invalidateFirst = false
        var running = false
        var startSequence: UInt64 = 0

        var isUrgent: Bool { urgentSince != nil }
    }

    struct Dispatch: Hashable, Sendable {
        var job: Job
        var invalidateFirst: Bool
    }

    /// What the engine knows that the queue does not: whether a job may run in the present session, and how
    /// prominent it is on screen (lower runs first).
    struct Context {
        var isEligible: (Job) -> Bool
        var rank: (Job) -> Int
    }

    private(set) var entries: [Job: Entry] = [:]
    private(set) var budget: DispatchBudget
    /// No Client Portal request before this time (IBKR's penalty box).
    var pausedUntil: Date?
    private var sequence: UInt64 = 0

    init(limits: RequestLimits) {
        budget = DispatchBudget(limits: limits)
    }

    /// Adds the job, or moves its next run; an urgent request stays.
    mutating func schedule(_ job: Job, at due: Date) {
        entries[job, default: Entry(due: due)].due = due
    }

    mutating func remove(_ job: Job) {
        entries[job] = nil
    }

    /// Runs the job as soon as the budget allows. A running job runs again afterwards only when `evenIfRunning`:
    /// after a fill, the answer already on its way may predate it.
    mutating func expedite(_ job: Job, invalidatingFirst: Bool = false, evenIfRunning: Bool = false) {
        guard var entry = entries[job] else { return }
        if entry.running && !evenIfRunning { return }
        if entry.urgentSince == nil || entry.running {
            sequence += 1
            entry.urgentSince = sequence
        }
        if invalidatingFirst { entry.invalidateFirst = true }
        entries[job] = entry
    }

    /// Takes every job that may start at `now`, in order, and charges them to the budget.
    mutating func takeReady(now: Date, context: Context) -> [Dispatch] {
        var taken: [Dispatch] = []
        while let job = bestReady(now: now, context: context), var entry = entries[job] {
            sequence += 1
            entry.running = true
            entry.startSequence = sequence
            let dispatch = Dispatch(job: job, invalidateFirst: entry.invalidateFirst)
            entry.invalidateFirst = false
            entries[job] = entry
            if let endpoint = job.endpoint {
                budget.record(endpoint, cost: budget.cost(of: job, invalidatingFirst: dispatch.invalidateFirst), at: now)
            }
            taken.append(dispatch)
        }
        return taken
    }

    /// When the next waiting job (or the next one asked for now, when `urgentOnly`) may start; `nil` when none is
    /// waiting.
    func nextWake(now: Date, context: Context, urgentOnly: Bool = false) -> Date? {
        entries.compactMap { job, entry -> Date? in
            guard !entry.running, entry.isUrgent || !urgentOnly, context.isEligible(job) else { return nil }
            return startTime(job, entry, now: now)
        }.min()
    }

    /// Records the end of a run and when the next regular one is due.
    mutating func finish(_ job: Job, nextDue: Date) {
        guard var entry = entries[job] else { return }
        entry.running = false
        entry.due = nextDue
        if let since = entry.urgentSince, entry.startSequence > since { entry.urgentSince = nil }
        entries[job] = entry
    }

    private func bestReady(now: Date, context: Context) -> Job? {
        var best: (job: Job, key: (Int, Int, Date))?
        for (job, entry) in entries where !entry.running && context.isEligible(job) {
            guard startTime(job, entry, now: now) <= now else { continue }
            let key = (entry.isUrgent ? 0 : 1, context.rank(job), entry.isUrgent ? .distantPast : entry.due)
            if let current = best, !(key < current.key || (key == current.key && job < current.job)) { continue }
            best = (job, key)
        }
        return best?.job
    }

    private func startTime(_ job: Job, _ entry: Entry, now: Date) -> Date {
        var start = entry.isUrgent ? now : max(now, entry.due)
        guard let endpoint = job.endpoint else { return start }
        if let pausedUntil { start = max(start, pausedUntil) }
        let cost = budget.cost(of: job, invalidatingFirst: entry.invalidateFirst)
        return max(start, budget.earliestStart(endpoint, cost: cost, now: start))
    }
}
