import Foundation
import Portfolio
import TerminalUI

/// A fixed dashboard: three accounts (one paper, one in EUR), stocks, an option, a future, a Japanese name, orders,
/// alerts and a Flex history, at a fixed moment, so that every frame drawn from it is the same anywhere.
enum SampleDashboard {
    static let now = Date(timeIntervalSince1970: 1_741_962_600)  // 2025-03-14 14:30:00 UTC
    static let main: AccountID = "U1234567"
    static let family: AccountID = "U7654321"
    static let paper: AccountID = "DU555555"

    static func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

    static func day(_ offset: Int) -> Date {
        Date(timeIntervalSince1970: 1_741_910_400 + Double(offset) * 86_400)  // 2025-03-14 00:00 UTC
    }

    static func cached<Value: Sendable>(_ value: Value?, age: Double = 4, cadence: Int = 15) -> Cached<Value> {
        Cached(value: value, fetchedAt: value == nil ? nil : ago(age), cadence: .seconds(cadence))
    }

    static func contract(
        _ conid: Int, _ symbol: String, _ name: String, _ asset: AssetClass = .stock, _ currency: Currency = .usd,
        multiplier: Decimal = 1, expiry: String? = nil, strike: Decimal? = nil, right: OptionRight? = nil
    ) -> Contract {
        Contract(
            conid: conid, symbol: symbol, description: symbol, name: name, assetClass: asset, currency: currency,
            multiplier: multiplier, expiry: expiry, strike: strike, right: right, listingExchange: "NASDAQ")
    }

    static func position(
        _ account: AccountID, _ contract: Contract, quantity: Decimal, price: Decimal, averagePrice: Decimal,
        realized: Decimal = 0
    ) -> Position {
        let value = quantity * price * contract.multiplier
        let cost = averagePrice * contract.multiplier
        return Position(
            account: account, contract: contract, quantity: quantity, marketPrice: price, marketValue: value,
            averageCost: cost, averagePrice: averagePrice, unrealizedPnl: value - quantity * cost, realizedPnl: realized)
    }

    static let aapl = contract(265_598, "AAPL", "APPLE INC")
    static let msft = contract(272_093, "MSFT", "MICROSOFT CORP")
    static let spyCall = contract(
        700_001, "SPY", "SPDR S&P 500 ETF TRUST", .option, multiplier: 100, expiry: "20251219", strike: 600, right: .call)
    static let esFuture = contract(700_002, "ES", "E-mini S&P 500", .future, multiplier: 50, expiry: "20250620")
    static let toyota = contract(700_003, "7203", "トヨタ自動車", .stock, "JPY")
    static let sap = contract(700_004, "SAP", "SAP SE", .stock, .eur)
    static let asml = contract(700_005, "ASML", "ASML HOLDING NV", .stock, .eur)
    static let tsla = contract(76_792_991, "TSLA", "TESLA INC")

