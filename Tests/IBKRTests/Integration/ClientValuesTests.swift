import Foundation
import IBSimulator
import Portfolio
import Testing

@testable import IBKR

/// The Client Portal client against the simulator over HTTPS on loopback: every endpoint the account source uses
/// gives domain values that agree with each other the way the simulator's invariants say (reference §8).
@Suite(.timeLimit(.minutes(3))) struct ClientValuesTests {
    @Test func portfolioNumbersAgreeAcrossSummaryLedgerPositionsAndPnL() async throws {
        try await SimulatedGateway.with { gateway in
            try await gateway.withConnection { connection in
                let source = connection.source
                #expect(try await source.checkSession().state == .authenticated)
                let accounts = try await source.accounts()
                #expect(accounts.map(\.baseCurrency) == [.usd, .eur, .usd])
                #expect(accounts.map(\.isPaper) == [false, false, true])
                #expect(accounts.map(\.id.looksLikePaper) == [false, false, true])
                for account in accounts {
                    let summary = try await source.summary(for: account.id)
                    let ledger = try await source.ledger(for: account.id)
                    let positions = try await source.positions(for: account.id)
                    let pnl = try await source.pnl(for: account.id)
                    try Self.checkAgreement(account, summary, ledger, positions, pnl)
                }
                let seen = try await gateway.statistics()
                #expect(seen.totalPacingViolations == 0)
                // IBKR's P&L pre-flight: one empty answer in the session, asked again once.
                #expect(seen.requests("GET /iserver/account/pnl/partitioned") == accounts.count + 1)
                #expect(seen.requests("GET /portfolio/accounts") == 1)
                #expect(seen.requests("GET /iserver/accounts") == 1)
            }
        }
    }

    /// The identities of reference §8 on the mapped values. The simulator's prices stand still for the test, so
    /// the four answers describe one instant.
    private static func checkAgreement(
        _ account: Account, _ summary: AccountSummary, _ ledger: Ledger, _ positions: [Position], _ pnl: AccountPnL
    ) throws {
        let id = account.id
        #expect(summary.currency == account.baseCurrency && ledger.baseCurrency == account.baseCurrency)
        let netLiquidation = try #require(summary.netLiquidation, "NLV of \(id)")
        let base = try #require(ledger.base, "ledger BASE of \(id)")
        #expect(netLiquidation > 0)
        #expect(base.netLiquidation == netLiquidation, "ledger BASE NLV of \(id)")
        #expect(pnl.netLiquidation == netLiquidation, "P&L NLV of \(id)")
        #expect(summary.totalCash == base.cashBalance, "cash of \(id)")
        #expect(pnl.excessLiquidity == summary.excessLiquidity, "excess liquidity of \(id)")
        #expect(pnl.unrealized == base.unrealizedPnl, "unrealized P&L of \(id)")
        #expect(pnl.daily != nil, "daily P&L of \(id)")

        // FX: the simulator holds EUR at 1.08 USD; the ledger's rates say so from either side.
        let rates = ledger.fxRates
        if account.baseCurrency == .usd {
            #expect(rates.rates[.eur].map { $0 == Decimal(string: "1.08") } ?? true, "EUR rate of \(id)")
        } else {
            #expect(rates.rates[.usd].map { $0 == Decimal(string: "0.92593") } ?? true, "USD rate of \(id)")
        }
        var sumInBase: Decimal = 0
        for entry in ledger.entries.values {
            let rate = try #require(entry.exchangeRate, "rate of \(entry.currency) in \(id)")
            sumInBase += try #require(entry.netLiquidation) * rate
        }
        #expect(sumInBase == netLiquidation, "Σ ledger NLV × rate of \(id)")

        #expect(!positions.isEmpty)
        var gross: Decimal = 0
        for position in positions {
            let what = "\(position.contract.symbol) in \(id)"
            let price = try #require(position.marketPrice, "price of \(what)")
            let value = try #require(position.marketValue, "value of \(what)")
            let averageCost = try #require(position.averageCost, "cost of \(what)")
            #expect(value == position.quantity * price * position.contract.multiplier, "market value of \(what)")
            #expect(position.unrealizedPnl == value - position.quantity * averageCost, "unrealized P&L of \(what)")
            #expect(position.account == id && !position.contractFromCache)
            let rate = try #require(rates.rates[position.contract.currency], "rate for \(what)")
            gross += abs(value) * rate
            if position.contract.assetClass == .option {
                #expect(position.contract.multiplier == 100 && position.contract.right != nil, "contract of \(what)")
                #expect(position.contract.strike != nil && position.contract.expiry != nil, "contract of \(what)")
            }
        }
        #expect(summary.grossPositionValue == gross, "gross position value of \(id)")
        #expect(pnl.marketValue == gross, "P&L market value of \(id)")
        let cushion = try #require(summary.cushion, "cushion of \(id)")
        let excess = try #require(summary.excessLiquidity)
        #expect(abs(cushion - excess / netLiquidation) < Decimal(string: "0.000001")!, "cushion of \(id)")
    }

    @Test func ordersTradesAndQuotesCarryThePreFlightAndThenData() async throws {
        try await SimulatedGateway.withSession { gateway, source, accounts in
            let first = try #require(accounts.first)
            let positions = try await source.positions(for: first)

            // Orders: the first answer of the session is IBKR's empty pre-flight; the source asks again.
            let orders = try await source.orders(for: first)
            #expect(orders.count == 2 && orders.allSatisfy { $0.account == first && $0.status.isWorking })
            #expect(orders.allSatisfy { $0.limitPrice != nil && $0.quantity > 0 && $0.remaining == $0.quantity })
            #expect(Set(orders.map(\.side)) == [.buy, .sell])
            var seen = try await gateway.statistics()
            #expect(seen.requests("GET /iserver/account/orders") == 2)

            // Quotes: the first snapshot only opens the streams; the next one has prices.
            let stocks = positions.filter { $0.contract.assetClass == .stock }
            let conids = stocks.map(\.contract.conid)
            #expect(try await source.quotes(for: conids).isEmpty)
            let quotes = try await source.quotes(for: conids)
            #expect(Set(quotes.keys) == Set(conids))
            for position in stocks {
                let quote = try #require(quotes[position.contract.conid])
                let price = try #require(position.marketPrice)
                let last = try #require(quote.last, "last of \(position.contract.symbol)")
                // The snapshot writes prices with the instrument's decimals, positions unrounded.
                #expect(abs(last - price) <= Decimal(string: "0.005")!, "last of \(position.contract.symbol)")
                #expect(quote.priorClose != nil && quote.changePercent != nil && !quote.lastIsPriorClose)
                // Real time where the simulated user subscribes (US), delayed elsewhere.
                #expect(quote.availability == (position.contract.currency == .usd ? "R" : "D"))
            }

            // A fill through the control endpoint: the order, the trade and the position agree.
            let buy = try #require(orders.first { $0.side == .buy })
            let held = try #require(positions.first { $0.contract.conid == buy.conid })
            try await gateway.control(#"{"command":"fillOrder","orderId":\#(buy.id)}"#)
            let after = try await source.orders(for: first)
            let filled = try #require(after.first { $0.id == buy.id })
            #expect(filled.status == .filled && filled.filled == buy.quantity && filled.remaining == 0)
            #expect(filled.averagePrice != nil)
            let executions = try await source.executions(for: first)
            let fill = try #require(executions.first { $0.orderID == buy.id })
            #expect(fill.side == .buy && fill.quantity == buy.quantity && fill.conid == buy.conid)
            #expect(fill.account == first && fill.price == filled.averagePrice)
            #expect(executions.allSatisfy { $0.account == first })
            try await source.invalidatePositions(for: first)
            let moved = try #require(try await source.positions(for: first).first { $0.contract.conid == buy.conid })
            #expect(moved.quantity == held.quantity + buy.quantity)

            seen = try await gateway.statistics()
            #expect(seen.totalPacingViolations == 0)
            #expect(seen.requests("POST /portfolio/{accountId}/positions/invalidate") == 1)
        }
    }

    @Test func moreThanAHundredPositionsArePaged() async throws {
        try await SimulatedGateway.withSession(configuring: { $0.accounts = 1; $0.positionsPerAccount = 130 }) {
            gateway, source, accounts in
            let account = try #require(accounts.first)
            let positions = try await source.positions(for: account)
            #expect(positions.count > 100)
            #expect(Set(positions.map(\.contract.conid)).count == positions.count)
            let seen = try await gateway.statistics()
            #expect(seen.requests("GET /portfolio/{accountId}/positions/{pageId}") == 2)
            #expect(source.limits.requestsPerFetch[.positions] == 2)
            let summary = try await source.summary(for: account)
            let ledger = try await source.ledger(for: account)
            let rates = ledger.fxRates
            let gross = positions.reduce(Decimal(0)) { sum, position in
                sum + abs(position.marketValue ?? 0) * (rates.rates[position.contract.currency] ?? 0)
            }
            #expect(summary.grossPositionValue == gross)
        }
    }

    @Test func rowsWithoutTheirContractKeepTheKnownContract() async throws {
        try await SimulatedGateway.withSession { gateway, source, accounts in
            let account = try #require(accounts.first)
            let full = try await source.positions(for: account)
            #expect(full.allSatisfy { !$0.contractFromCache })
            try await gateway.control(#"{"command":"settings","partialPositionProbability":1}"#)
            try await source.invalidatePositions(for: account)
            let partial = try await source.positions(for: account)
            #expect(partial.count == full.count)
            for position in partial {
                let before = try #require(full.first { $0.contract.conid == position.contract.conid })
                #expect(position.contractFromCache, "\(before.contract.symbol) came without its contract")
                #expect(position.contract == before.contract, "contract of \(before.contract.symbol)")
                #expect(position.marketValue == before.marketValue && position.quantity == before.quantity)
            }
            #expect(partial.contains { $0.contract.multiplier == 100 })
        }
    }

    @Test func aFreshClientMeetingRowsWithoutContractsStillShowsWhatTheRowsSay() async throws {
        try await SimulatedGateway.withSession(configuring: { $0.switches.partialPositionProbability = 1 }) {
            _, source, accounts in
            let account = try #require(accounts.first)
            let positions = try await source.positions(for: account)
            #expect(!positions.isEmpty)
            for position in positions {
                #expect(!position.contract.description.isEmpty && position.marketValue != nil)
                #expect(position.contract.symbol == position.contract.description)
            }
        }
    }
}
