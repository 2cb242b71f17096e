import Foundation

/// The `/iserver` endpoints that need the brokerage session (reference §4.8, §4.16–4.19). The selected account
/// (`POST /iserver/account`) decides what P&L, orders and trades report; orders and trades also take `accountId`.
extension GatewayEngine {
    func iserverAccounts() -> SimResponse {
        session.flags.iserverAccountsCalled = true
        return SimResponse(
            json: AccountJSON.iserverAccounts(accounts, selected: selectedAccount, sessionID: session.sessionID))
    }

    func selectAccount(_ request: SimRequest) -> SimResponse {
        guard let id = try? request.jsonObject?.optionalString("acctId") else { return .error(400, "Bad Request: acctId is required") }
        guard accountIndex(id) != nil else {
            return SimResponse(status: 500, json: .object([("error", .string("Account not found"))]))
        }
        selectedAccount = id
        return SimResponse(json: .object([("set", .bool(true)), ("acctId", .string(id))]))
    }

    private var prerequisitesMissing: Bool { switches.strictPrerequisites && !session.flags.iserverAccountsCalled }

    func partitionedPnl() -> SimResponse {
        let empty = SimResponse(json: .object([("upnl", .object([]))]))
        guard !prerequisitesMissing else { return empty }
        guard session.flags.pnlPreflightDone else {
            session.flags.pnlPreflightDone = true
            return empty
        }
        guard let index = accountIndex(selectedAccount) else { return empty }
        let value = valuation(of: accounts[index])
        return SimResponse(
            json: .object([
                ("upnl", .object([
                    ("\(selectedAccount).Core", .object([
                        ("rowType", .int(1)),
                        ("dpl", .double(value.dailyPnl)),
                        ("nl", .double(value.netLiquidation)),
                        ("upl", .double(value.base.unrealizedPnl)),
                        ("el", .double(value.excessLiquidity)),
                        ("mv", .double(value.grossPositionValue)),
                    ]))
                ]))
            ]))
    }

    /// The account a call reports: its `accountId` query parameter when valid, else the selected account.
    private func reportedAccount(_ request: SimRequest) -> String {
        if let id = request.query["accountId"], accountIndex(id) != nil { return id }
        return selectedAccount
    }

    func orderList(_ request: SimRequest, at now: Date) -> SimResponse {
        let empty = SimResponse(json: .object([("orders", .array([])), ("snapshot", .bool(false))]))
        guard !prerequisitesMissing else { return empty }
        if request.query["force"] == "true" { return empty }
        guard session.flags.ordersPreflightDone else {
            session.flags.ordersPreflightDone = true
            return empty
        }
        let account = reportedAccount(request)
        let filters = Set((request.query["filters"] ?? "").split(separator: ",").map { $0.lowercased() })
        let listed = orders.filter { order in
            order.account == account && (filters.isEmpty || filters.contains(order.status.filterName))
        }
        .sorted { $0.updatedAt > $1.updatedAt }
        return SimResponse(
            json: .object([
                ("orders", .array(listed.compactMap { order in
                    market.universe[order.conid].map { OrderJSON.order(order, instrument: $0) }
                })),
                ("snapshot", .bool(true)),
            ]))
    }

    func tradeList(_ request: SimRequest, at now: Date) -> SimResponse {
        guard !prerequisitesMissing else { return SimResponse(json: .array([])) }
        let days = min(7, max(1, Int(request.query["days"] ?? "") ?? 1))
        let since = calendar.newYork.adding(days: -(days - 1), to: dayStart)
        guard let index = accountIndex(reportedAccount(request)) else { return SimResponse(json: .array([])) }
        let trades = accounts[index].trades(since: since).sorted { $0.time > $1.time }
        return SimResponse(
            json: .array(trades.compactMap { trade in
                market.universe[trade.conid].map { TradeJSON.trade(trade, instrument: $0) }
            }))
    }

    /// The first request for a conid opens its stream and returns only `conid`/`conidEx`; fields asked for once
    /// stay attached to the stream.
    func snapshot(_ request: SimRequest, at now: Date) -> SimResponse {
        guard let list = request.query["conids"], !list.isEmpty else {
            return .error(400, "Bad Request: conids is required")
        }
        guard !prerequisitesMissing else { return SimResponse(json: .array([])) }
        let conids = list.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard conids.count <= 100 else { return .error(400, "Bad Request: at most 100 conids") }
        let requested = Set((request.query["fields"] ?? "").split(separator: ",").map(String.init))
            .intersection(SnapshotJSON.knownFields)
        var rows: [JSONValue] = []
        for conid in conids {
            guard let instrument = market.universe[conid] else {
                rows.append(SnapshotJSON.preflight(conid))
                continue
            }
            guard let attached = session.flags.snapshotFields[conid] else {
                session.flags.snapshotFields[conid] = requested
                rows.append(SnapshotJSON.preflight(conid))
                continue
            }
            let fields = attached.union(requested)
            session.flags.snapshotFields[conid] = fields
            rows.append(
                SnapshotJSON.quote(
                    instrument, fields: fields, market: market,
                    isOpen: market.isOpen(conid, at: now, hours: configuration.marketHours)))
        }
        return SimResponse(json: .array(rows))
    }
}
