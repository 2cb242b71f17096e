import Foundation
import Portfolio

/// One position: its contract, what it is worth and its day change now, and from the Flex statement its open lots,
/// its trades and its dividends.
struct PositionDetail {
    let id: PositionID
    let state: DashboardState
    let view: ViewState
    let painter: Painter

    func lines(width: Int) -> [TextLine] {
        let account = state.account(id.account)
        let line = account.flatMap { account in
            DashboardModel(state: state, view: view.showing(account.id)).positions.line(of: id)
        }
        let history = account?.history
        var lines: [TextLine] = []
        if let line {
            lines += contract(line.position.contract)
            lines.append(.blank)
            lines.append(TextLine([Span("Position ", .title), painter.badge(account?.positions.freshness(at: state.now))]))
            lines += position(line, account: account)
        } else {
            lines.append(TextLine([Span("No position in \(id.account.rawValue.sanitized) (contract id \(id.conid))", .warning)]))
        }
        lines.append(.blank)
        lines += flex(history: history, width: width)
        return lines
    }

    private func contract(_ contract: Contract) -> [TextLine] {
        var lines = [TextLine([Span(contract.symbol.sanitized + "  ", .accent), Span(ContractText.describe(contract), .title)])]
        var rows: [(String, Span)] = [
            ("Asset class", Span(contract.assetClass.code.sanitized)),
            ("Currency", Span(contract.currency.code.sanitized)),
            ("Exchange", Span((contract.listingExchange ?? "—").sanitized)),
            ("Contract id", Span("\(contract.conid)", .muted)),
        ]
        // For a stock IBKR's description is the symbol again: shown only when it says more.
        if !contract.description.isEmpty && contract.description != contract.symbol {
            rows.insert(("IBKR description", Span(contract.description.sanitized)), at: 0)
        }
        if contract.isDerivative {
            rows += [
                ("Underlying", Span((contract.underlyingSymbol ?? contract.symbol).sanitized)),
                ("Expiry", Span((contract.expiry ?? "—").sanitized)),
                ("Strike", contract.strike.map { Span(NumberText.price($0)) } ?? Span("—", .muted)),
                ("Right", Span(contract.right.map { $0 == .call ? "Call" : "Put" } ?? "—")),
                ("Multiplier", Span(NumberText.quantity(contract.multiplier))),
            ]
        }
        if let sector = contract.sector { rows.append(("Sector", Span(sector.sanitized))) }
        lines += DetailPage.metrics(rows, valueWidth: 0)
        return lines
    }

    private func position(_ line: PositionLine, account: AccountState?) -> [TextLine] {
        let position = line.position
        let valued = line.valued
        let percent = { (value: Decimal?) -> Span in painter.percentChange(value) }
        let base = account?.account.baseCurrency.code ?? ""
        var rows: [(String, Span)] = [
            ("Quantity", painter.quantity(position.quantity)),
            ("Price", position.marketPrice.map { Span(NumberText.price($0)) } ?? Span("—", .muted)),
            ("Market value", painter.amount(valued.marketValue?.amount)),
            ("Market value (\(base))", painter.amount(valued.baseMarketValue?.amount)),
            ("Average price", (position.averagePrice ?? position.averageCost).map { Span(NumberText.price($0)) } ?? Span("—", .muted)),
            ("Unrealized P&L", painter.change(position.unrealizedPnl)),
            ("Unrealized %", percent(position.unrealizedPnlFraction.map { $0.movingPoint(by: 2) })),
            ("Realized P&L", painter.change(position.realizedPnl)),
            ("Day change", painter.change(valued.dayChange?.amount)),
            ("Day change %", percent(valued.dayChangePercent)),
            ("Weight", valued.weightPercent.map { Span(NumberText.percent($0, decimals: 1)) } ?? Span("—", .muted)),
        ]
        if let quote = valued.quote, let availability = quote.availability {
            rows.append(("Market data", Span(availability.sanitized == "R" ? "real time" : "delayed or frozen (\(availability.sanitized))", .muted)))
        }
        return DetailPage.metrics(rows)
    }

    private func flex(history: AccountHistory?, width: Int) -> [TextLine] {
        guard let history else {
            let words = state.history.lastError.map { "Flex history failed: " + $0.message.sanitized } ?? "No Flex history for this account yet"
            return [TextLine([Span(words, .muted)])]
        }
        var lines: [TextLine] = []
        let lots = history.openLots.filter { $0.conid == id.conid }
        lines.append(TextLine([Span("Open lots (Flex) ", .title), painter.badge(state.history.freshness(at: state.now))]))
        if lots.isEmpty {
            lines.append(TextLine([Span("  none", .muted)]))
        } else {
            lines += DetailTable(
                headings: [.init("  Opened", 12, .left), .init("Qty", 10), .init("Cost price", 11), .init("Cost basis", 14),
                           .init("Mkt value", 14), .init("Unrl P&L", 13)],
                rows: lots.map { lot in
                    [Span("  " + (lot.openDate.map(ClockText.reportDay) ?? "—")), painter.quantity(lot.quantity),
                     lot.costPrice.map { Span(NumberText.price($0)) } ?? Span("—", .muted), painter.amount(lot.costBasis),
                     painter.amount(lot.marketValue), painter.change(lot.unrealizedPnl)]
                }
            ).lines(width: width)
        }
        lines.append(.blank)
        let trades = history.trades.filter { $0.conid == id.conid }.reversed()
        lines.append(.heading("Trades (Flex, \(trades.count))"))
        if trades.isEmpty { lines.append(TextLine([Span("  none in the statement's period", .muted)])) }
        lines += trades.isEmpty ? [] : TradeTable.lines(Array(trades), showAccount: false, painter: painter, width: width)
        lines.append(.blank)
        let dividends = history.dividends.filter { $0.conid == id.conid }.reversed()
        lines.append(.heading("Dividends (Flex, \(dividends.count))"))
        if dividends.isEmpty { lines.append(TextLine([Span("  none in the statement's period", .muted)])) }
        lines += dividends.isEmpty ? [] : CashTable.lines(Array(dividends), showAccount: false, painter: painter, width: width)
        return lines
    }
}

extension ViewState {
    /// The same view with one account selected and no filter, to find a position whatever the list shows.
    func showing(_ account: AccountID) -> ViewState {
        var view = self
        view.selectedAccount = account
        view.filters = [:]
        return view
    }
}
