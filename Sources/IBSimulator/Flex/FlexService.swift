import Foundation

/// The simulated Flex Web Service (reference §9) on the gateway's API listener: SendRequest and GetStatement
/// with tokens, queries, reference codes, the per-token limits, generation delays and scripted errors, and
/// statements made from the same accounts the gateway serves.
actor FlexService {
    private let engine: GatewayEngine
    private let clock: @Sendable () -> Date
    private let newYork: ExchangeZone
    private let referenceLifetime: Duration
    private var tokens: [FlexToken]
    private var queries: [String: FlexQuery]
    private var switches: FlexSwitches
    private var limiter = FlexRateLimiter()
    private var references: [String: FlexReference] = [:]
    private var scripts: [FlexEndpoint: [FlexScriptStep]] = [:]
    private var outage = false
    private var statistics = FlexStatistics()
    private var random: SeededRandom
    /// Where SendRequest's `<Url>` sends the client; set when the listener is up.
    private var statementURL = ""

    init(configuration: FlexConfiguration, engine: GatewayEngine, seed: UInt64) {
        self.engine = engine
        clock = configuration.clock
        newYork = TradingCalendar().newYork
        referenceLifetime = configuration.referenceLifetime
        tokens = configuration.tokens
        queries = Dictionary(configuration.queries.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        switches = configuration.switches
        random = SeededRandom(seed: seed).derived(7)
    }

    /// The service is reachable at `endpoint` (`…/AccountManagement/FlexWebService`).
    func listening(at endpoint: URL) { statementURL = endpoint.absoluteString + "/GetStatement" }

    func currentStatistics() -> FlexStatistics { statistics }

    func currentTokens() -> [FlexToken] { tokens }

    func currentSwitches() -> FlexSwitches { switches }

    // MARK: Requests

    func respond(to request: FlexRequest) async -> SimResponse {
        let now = clock()
        let route = FlexRoute(path: request.path)
        statistics.requests[route.name, default: 0] += 1
        if outage { return page(500, FlexPages.unavailable, answer: "outage") }
        switch route {
        case .unknown:
            return page(404, FlexPages.notFound, answer: "notFound")
        case .legacy:
            guard switches.legacyPaths == .error1001 else { return page(404, FlexPages.notFound, answer: "notFound") }
            return envelope(.generationFailed, at: now)
        case .endpoint(let endpoint):
            do {
                return try await answer(endpoint, request, at: now)
            } catch {
                return envelope(error, at: now)
            }
        }
    }

    /// The checks in the order they apply: request shape, pacing (every request naming a token counts), the
    /// token, then the endpoint's own.
    private func answer(_ endpoint: FlexEndpoint, _ request: FlexRequest, at now: Date) async throws(FlexErrorCode)
        -> SimResponse
    {
        if switches.requireUserAgent, (request.userAgent ?? "").allSatisfy(\.isWhitespace) { throw .invalidRequest }
        guard let token = request.query["t"], !token.isEmpty else { throw .invalidRequest }
        if switches.pacing, !limiter.admit(token: token, at: now, tolerance: switches.pacingTolerance) {
            statistics.pacingViolations += 1
            throw .tooManyRequests
        }
        guard request.query["v"] == "3", let q = request.query["q"], q.isASCIIDigits else { throw .invalidRequest }
        guard let known = tokens.first(where: { $0.value == token }) else { throw .tokenInvalid }
        if let refusal = known.refusal(at: now) { throw refusal }
        switch endpoint {
        case .sendRequest: return try await sendRequest(token: token, queryID: q, parameters: request.query, at: now)
        case .getStatement: return try getStatement(token: token, code: q, at: now)
        }
    }

    private func sendRequest(token: String, queryID: String, parameters: [String: String], at now: Date)
        async throws(FlexErrorCode) -> SimResponse
    {
        guard let query = queries[queryID] else { throw .queryInvalid }
        guard query.kind == .activity else { throw .legacyQuery }
        try takeScriptStep(.sendRequest)
        let ledger = await engine.flexLedger(at: Date())
        let period = try StatementPeriod.resolve(query: query, parameters: parameters, ledger: ledger)
        references = references.filter { now.timeIntervalSince($0.value.createdAt) < referenceLifetime.seconds }
        var code: String
        repeat {
            code = String(random.int(in: 1_000_000_000...9_999_999_999))
        } while references[code] != nil
        references[code] = FlexReference(token: token, query: query, createdAt: now, ledger: ledger, period: period)
        statistics.answers["Success", default: 0] += 1
        return SimResponse(
            status: 200, text: FlexEnvelope.success(referenceCode: code, url: statementURL, at: now, zone: newYork),
            contentType: Self.xml)
    }

    private func getStatement(token: String, code: String, at now: Date) throws(FlexErrorCode) -> SimResponse {
        guard var reference = references[code], reference.token == token,
            now.timeIntervalSince(reference.createdAt) < referenceLifetime.seconds
        else { throw .referenceInvalid }
        try takeScriptStep(.getStatement)
        let delay = queries[reference.query.id]?.generationDelay ?? switches.generationDelay
        let readyAt = reference.createdAt.addingTimeInterval(delay.seconds)
        guard now >= readyAt else { throw .generationInProgress }
        let statement =
            reference.statement
            ?? FlexStatementDocument.render(
                ledger: reference.ledger, query: reference.query, period: reference.period, generatedAt: readyAt)
        reference.statement = statement
        references[code] = reference
        statistics.answers["statement", default: 0] += 1
        return SimResponse(status: 200, text: statement, contentType: Self.xml)
    }

    private func takeScriptStep(_ endpoint: FlexEndpoint) throws(FlexErrorCode) {
        guard var steps = scripts[endpoint], !steps.isEmpty else { return }
        let step = steps.removeFirst()
        scripts[endpoint] = steps
        if case .answer(let code) = step { throw code }
    }

    private func envelope(_ code: FlexErrorCode, at now: Date) -> SimResponse {
        statistics.answers[String(code.rawValue), default: 0] += 1
        return SimResponse(status: 200, text: FlexEnvelope.error(code, at: now, zone: newYork), contentType: Self.xml)
    }

    private func page(_ status: Int, _ html: String, answer: String) -> SimResponse {
        statistics.answers[answer, default: 0] += 1
        return SimResponse(status: status, text: html, contentType: "text/html; charset=utf-8")
    }

    private static let xml = "text/xml; charset=utf-8"

    // MARK: Control

    func perform(_ command: FlexCommand) throws(ControlError) {
        switch command {
        case .delay(let delay, let queryID?):
            guard queries[queryID] != nil else { throw ControlError("unknown Flex query \(queryID)") }
            queries[queryID]?.generationDelay = delay
        case .delay(let delay, nil):
            switches.generationDelay = delay
        case .token(let value?, let status):
            if let index = tokens.firstIndex(where: { $0.value == value }) {
                tokens[index].status = status
            } else {
                tokens.append(FlexToken(value: value, status: status))
            }
        case .token(nil, let status):
            for index in tokens.indices { tokens[index].status = status }
        case .script(let endpoint, let steps):
            scripts[endpoint] = steps
        case .outage(let on):
            outage = on
        case .settings(let changes):
            switches = changes.applied(to: switches)
        }
    }
}