    static func state(positions extra: [Position] = [], alerts extraAlerts: [Alert] = [], orders extraOrders: [Order] = [])
        -> DashboardState
    {
        let mainPositions = [
            position(main, aapl, quantity: 100, price: Decimal(string: "227.48")!, averagePrice: Decimal(string: "180.25")!),
            position(main, msft, quantity: 50, price: Decimal(string: "388.56")!, averagePrice: Decimal(string: "402.10")!),
            position(main, spyCall, quantity: 2, price: Decimal(string: "18.35")!, averagePrice: Decimal(string: "12.80")!),
            position(main, esFuture, quantity: 1, price: Decimal(string: "5638.25")!, averagePrice: Decimal(string: "5701.00")!),
            position(main, toyota, quantity: 300, price: 2_741, averagePrice: 2_500),
        ] + extra
        let mainQuotes: [Int: MarketQuote] = [
            aapl.conid: MarketQuote(conid: aapl.conid, last: Decimal(string: "227.48")!, priorClose: Decimal(string: "224.90")!, availability: "R"),
            msft.conid: MarketQuote(conid: msft.conid, last: Decimal(string: "388.56")!, priorClose: Decimal(string: "391.20")!, availability: "R"),
        ]
        let mainLedger = Ledger(
            baseCurrency: .usd,
            entries: [
                .usd: LedgerEntry(currency: .usd, cashBalance: 48_211, settledCash: 48_211, netLiquidation: 162_000, exchangeRate: 1),
                "JPY": LedgerEntry(currency: "JPY", cashBalance: 12_000, netLiquidation: 834_300, exchangeRate: Decimal(string: "0.0067")!),
                .eur: LedgerEntry(currency: .eur, cashBalance: 0, exchangeRate: Decimal(string: "1.09")!),
            ],
            base: LedgerEntry(
                currency: "BASE", cashBalance: Decimal(string: "48291.40")!, netLiquidation: Decimal(string: "173562.18")!,
                unrealizedPnl: Decimal(string: "5081.40")!, realizedPnl: Decimal(string: "312.55")!, dividends: 24))
        let mainSummary = AccountSummary(
            currency: .usd, netLiquidation: Decimal(string: "173562.18")!, totalCash: Decimal(string: "48291.40")!,
            grossPositionValue: Decimal(string: "402114.75")!, equityWithLoan: 171_200, previousDayEquityWithLoan: 170_950,
            availableFunds: 88_410, excessLiquidity: Decimal(string: "92380.55")!, buyingPower: 353_640,
            initialMargin: 82_790, maintenanceMargin: 81_180, cushion: Decimal(string: "0.5322")!,
            leverage: Decimal(string: "2.31")!, sma: 61_020,
            lookAhead: .init(initialMargin: 83_000, maintenanceMargin: 81_500, availableFunds: 88_200, excessLiquidity: 92_060),
            dayTradesRemaining: .unlimited)
        let mainOrders = [
            Order(
                id: 1001, account: main, conid: 4_815_747, symbol: "NVDA", description: "NVIDIA CORP", side: .buy,
                orderType: "LMT", limitPrice: Decimal(string: "118.50")!, quantity: 100, filled: 0, remaining: 100,
                status: .submitted, timeInForce: "GTC", lastUpdate: ago(600)),
            Order(
                id: 1002, account: main, conid: spyCall.conid, symbol: "SPY", description: "SPY DEC2025 600 C", side: .sell,
                orderType: "STP LMT", limitPrice: 15, stopPrice: Decimal(string: "15.50")!, quantity: 1, filled: 0,
                remaining: 1, status: .preSubmitted, timeInForce: "DAY", lastUpdate: ago(1200)),
            Order(
                id: 1003, account: main, conid: aapl.conid, symbol: "AAPL", description: "APPLE INC", side: .buy,
                orderType: "MKT", quantity: 20, filled: 20, remaining: 0, status: .filled, timeInForce: "DAY",
                lastUpdate: ago(3000)),
        ] + extraOrders
        let mainHistory = AccountHistory(
            account: main, baseCurrency: .usd, fromDate: day(-29), toDate: day(-1),
            nav: (0..<29).map { NAVPoint(date: day($0 - 29), total: 165_000 + Decimal(($0 * 37) % 11) * 900 + Decimal($0) * 250) },
            trades: [
                Trade(
                    id: "T1", account: main, conid: aapl.conid, symbol: "AAPL", description: "APPLE INC", assetClass: .stock,
                    currency: .usd, time: day(-20).addingTimeInterval(52_200), side: .buy, quantity: 80,
                    price: Decimal(string: "175.10")!, proceeds: -14_008, commission: -1, realizedPnl: 0),
                Trade(
                    id: "T2", account: main, conid: aapl.conid, symbol: "AAPL", description: "APPLE INC", assetClass: .stock,
                    currency: .usd, time: day(-3).addingTimeInterval(50_000), side: .sell, quantity: -10,
                    price: Decimal(string: "231.40")!, proceeds: 2_314, commission: -1, realizedPnl: Decimal(string: "561.50")!),
            ],
            cashTransactions: [
                CashTransaction(
                    id: "C1", account: main, kind: .dividend, date: day(-12), amount: 25, currency: .usd,
                    conid: aapl.conid, symbol: "AAPL", description: "AAPL(US0378331005) Cash Dividend USD 0.25 per Share"),
                CashTransaction(
                    id: "C2", account: main, kind: .withholdingTax, date: day(-12), amount: Decimal(string: "-3.75")!,
                    currency: .usd, conid: aapl.conid, symbol: "AAPL", description: "AAPL US Tax"),
                CashTransaction(
                    id: "C3", account: main, kind: .depositWithdrawal, date: day(-25), amount: 10_000, currency: .usd,
                    description: "CASH RECEIPTS / ELECTRONIC FUND TRANSFERS"),
            ],
            openLots: [
                Lot(account: main, conid: aapl.conid, symbol: "AAPL", currency: .usd, quantity: 70, openDate: day(-20),
                    costPrice: Decimal(string: "175.10")!, costBasis: 12_257, markPrice: Decimal(string: "227.48")!,
                    marketValue: Decimal(string: "15923.60")!, unrealizedPnl: Decimal(string: "3666.60")!),
                Lot(account: main, conid: aapl.conid, symbol: "AAPL", currency: .usd, quantity: 30, openDate: day(-200),
                    costPrice: Decimal(string: "192.00")!, costBasis: 5_760, markPrice: Decimal(string: "227.48")!,
                    marketValue: Decimal(string: "6824.40")!, unrealizedPnl: Decimal(string: "1064.40")!),
            ],
            realizedYearToDate: Decimal(string: "4212.80")!)
        var mainAccount = AccountState(
            account: Account(id: main, displayName: "Main", baseCurrency: .usd, type: "INDIVIDUAL", isPaper: false),
            summary: cached(mainSummary), ledger: cached(mainLedger, age: 12, cadence: 30),
            positions: cached(mainPositions), pnl: cached(AccountPnL(daily: Decimal(string: "1284.35")!, unrealized: Decimal(string: "5081.40")!), cadence: 10),
            orders: cached(mainOrders, age: 20, cadence: 10), executions: cached([Execution]()),
            quotes: cached(mainQuotes), history: mainHistory,
            totals: AccountTotals(currency: .usd))
        mainAccount.totals = AccountTotals(account: mainAccount.account, summary: mainSummary, ledger: mainLedger, pnl: mainAccount.pnl.value, history: mainHistory)

        let familyPositions = [
            position(family, sap, quantity: 120, price: Decimal(string: "254.30")!, averagePrice: Decimal(string: "198.00")!),
            position(family, asml, quantity: 15, price: Decimal(string: "668.90")!, averagePrice: Decimal(string: "702.40")!),
        ]
        let familyLedger = Ledger(
            baseCurrency: .eur,
            entries: [.eur: LedgerEntry(currency: .eur, cashBalance: 9_120, exchangeRate: 1), .usd: LedgerEntry(currency: .usd, cashBalance: 0, exchangeRate: Decimal(string: "0.9174")!)],
            base: LedgerEntry(currency: "BASE", cashBalance: 9_120, netLiquidation: Decimal(string: "49669.50")!, unrealizedPnl: Decimal(string: "6253.50")!, realizedPnl: 0))
        let familySummary = AccountSummary(
            currency: .eur, netLiquidation: Decimal(string: "49669.50")!, totalCash: 9_120, excessLiquidity: 31_400,
            cushion: Decimal(string: "0.632")!)
        var familyAccount = AccountState(
            account: Account(id: family, displayName: "Family", baseCurrency: .eur, type: "JOINT", isPaper: false),
            summary: cached(familySummary), ledger: cached(familyLedger), positions: cached(familyPositions),
            pnl: cached(AccountPnL(daily: Decimal(string: "-212.60")!, unrealized: Decimal(string: "6253.50")!)),
            orders: cached([Order]()), executions: cached([Execution]()), quotes: cached([Int: MarketQuote]()),
            history: AccountHistory(
                account: family, baseCurrency: .eur,
                nav: (0..<29).map { NAVPoint(date: day($0 - 29), total: 48_000 + Decimal($0 * 60)) },
                realizedYearToDate: 0),
            totals: AccountTotals(currency: .eur))
        familyAccount.totals = AccountTotals(account: familyAccount.account, summary: familySummary, ledger: familyLedger, pnl: familyAccount.pnl.value, history: familyAccount.history)

        let paperPositions = [position(paper, tsla, quantity: -20, price: Decimal(string: "249.98")!, averagePrice: Decimal(string: "262.00")!)]
        let paperSummary = AccountSummary(currency: .usd, netLiquidation: 1_002_345, totalCash: 1_007_344, excessLiquidity: 990_000, cushion: Decimal(string: "0.9877")!)
        var paperAccount = AccountState(
            account: Account(id: paper, displayName: "Paper", baseCurrency: .usd, type: "DEMO", isPaper: true),
            summary: cached(paperSummary, age: 200), ledger: cached(Ledger?.none, cadence: 30), positions: cached(paperPositions, age: 50),
            pnl: Cached(fetchedAt: nil, lastError: SourceError(.brokerageUnavailable, endpoint: "/iserver/account/pnl/partitioned", message: "no brokerage session"), lastErrorAt: ago(30), cadence: .seconds(10)),
            orders: cached([Order](), age: 2, cadence: 10), executions: cached([Execution]()), quotes: cached([Int: MarketQuote]?.none),
            totals: AccountTotals(currency: .usd))
        paperAccount.totals = AccountTotals(account: paperAccount.account, summary: paperSummary, ledger: nil, pnl: nil, history: nil)

        let accounts = [mainAccount, familyAccount, paperAccount]
        let converter = CurrencyConverter(ledgers: accounts.compactMap(\.ledger.value))
        let alerts = extraAlerts + [
            Alert(id: 3, time: ago(90), severity: .error, category: .data, account: paper,
                  text: "P&L of DU555555 cannot be fetched: no brokerage session"),
            Alert(id: 2, time: ago(1500), severity: .warning, category: .risk, account: main,
                  text: "Cushion of U1234567 fell below 55 %: 53.2 %"),
            Alert(id: 1, time: ago(3600), severity: .info, category: .session, account: nil,
                  text: "Session authenticated at localhost:5000"),
        ]
        let history = HistorySnapshot(
            accounts: [main: mainHistory, family: familyAccount.history!], generatedAt: day(-1).addingTimeInterval(3 * 3600))
        return DashboardState(
            now: now,
            connection: ConnectionInfo(gateway: "localhost:5000", isDemo: false, tlsInsecure: false, session: .authenticated, sessionSince: ago(3600), lastTickle: ago(20)),
            accounts: accounts,
            consolidated: ConsolidatedTotals(accounts: accounts, currency: .usd, converter: converter),
            consolidatedNAV: ConsolidatedNAV(accounts: accounts, currency: .usd, converter: converter),
            alerts: alerts,
            cadences: EffectiveCadences(tickle: .seconds(60), datasets: [.positions: .seconds(15), .summary: .seconds(15), .orders: .seconds(10)], stretched: false),
            history: Cached(value: history, fetchedAt: day(-1).addingTimeInterval(4 * 3600), cadence: .seconds(6 * 3600)))
    }
}
