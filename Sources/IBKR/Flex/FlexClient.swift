import Foundation
import Logging
import Portfolio

/// The Flex Web Service client: SendRequest, then GetStatement at the `<Url>` it names until the statement is
/// ready, within the token's pacing budget and the retry policy (reference §5.4). Every wait runs on the
/// budget's clock, so a test on a `VirtualTimeSource` goes through minutes of polling at once.
///
/// The token goes only into the request URL; errors, progress and log lines never carry it.
public struct FlexClient: Sendable {
    public let endpoint: FlexEndpoint
    public let budget: FlexTokenBudget
    public let policy: FlexRetryPolicy
    let token: Secret
    let transport: any FlexTransport
    let logger: Logger

    public init(
        endpoint: FlexEndpoint, token: Secret, transport: any FlexTransport, budget: FlexTokenBudget,
        policy: FlexRetryPolicy = FlexRetryPolicy(), logger: Logger = Logger(label: "ibdash.flex")
    ) {
        self.endpoint = endpoint
        self.token = token
        self.transport = transport
        self.budget = budget
        self.policy = policy
        self.logger = logger
    }

    var time: any TimeSource { budget.time }

    /// Fetches one query's statement as IBKR sends it.
    /// - Parameter progress: told about each step and wait, e.g. for a progress line.
    /// - Throws: `SourceError` — `.flex(code:permanent:)` for IBKR's error codes, `.timeout` when the statement
    ///   is still being generated after `policy.maxWait`, `.decoding` or `.server` for answers that are not Flex
    ///   XML, `.unreachable` for the network; or `CancellationError`.
    public func fetchStatement(
        _ query: FlexQueryID, progress: @Sendable (FlexProgress) -> Void = { _ in }
    ) async throws -> FlexDownload {
        let deadline = time.now.adding(policy.maxWait)
        var state = FetchState()
        var random = SystemRandomNumberGenerator()
        report(.requesting(query), progress)
        while true {
            try Task.checkCancellation()
            let step = state.phase.step
            let next: Next
            switch try await exchange(state.phase, query: query) {
            case .statement(let body, let format):
                report(.received(query, bytes: body.count, format: format), progress)
                return FlexDownload(
                    query: query, body: body, format: format, referenceCode: state.phase.reference, fetchedAt: time.now)
            case .reference(let reference, let address):
                state.phase = .getStatement(reference: reference, address: address)
                state.clearRuns()
                let delay = policy.jittered(policy.firstPoll, using: &random)
                next = Next(
                    delay: delay, progress: .accepted(query, referenceCode: reference, next: delay),
                    giveUp: FlexFailure.stillGenerating(query: query, reference: reference, after: policy.maxWait))
            case .flexError(let code, let message):
                next = try await handle(
                    code: code, message: message, step: step, query: query, state: &state, random: &random)
            case .passing(let error):
                next = try retryAfterPassingFailure(
                    code: nil, reason: error.message, query: query, state: &state, random: &random) { _ in error }
            }
            guard time.now.adding(next.delay) <= deadline else { throw next.giveUp }
            report(next.progress, progress)
            try await time.sleep(for: next.delay)
        }
    }

    /// What comes after an answer: a wait, what to tell about it, and the error if the wait would end past the
    /// fetch's deadline.
    private struct Next {
        var delay: Duration
        var progress: FlexProgress
        var giveUp: SourceError
    }

