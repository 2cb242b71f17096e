import Foundation

/// The simulated gateway behind the HTTP listener: session, accounts, market, orders, pacing and faults in one
/// actor, so that every answer is computed from one consistent state. Time only moves when a request (or a
/// control action) arrives: the walk, the orders and the session catch up to the request's time first.
actor GatewayEngine {
    let configuration: SimulatorConfiguration
    var switches: GatewaySwitches
    let calendar = TradingCalendar()
    let fx: FXTable
    let history: PriceHistory
    var random: SeededRandom
    var market: Market
    var accounts: [SimulatedAccount]
    var orders: [SimulatedOrder] = []
    var ids = IdentifierSequence()
    var session: SessionMachine
    var pacer: Pacer
    var penaltyUntil: Date?
    var faults = FaultPlan()
    var statistics = SimulatorStatistics()
    var positionsCache: [String: (builtAt: Date, rows: [PositionValuation])] = [:]
    /// Weekdays closed since start, after `history`; `accounts[…].navCloses` has one close for each.
    var closedDays: [ClosedDay] = []
    var selectedAccount: String
    var lastTick: Date
    /// New York midnight of the current trading day.
    var dayStart: Date

    init(configuration: SimulatorConfiguration, now: Date = Date()) {
        let calendar = TradingCalendar()
        let fx = FXTable(eurInUSD: configuration.eurInUSD)
        let root = SeededRandom(seed: configuration.seed)
        let today = calendar.tradingDay(of: now)
        let positions = max(1, configuration.positionsPerAccount)
        var universeRandom = root.derived(1)
        let universe = InstrumentUniverse.make(
            syntheticStocks: max(0, positions + 4 - 9), today: today, calendar: calendar, random: &universeRandom)
        var historyRandom = root.derived(2)
        let history = PriceHistory.make(
            universe: universe, days: calendar.businessDays(before: today, count: max(5, configuration.historyDays)),
            random: &historyRandom)
        var market = Market(universe: universe, history: history, day: today, now: now, calendar: calendar)
        let factory = AccountFactory(universe: universe, history: history, calendar: calendar, fx: fx)
        var accountRandom = root.derived(3)
        var ids = IdentifierSequence()
        var accounts: [SimulatedAccount] = []
        var taken: Set<String> = []
        for index in 0..<max(1, configuration.accounts) {
            let account = factory.make(index: index, positions: positions, taken: taken, ids: &ids, random: &accountRandom)
            taken.insert(account.id)
            accounts.append(account)
        }
        var marketRandom = root.derived(4)
        let anyOpen = universe.drivers.contains { market.isOpen($0, at: now, hours: configuration.marketHours) }
        if anyOpen { market.openingMove(random: &marketRandom) }
        orders = Self.restingOrders(for: accounts.prefix(5), market: market, ids: &ids, at: now)
        self.configuration = configuration
        switches = configuration.switches
        self.fx = fx
        self.history = history
        self.market = market
        self.accounts = accounts
        self.ids = ids
        random = root.derived(6)
        session = SessionMachine(
            state: configuration.initialSession, now: now, reset: configuration.switches.dailyReset,
            random: root.derived(5))
        pacer = Pacer(tolerance: configuration.switches.pacingTolerance)
        selectedAccount = accounts.first?.id ?? ""
        lastTick = now
        dayStart = today
    }

    var accountIDs: [String] { accounts.map(\.id) }

    func accountIndex(_ id: String) -> Int? { accounts.firstIndex { $0.id == id } }

    func valuation(of account: SimulatedAccount) -> AccountValuation {
        AccountValuation(account: account, market: market, fx: fx, dayStart: dayStart)
    }

    // MARK: Requests

    func respond(to request: SimRequest, at now: Date) -> SimResponse {
        advance(to: now)
        guard let apiPath = request.apiPath else {
            return SimResponse(status: 404, text: "<html><body><h1>404 Not Found</h1></body></html>", contentType: "text/html")
        }
        let template = RouteTemplate.of(method: request.method, components: request.components)
        statistics.requests[template, default: 0] += 1
        if request.method == "POST" && request.contentLength == nil {
            return SimResponse(status: 411, text: "Length Required", contentType: "text/plain")
        }
        if let until = penaltyUntil, now < until {
            statistics.penalized[template, default: 0] += 1
            return .tooManyRequests
        }
        if switches.pacing {
            var limits: [(key: String, limit: PacingLimit)] = [("global", .global)]
            if let limit = PacingLimit.forEndpoint(template) { limits.append((template, limit)) }
            if !pacer.admit(limits, at: now) {
                statistics.pacingViolations[template, default: 0] += 1
                if let box = switches.penaltyBox { penaltyUntil = now.addingTimeInterval(box.seconds) }
                return .tooManyRequests
            }
        }
        let fault = faults.take(fullPath: request.fullPath, apiPath: apiPath, at: now)
        if let fault { statistics.faults[fault.name, default: 0] += 1 }
        switch fault {
        case .status(let code)?: return .statusFault(code)
        case .rateLimit?: return .tooManyRequests
        default: break
        }
        var response = route(request, template: template, at: now)
        switch fault {
        case .latency(let delay)?: response.delay = delay
        case .truncatedJSON?:
            let bytes = Array(response.body.utf8)
            response.body = String(decoding: bytes.prefix(max(1, bytes.count / 2)), as: UTF8.self)
        case .malformedJSON?: response.body = String(response.body.dropLast()) + ",]"
        default: break
        }
        return response
    }

    private func route(_ request: SimRequest, template: String, at now: Date) -> SimResponse {
        let path = request.components
        if template == "POST /tickle" || template == "GET /tickle" { return tickle(at: now) }
        guard session.hasSSO else { return .unauthorized }
        let ssoRemaining = session.ssoRemaining(at: now, idleTimeout: switches.idleTimeout)
        session.touch(at: now)
        switch (request.method, path.first ?? "") {
        case (_, "sso") where path == ["sso", "validate"]: return validate(remaining: ssoRemaining, at: now)
        case ("POST", "logout") where path.count == 1: return logout(at: now)
        case (_, "iserver"): return iserver(request, path: Array(path.dropFirst()), at: now)
        case ("GET", "portfolio"), ("POST", "portfolio"): return portfolio(request, path: Array(path.dropFirst()), at: now)
        case ("GET", "portfolio2") where path.count == 3 && path[2] == "positions":
            return portfolio2Positions(account: path[1], at: now)
        default: return .error(404, "Not Found")
        }
    }

    private func iserver(_ request: SimRequest, path: [String], at now: Date) -> SimResponse {
        switch (request.method, path) {
        case (_, ["auth", "status"]): return SimResponse(json: authStatus())
        case (_, ["reauthenticate"]): return reauthenticate(at: now)
        case ("POST", ["auth", "ssodh", "init"]): return ssodhInit(request, at: now)
        default: break
        }
        if session.state != .brokerage {
            if session.state == .competing, path == ["accounts"], switches.competingAccounts == .emptyObject {
                return SimResponse(json: .object([]))
            }
            return switches.brokerageRefusal == .noBridge ? .noBridge : .unauthorized
        }
        switch (request.method, path) {
        case ("GET", ["accounts"]): return iserverAccounts()
        case ("POST", ["account"]): return selectAccount(request)
        case ("GET", ["account", "pnl", "partitioned"]): return partitionedPnl()
        case ("GET", ["account", "orders"]): return orderList(request, at: now)
        case ("GET", ["account", "trades"]): return tradeList(request, at: now)
        case ("GET", ["marketdata", "snapshot"]): return snapshot(request, at: now)
        case ("GET", ["marketdata", "unsubscribeall"]):
            session.flags.snapshotFields = [:]
            return SimResponse(json: .object([("unsubscribed", .bool(true))]))
        default: return .error(404, "Not Found")
        }
    }

    private func portfolio(_ request: SimRequest, path: [String], at now: Date) -> SimResponse {
        switch (request.method, path) {
        case ("GET", ["accounts"]), ("GET", ["subaccounts"]): return portfolioAccounts()
        case ("GET", let rest) where rest.count == 2 && rest[0] == "positions": return positionsByConid(rest[1], at: now)
        default: break
        }
        guard path.count >= 2 else { return .error(404, "Not Found") }
        if switches.strictPrerequisites && !session.flags.portfolioAccountsCalled {
            return .error(400, "Please query /portfolio/accounts first")
        }
        guard let index = accountIndex(path[0]) else {
            return SimResponse(status: 500, json: .object([("error", .string("Account not found"))]))
        }
        switch (request.method, Array(path.dropFirst())) {
        case ("GET", ["summary"]): return summary(of: index, at: now)
        case ("GET", ["ledger"]): return ledger(of: index, at: now)
        case ("GET", ["allocation"]): return allocation(of: index)
        case ("POST", ["positions", "invalidate"]):
            positionsCache[accounts[index].id] = nil
            return SimResponse(json: .object([("message", .string("success"))]))
        case ("GET", let rest) where rest.count == 2 && rest[0] == "positions":
            return positionsPage(of: index, page: rest[1], request: request, at: now)
        case ("GET", let rest) where rest.count == 2 && rest[0] == "position":
            return position(of: index, conid: rest[1], at: now)
        default: return .error(404, "Not Found")
        }
    }

    // MARK: Time

    /// Catches the market, the orders, the trading day and the session up to `now`.
    func advance(to now: Date) {
        let tick = max(0.001, configuration.priceTick.seconds)
        let due = Int(now.timeIntervalSince(lastTick) / tick)
        if due > 0 {
            let steps = min(due, 3_600)
            for step in 0..<steps {
                let time = lastTick.addingTimeInterval(Double(due - steps + step + 1) * tick)
                rollDayIfNeeded(at: time)
                market.step(
                    at: time, volatility: configuration.volatilityPerTick, hours: configuration.marketHours,
                    random: &random)
                stepOrders(at: time)
            }
            lastTick = lastTick.addingTimeInterval(Double(due) * tick)
        }
        rollDayIfNeeded(at: now)
        session.evaluate(at: now, idleTimeout: switches.idleTimeout, reset: switches.dailyReset)
    }

    private func rollDayIfNeeded(at time: Date) {
        let day = calendar.tradingDay(of: time)
        guard day > market.day else { return }
        let closingDay = market.day
        for index in accounts.indices {
            if calendar.isWeekday(closingDay, in: calendar.newYork) {
                let base = valuation(of: accounts[index]).base
                accounts[index].navCloses.append(
                    NAVClose(
                        day: closingDay, cash: base.cash.rounded(2), stock: base.stockValue.rounded(2),
                        options: base.optionValue.rounded(2), futures: base.futuresPnl.rounded(2)))
            }
            accounts[index].closeDay()
        }
        market.roll(to: day)
        if calendar.isWeekday(closingDay, in: calendar.newYork) {
            closedDays.append(ClosedDay(day: closingDay, closes: market.priorClose))
        }
        dayStart = day
        // The list covers the current day: finished orders go, and so do DAY orders, which expired at the close.
        orders.removeAll { !$0.status.isWorking || $0.timeInForce == "DAY" }
        positionsCache = [:]
    }
}
