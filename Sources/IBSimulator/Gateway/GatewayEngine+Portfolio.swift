import Foundation

/// The read-only `/portfolio` endpoints (reference §4.6–4.15), all valued from one `AccountValuation`.
extension GatewayEngine {
    func portfolioAccounts() -> SimResponse {
        session.flags.portfolioAccountsCalled = true
        return SimResponse(json: .array(accounts.map(AccountJSON.portfolioAccount)))
    }

    func summary(of index: Int, at now: Date) -> SimResponse {
        let account = accounts[index]
        let value = valuation(of: account)
        let stamp = WireTime.milliseconds(now)
        func money(_ amount: Decimal) -> JSONValue { entry(amount: amount, currency: account.baseCurrency, value: .null, stamp: stamp) }
        func text(_ text: String) -> JSONValue { entry(amount: 0, currency: nil, value: .string(text), stamp: stamp) }
        let lookahead = WireTime.seconds(dayStart.addingTimeInterval(16 * 3600))
        return SimResponse(
            json: .object([
                ("accountcode", text(account.id)),
                ("accountready", text("true")),
                ("accounttype", text(account.isPaper ? "DEMO" : "INDIVIDUAL")),
                ("netliquidation", money(value.netLiquidation)),
                ("netliquidation-s", money(value.netLiquidation - value.base.futuresPnl)),
                ("netliquidation-c", money(value.base.futuresPnl)),
                ("totalcashvalue", money(value.base.cash)),
                ("settledcash", money(value.base.cash)),
                ("grosspositionvalue", money(value.grossPositionValue)),
                ("equitywithloanvalue", money(value.equityWithLoan)),
                ("previousdayequitywithloanvalue", money(account.navCloses.last?.total ?? value.equityWithLoan)),
                ("initmarginreq", money(value.initialMargin)),
                ("maintmarginreq", money(value.maintenanceMargin)),
                ("fullinitmarginreq", money(value.initialMargin)),
                ("fullmaintmarginreq", money(value.maintenanceMargin)),
                ("availablefunds", money(value.availableFunds)),
                ("fullavailablefunds", money(value.availableFunds)),
                ("excessliquidity", money(value.excessLiquidity)),
                ("fullexcessliquidity", money(value.excessLiquidity)),
                ("buyingpower", money(value.buyingPower)),
                ("accruedcash", money(0)),
                ("accrueddividend", money(0)),
                ("cushion", text(Self.ratio(value.cushion))),
                ("leverage-s", text(Self.ratio(value.leverage, decimals: 2))),
                ("daytradesremaining", text("-1")),
                ("lookaheadnextchange", text(String(lookahead))),
                ("highestseverity", text("0")),
            ]))
    }

    private func entry(amount: Decimal, currency: String?, value: JSONValue, stamp: Int) -> JSONValue {
        .object([
            ("amount", .double(amount)), ("currency", .optionalString(currency)), ("isNull", .bool(false)),
            ("timestamp", .int(stamp)), ("value", value), ("severity", .int(0)),
        ])
    }

    static func ratio(_ value: Decimal, decimals: Int = 6) -> String { value.fixed(decimals) }

    func ledger(of index: Int, at now: Date) -> SimResponse {
        let account = accounts[index]
        let value = valuation(of: account)
        let stamp = WireTime.seconds(now)
        var members: [(String, JSONValue)] = []
        for (position, line) in (value.ledgers + [value.base]).enumerated() {
            var fields = LedgerJSON.line(line, account: account.id, timestamp: stamp)
            if position == 0, case .object(var inner) = fields {
                inner.append(("endofbundle", .int(1)))
                fields = .object(inner)
            }
            members.append((line.currency, fields))
        }
        return SimResponse(json: .object(members))
    }

    func allocation(of index: Int) -> SimResponse {
        let account = accounts[index]
        let value = valuation(of: account)
        var assetLong: [String: Decimal] = [:]
        var assetShort: [String: Decimal] = [:]
        var sectorLong: [String: Decimal] = [:]
        var sectorShort: [String: Decimal] = [:]
        var groupLong: [String: Decimal] = [:]
        var groupShort: [String: Decimal] = [:]
        for position in value.positions {
            let base = position.marketValue * fx.rate(position.instrument.currency, base: account.baseCurrency)
            let kind = position.instrument.kind.rawValue
            let sector = position.instrument.sector ?? "Others"
            let group = position.instrument.group ?? "Others"
            if base >= 0 {
                assetLong[kind, default: 0] += base
                sectorLong[sector, default: 0] += base
                groupLong[group, default: 0] += base
            } else {
                assetShort[kind, default: 0] += base
                sectorShort[sector, default: 0] += base
                groupShort[group, default: 0] += base
            }
        }
        assetLong["CASH"] = value.base.cash
        func table(_ values: [String: Decimal]) -> JSONValue {
            .object(values.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value.rounded(2))) })
        }
        func grouping(_ long: [String: Decimal], _ short: [String: Decimal]) -> JSONValue {
            .object([("long", table(long)), ("short", table(short))])
        }
        return SimResponse(
            json: .object([
                ("assetClass", grouping(assetLong, assetShort)),
                ("sector", grouping(sectorLong, sectorShort)),
                ("group", grouping(groupLong, groupShort)),
            ]))
    }

    /// Pages of 100 from the server-side cache, rebuilt only when older than its lifetime or invalidated.
    func positionsPage(of index: Int, page: String, request: SimRequest, at now: Date) -> SimResponse {
        guard let pageNumber = Int(page), pageNumber >= 0 else { return .error(400, "Bad Request: invalid page") }
        let account = accounts[index]
        var rows: [PositionValuation]
        if let cached = positionsCache[account.id],
            now.timeIntervalSince(cached.builtAt) < switches.positionsCacheLifetime.seconds
        {
            rows = cached.rows
        } else {
            rows = valuation(of: account).positions.sorted {
                ($0.instrument.contractDescription, $0.instrument.conid) < ($1.instrument.contractDescription, $1.instrument.conid)
            }
            positionsCache[account.id] = (now, rows)
        }
        if request.query["direction"] == "d" { rows.reverse() }
        let start = pageNumber * PositionJSON.pageSize
        guard start < rows.count else { return SimResponse(json: .array([])) }
        let slice = rows[start..<min(rows.count, start + PositionJSON.pageSize)]
        return SimResponse(
            json: .array(slice.map { row in
                PositionJSON.row(row, account: account.id, partial: random.chance(switches.partialPositionProbability))
            }))
    }

    func position(of index: Int, conid: String, at now: Date) -> SimResponse {
        let account = accounts[index]
        let rows = valuation(of: account).positions.filter { String($0.instrument.conid) == conid }
        return SimResponse(json: .array(rows.map { PositionJSON.row($0, account: account.id, partial: false) }))
    }

    func positionsByConid(_ conid: String, at now: Date) -> SimResponse {
        var rows: [JSONValue] = []
        for account in accounts {
            for row in valuation(of: account).positions where String(row.instrument.conid) == conid {
                rows.append(PositionJSON.row(row, account: account.id, partial: false))
            }
        }
        return SimResponse(json: .array(rows))
    }

    func portfolio2Positions(account id: String, at now: Date) -> SimResponse {
        if switches.strictPrerequisites && !session.flags.portfolioAccountsCalled {
            return .error(400, "Please query /portfolio/accounts first")
        }
        guard let index = accountIndex(id) else {
            return SimResponse(status: 500, json: .object([("error", .string("Account not found"))]))
        }
        return SimResponse(json: .array(valuation(of: accounts[index]).positions.map { PositionJSON.flatRow($0, at: now) }))
    }
}