    /// The wait that follows an error code, or the error that ends the fetch.
    private func handle(
        code: Int, message: String?, step: FlexStep, query: FlexQueryID, state: inout FetchState,
        random: inout SystemRandomNumberGenerator
    ) async throws -> Next {
        let reason = Self.reason(for: code)
        switch FlexCodeHandling(code: code, step: step) {
        case .poll:
            state.clearRuns()
            state.polls += 1
            let delay = policy.jittered(policy.pollDelay(after: state.polls), using: &random)
            return Next(
                delay: delay, progress: .waiting(query, code: code, reason: reason, next: delay),
                giveUp: FlexFailure.stillGenerating(query: query, reference: state.phase.reference, after: policy.maxWait))
        case .transient:
            return try retryAfterPassingFailure(code: code, reason: reason, query: query, state: &state, random: &random) {
                FlexFailure.persisted(code: code, ibkrMessage: message, query: query, step: step, tries: $0)
            }
        case .rateLimited:
            state.transientRun = 0
            state.rateLimitedRun += 1
            let giveUp = FlexFailure.persisted(
                code: code, ibkrMessage: message, query: query, step: step, tries: state.rateLimitedRun)
            guard state.rateLimitedRun < policy.rateLimitAttempts else { throw giveUp }
            // Never shorter than the pause: the minute window must pass before the token may be used again.
            let pause = policy.rateLimitPause + policy.rateLimitPause * Double.random(in: 0...policy.jitter, using: &random)
            await budget.pause(until: time.now.adding(pause))
            return Next(delay: pause, progress: .waiting(query, code: code, reason: reason, next: pause), giveUp: giveUp)
        case .renew:
            let giveUp = FlexFailure.permanent(code: code, ibkrMessage: message, query: query, step: step)
            guard !state.renewed else { throw giveUp }
            state.renewed = true
            state.phase = .sendRequest
            state.clearRuns()
            return Next(
                delay: policy.renewDelay,
                progress: .waiting(query, code: code, reason: reason, next: policy.renewDelay), giveUp: giveUp)
        case .lockout:
            let error = FlexFailure.permanent(code: code, ibkrMessage: message, query: query, step: step)
            await budget.lockOut(with: error)
            throw error
        case .permanent:
            throw FlexFailure.permanent(code: code, ibkrMessage: message, query: query, step: step)
        }
    }

    /// The next try after a failure that may pass, unless the failures in a row have used up the retries.
    /// - Parameter giveUp: the error to end with, given how many tries were made.
    private func retryAfterPassingFailure(
        code: Int?, reason: String, query: FlexQueryID, state: inout FetchState,
        random: inout SystemRandomNumberGenerator, giveUp: (Int) -> SourceError
    ) throws(SourceError) -> Next {
        state.rateLimitedRun = 0
        state.transientRun += 1
        guard let delay = policy.transientDelay(before: state.transientRun) else { throw giveUp(state.transientRun) }
        let jittered = policy.jittered(delay, using: &random)
        return Next(
            delay: jittered, progress: .waiting(query, code: code, reason: reason, next: jittered),
            giveUp: giveUp(state.transientRun))
    }

    private func report(_ event: FlexProgress, _ progress: @Sendable (FlexProgress) -> Void) {
        logger.info("\(event.description)")
        progress(event)
    }

    /// What a code that means "later" says, in a few words for the progress line.
    static func reason(for code: Int) -> String {
        switch code {
        case 1019: "generating"
        case 1004: "statement incomplete"
        case 1005...1008: "IBKR's data not ready"
        case 1009: "IBKR under heavy load"
        case 1001, 1021: "IBKR could not produce it yet"
        case 1018: "too many requests from this token"
        case 1017: "reference refused, requesting again"
        case 1020: "request not validated, requesting again"
        default: "error"
        }
    }
}

/// Where one fetch stands: which call is next, and the runs of answers that bound the retries.
struct FetchState {
    enum Phase {
        case sendRequest
        case getStatement(reference: String, address: GatewayAddress)

        var step: FlexStep {
            switch self {
            case .sendRequest: .sendRequest
            case .getStatement: .getStatement
            }
        }

        var reference: String? {
            switch self {
            case .sendRequest: nil
            case .getStatement(let reference, _): reference
            }
        }
    }

    var phase = Phase.sendRequest
    var polls = 0
    /// Passing failures in a row; another kind of answer ends the run.
    var transientRun = 0
    /// 1018 answers in a row.
    var rateLimitedRun = 0
    /// The one new SendRequest after 1017 or 1020 is spent.
    var renewed = false

    mutating func clearRuns() {
        transientRun = 0
        rateLimitedRun = 0
    }
}

extension FlexClient: CustomStringConvertible, CustomReflectable {
    /// Names the endpoint only: printing or dumping a client never reaches the token or the transport.
    public var description: String { "FlexClient(\(endpoint))" }
    public var customMirror: Mirror { Mirror(self, children: ["endpoint": endpoint, "policy": policy], displayStyle: .struct) }
}
