import Foundation
import Portfolio
import Testing

@testable import IBKR

/// Every example of the reference decodes, and so do the loose variants IBKR is known to send.
@Suite struct ClientPortalWireTests {
    @Test func authStatus() throws {
        let status = try AuthStatus.decode(Fixture.json("auth-status"))
        #expect(status == AuthStatus(authenticated: true, competing: false, connected: true, established: true))
        let loose = try AuthStatus.decode(Fixture.json(text: #"{"authenticated": false, "competing": false, "connected": false, "MAC": "A4"}"#))
        #expect(loose.authenticated == false && loose.established == nil && loose.message == nil)
    }

    @Test func tickle() throws {
        let tickle = try TickleAnswer.decode(Fixture.json("tickle"))
        #expect(tickle.session == "5b0c1f9e2a7d4c3b8e6f0a1d2c3b4a59")
        #expect(tickle.ssoExpiresMilliseconds == 512340)
        #expect(tickle.collision == false)
        #expect(tickle.userID == 98765432)
        #expect(tickle.authStatus?.authenticated == true)
        let bare = try TickleAnswer.decode(Fixture.json(text: #"{"session": "ab", "ssoExpires": "1000", "collision": true, "iserver": {}}"#))
        #expect(bare.authStatus == nil && bare.collision == true && bare.ssoExpiresMilliseconds == 1000)
    }

    @Test func ssoValidate() throws {
        let sso = try SSOValidation.decode(Fixture.json("sso-validate"))
        #expect(sso.valid == true && sso.loginType == 1 && sso.isPaper == false && sso.expiresMilliseconds == 487211)
        #expect(sso.authenticatedAt == Date(timeIntervalSince1970: 1_755_590_400.123))
        let spec = try SSOValidation.decode(Fixture.json(text: #"{"RESULT": true, "loginType": 2}"#))
        #expect(spec.isPaper == true)
    }

    @Test func portfolioAccounts() throws {
        let accounts = try PortfolioAccount.decodeList(Fixture.json("portfolio-accounts"))
        #expect(accounts.count == 1)
        let account = try #require(accounts.first)
        #expect(account.id == "U7654321" && account.currency == .usd && account.type == "INDIVIDUAL")
        #expect(account.alias == nil && account.title == "Jane Doe" && account.isAdvisorClient == false)
        #expect(Account(account) == Account(id: "U7654321", displayName: "Jane Doe", baseCurrency: .usd, type: "INDIVIDUAL", isPaper: false))

        let paper = try PortfolioAccount.decodeList(Fixture.json(text: #"[{"id": "DU111", "currency": "EUR", "type": "DEMO", "accountAlias": "Play", "faClient": true, "unknown": [1]}]"#))
        #expect(Account(try #require(paper.first)) == Account(id: "DU111", displayName: "Play", baseCurrency: .eur, type: "DEMO", isPaper: true))
        let demoType = try PortfolioAccount.decodeList(Fixture.json(text: #"[{"accountId": "U9", "currency": "USD", "type": "DEMO"}]"#))
        #expect(Account(try #require(demoType.first)).isPaper)
    }

    @Test func portfolioAccountWithoutCurrencyIsAnError() throws {
        #expect(throws: WireError(location: "account 0", field: "currency", problem: "missing")) {
            try PortfolioAccount.decodeList(Fixture.json(text: #"[{"id": "U1"}]"#))
        }
    }

    @Test func brokerageAccounts() throws {
        let accounts = try BrokerageAccounts.decode(Fixture.json("iserver-accounts"))
        #expect(accounts.accounts == ["U7654321"] && accounts.selectedAccount == "U7654321" && accounts.isPaper == false)
        #expect(accounts.aliases["U7654321"] == "U7654321" && accounts.isUsable)
        let competing = try BrokerageAccounts.decode(Fixture.json(text: "{}"))
        #expect(!competing.isUsable && competing.selectedAccount == nil)
    }

    @Test func summaryExample() throws {
        let summary = try AccountSummary(SummaryMetrics.decode(Fixture.json("summary")), baseCurrency: nil)
        #expect(summary.currency == .usd)
        #expect(summary.netLiquidation == Decimal(string: "81803.62"))
        #expect(summary.totalCash == 28240)
        #expect(summary.grossPositionValue == Decimal(string: "53563.62"))
        #expect(summary.excessLiquidity == Decimal(string: "70553.26"))
        #expect(summary.buyingPower == Decimal(string: "273650.84"))
        #expect(summary.initialMargin == Decimal(string: "13390.91"))
        #expect(summary.maintenanceMargin == Decimal(string: "11250.36"))
        #expect(summary.cushion == Decimal(string: "0.86247"))
        #expect(summary.leverage == Decimal(string: "0.65"))
        #expect(summary.dayTradesRemaining == .unlimited)
        #expect(summary.lookAhead.nextChange == Date(timeIntervalSince1970: 1_755_615_600))
        #expect(summary.asOf == Date(timeIntervalSince1970: 1_755_594_012))
        #expect(summary.sma == nil && summary.previousDayEquityWithLoan == nil)
    }

    @Test func summaryNullsAndLooseValues() throws {
        let text = #"""
            {"netliquidation": {"amount": "1000.5", "currency": "EUR", "isNull": false, "timestamp": 1755594012000, "value": null},
             "excessliquidity": {"amount": 0.0, "currency": "EUR", "isNull": true},
             "availablefunds": {"amount": 0.0, "currency": "EUR", "isNone": true},
             "cushion": {"amount": 0.0, "currency": null, "isNull": false, "value": "null"},
             "leverage": {"amount": 0.0, "value": "1.5"},
             "daytradesremaining": {"amount": 0.0, "value": "3"},
             "somethingnew": {"amount": 1, "value": "x"}, "flag": true}
            """#
        let summary = try AccountSummary(SummaryMetrics.decode(Fixture.json(text: text)), baseCurrency: .usd)
        #expect(summary.currency == .eur && summary.netLiquidation == Decimal(string: "1000.5"))
        #expect(summary.excessLiquidity == nil && summary.availableFunds == nil && summary.cushion == nil)
        #expect(summary.leverage == Decimal(string: "1.5") && summary.dayTradesRemaining == .remaining(3))
    }

    @Test func summaryRatioThatIsNotANumberNamesTheKey() throws {
        let text = #"{"netliquidation": {"amount": 1, "currency": "USD"}, "cushion": {"amount": 0, "value": "abc"}}"#
        #expect(throws: WireError(location: #"key "cushion""#, field: "value", problem: #"expected a number, found "abc""#)) {
            try AccountSummary(SummaryMetrics.decode(Fixture.json(text: text)), baseCurrency: nil)
        }
    }

    @Test func summaryWithoutAnyCurrencyIsAnError() throws {
        #expect(throws: WireError.self) {
            try AccountSummary(SummaryMetrics.decode(Fixture.json(text: #"{"netliquidation": {"amount": 1}}"#)), baseCurrency: nil)
        }
        let fromAccount = try AccountSummary(SummaryMetrics.decode(Fixture.json(text: #"{"netliquidation": {"amount": 1}}"#)), baseCurrency: .eur)
        #expect(fromAccount.currency == .eur)
    }

    @Test func ledgerExample() throws {
        let ledger = Ledger(try LedgerRow.decodeAll(Fixture.json("ledger")), baseCurrency: .usd)
        #expect(ledger.entries.keys.sorted() == [.eur, .usd])
        let eur = try #require(ledger.entries[.eur])
        #expect(eur.cashBalance == 3000 && eur.exchangeRate == Decimal(string: "1.08") && eur.netLiquidation == 8289)
        let base = try #require(ledger.base)
        #expect(base.currency == .usd && base.netLiquidation == Decimal(string: "81803.62"))
        #expect(base.unrealizedPnl == Decimal(string: "3788.22") && base.optionMarketValue == 2840)
        // Ledger timestamps are seconds, unlike the summary's milliseconds.
        #expect(ledger.asOf == Date(timeIntervalSince1970: 1_755_594_012))
        #expect(ledger.fxRates.toBase(100, from: .eur) == 108)
    }

    @Test func ledgerIgnoresKeysThatAreNotCurrencies() throws {
        let rows = try LedgerRow.decodeAll(Fixture.json(text: #"{"USD": {"cashbalance": "5"}, "endofbundle": 1, "BASE": {"cashbalance": 5}}"#))
        #expect(rows.map(\.key) == ["BASE", "USD"])
    }

    @Test func positionsExample() throws {
        var book = ContractBook()
        let rows = try PositionRow.decodePage(Fixture.json("positions"))
        let positions = try rows.map { (row) throws(WireError) in try book.position(row, account: "U7654321") }
        #expect(positions.count == 3)
        let aapl = positions[0]
        #expect(aapl.contract.symbol == "AAPL" && aapl.contract.assetClass == .stock && aapl.contract.multiplier == 1)
        #expect(aapl.contract.strike == nil && aapl.contract.right == nil && aapl.contract.name == "APPLE INC")
        #expect(aapl.quantity == 150 && aapl.marketPrice == Decimal(string: "189.25") && aapl.marketValue == Decimal(string: "28387.5"))
        #expect(aapl.averageCost == Decimal(string: "172.4") && aapl.unrealizedPnl == Decimal(string: "2527.5"))
        let option = positions[1]
        #expect(option.contract.assetClass == .option && option.contract.multiplier == 100)
        #expect(option.contract.strike == 600 && option.contract.right == .call && option.contract.expiry == "20251219")
        #expect(option.contract.underlyingSymbol == "SPY" && option.averageCost == 1185 && option.averagePrice == Decimal(string: "11.85"))
        let sap = positions[2]
        #expect(sap.contract.currency == .eur && sap.contract.multiplier == 1 && sap.contract.strike == nil)
        #expect(positions.allSatisfy { !$0.contractFromCache })
    }

    @Test func positionStrikeAndMultiplierVariants() throws {
        let text = #"""
            [{"conid": 1, "position": "2", "currency": "USD", "ticker": "X", "assetClass": "OPT", "strike": "600", "multiplier": "100", "putOrCall": "P"},
             {"conid": 2, "position": -3.5, "currency": "USD", "ticker": "Y", "assetClass": "STK", "strike": 0.0, "multiplier": 0.0},
             {"conid": "3", "position": 1, "currency": "USD", "ticker": "Z", "assetClass": "STK", "strike": "0", "multiplier": null}]
            """#
        var book = ContractBook()
        let positions = try PositionRow.decodePage(Fixture.json(text: text)).map { (row) throws(WireError) in
            try book.position(row, account: "U1")
        }
        #expect(positions[0].contract.strike == 600 && positions[0].contract.multiplier == 100 && positions[0].contract.right == .put)
        #expect(positions[0].quantity == 2)
        #expect(positions[1].contract.strike == nil && positions[1].contract.multiplier == 1 && positions[1].quantity == Decimal(string: "-3.5"))
        #expect(positions[2].contract.conid == 3 && positions[2].contract.multiplier == 1)
    }

    @Test func positionFieldErrorReadsAsTheBriefSays() throws {
        let text = #"[{"conid": 1, "position": 1}, {"conid": 2, "position": 1}, {"conid": 3, "position": 1}, {"conid": 4, "position": 1, "mktPrice": "abc"}]"#
        #expect(throws: WireError(location: "position 3", field: "mktPrice", problem: #"expected a number, found "abc""#)) {
            try PositionRow.decodePage(Fixture.json(text: text))
        }
    }

    @Test func partialRowIsMergedWithTheLastKnownContract() throws {
        var book = ContractBook()
        let full = try PositionRow.decodePage(Fixture.json("positions"))[1]
        _ = try book.position(full, account: "U1")
        // The "no secdef" variant: no ticker, exchange or sector; multiplier and expiry null.
        let partial = try PositionRow.decodePage(Fixture.json(text: #"""
            [{"acctId": "U1", "conid": 723456789, "contractDesc": "SPY    DEC2025 600 C [SPY   251219C00600000 100]",
              "position": 3.0, "mktPrice": 15.0, "mktValue": 4500.0, "currency": "USD", "avgCost": 1185.0, "avgPrice": 11.85,
              "realizedPnl": 0.0, "unrealizedPnl": 945.0, "multiplier": null, "expiry": null, "assetClass": "OPT"}]
            """#))[0]
        #expect(!partial.hasContractDefinition)
        let position = try book.position(partial, account: "U1")
        #expect(position.contractFromCache)
        #expect(position.contract.symbol == "SPY" && position.contract.multiplier == 100 && position.contract.expiry == "20251219")
        #expect(position.contract.strike == 600 && position.contract.listingExchange == "AMEX")
        #expect(position.quantity == 3 && position.marketValue == 4500 && position.unrealizedPnl == 945)
    }

    @Test func partialRowWithNothingKnownKeepsWhatItHas() throws {
        var book = ContractBook()
        let row = try PositionRow.decodePage(Fixture.json(text: #"[{"conid": 9, "contractDesc": "ABC", "position": 1, "currency": "USD"}]"#))[0]
        let position = try book.position(row, account: "U1")
        #expect(!position.contractFromCache && position.contract.symbol == "ABC")
    }

    @Test func pnlExampleAndPreflight() throws {
        let pnl = try PartitionedPnL.decode(Fixture.json("pnl-partitioned"))
        let row = try #require(pnl.row(for: "U7654321"))
        #expect(AccountPnL(row) == AccountPnL(daily: Decimal(string: "412.35"), unrealized: Decimal(string: "3788.22"), netLiquidation: Decimal(string: "81803.62"), excessLiquidity: Decimal(string: "70553.26"), marketValue: Decimal(string: "53563.62")))
        #expect(try PartitionedPnL.decode(Fixture.json(text: #"{"upnl": {}}"#)).isPreflight)
        let old = try PartitionedPnL.decode(Fixture.json(text: #"{"U1": {"dpl": "1.5", "nl": 2}}"#))
        #expect(old.row(for: "U1")?.daily == Decimal(string: "1.5"))
    }

    @Test func ordersExample() throws {
        let answer = try OrdersAnswer.decode(Fixture.json("orders"))
        #expect(answer.snapshot == true && answer.orders.count == 2)
        let limit = try Order(answer.orders[0], account: "U7654321")
        #expect(limit.id == 1_432_009_871 && limit.symbol == "MSFT" && limit.side == .buy && limit.orderType == "Limit")
        #expect(limit.limitPrice == 405 && limit.quantity == 10 && limit.filled == 0 && limit.remaining == 10)
        #expect(limit.status == .submitted && limit.timeInForce == "GTC" && limit.lastUpdate == Date(timeIntervalSince1970: 1_755_613_805))
        let market = try Order(answer.orders[1], account: "U7654321")
        #expect(market.side == .sell && market.status == .filled && market.averagePrice == Decimal(string: "190.02") && market.limitPrice == nil)
    }

    @Test func orderQuantitiesAsStringsAndMissingSize() throws {
        let answer = try OrdersAnswer.decode(Fixture.json(text: #"{"orders": [{"orderId": "7", "conid": "5", "totalSize": "10", "filledQuantity": "4", "price": 1.5, "status": "PreSubmitted"}, {"orderId": 8, "conid": 5}]}"#))
        let order = try Order(answer.orders[0], account: "U1")
        #expect(order.quantity == 10 && order.filled == 4 && order.remaining == 6 && order.status == .preSubmitted && order.limitPrice == Decimal(string: "1.5"))
        #expect(throws: WireError(location: "order 1", field: "totalSize", problem: "missing")) {
            try Order(answer.orders[1], account: "U1")
        }
        #expect(try OrdersAnswer.decode(Fixture.json(text: #"{"orders": [], "snapshot": false}"#)).orders.isEmpty)
    }

    @Test func tradesExample() throws {
        let rows = try TradeRow.decodeList(Fixture.json("trades"))
        let execution = Execution(try #require(rows.first), account: "U7654321")
        #expect(execution.id == "0000e0d5.68a41c2b.01.01" && execution.side == .sell && execution.quantity == 50)
        #expect(execution.price == Decimal(string: "190.02") && execution.commission == 1 && execution.netAmount == 9501)
        #expect(execution.time == Date(timeIntervalSince1970: 1_755_611_712) && execution.orderID == 1_432_009_002)
    }

    @Test func tradeTimeFromTheUTCStringWhenTheEpochIsMissing() throws {
        let rows = try TradeRow.decodeList(Fixture.json(text: #"[{"execution_id": "e1", "conid": 1, "size": "5", "price": "2", "trade_time": "20250819-13:55:12", "side": "B"}]"#))
        #expect(rows[0].time == Date(timeIntervalSince1970: 1_755_611_712))
        #expect(throws: WireError.self) {
            try TradeRow.decodeList(Fixture.json(text: #"[{"execution_id": "e1", "conid": 1, "size": 5, "price": 2, "trade_time": "yesterday"}]"#))
        }
    }

    @Test func tradeTimeStringsAreReadStrictly() {
        #expect(TradeRow.parseTradeTime("20240229-23:59:59") == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(TradeRow.parseTradeTime("19700101-00:00:00") == Date(timeIntervalSince1970: 0))
        for bad in [
            "20250229-10:00:00", "20251301-10:00:00", "20250431-10:00:00", "20250819-24:00:00", "20250819-13:60:00",
            "20250819-13:55:60", "20250819 13:55:12", "2025081-13:55:12", "20250819-13:55:12Z", "2025o819-13:55:12",
            "20250819-+3:55:12", "", "２０２５0819-13:55:12",
        ] {
            #expect(TradeRow.parseTradeTime(bad) == nil, "\(bad)")
        }
    }

    @Test func snapshotExampleWithAPreflightRow() throws {
        let rows = try SnapshotRow.decodeList(Fixture.json("snapshot"))
        #expect(rows.count == 2)
        let quote = try #require(MarketQuote(rows[0]))
        #expect(quote == MarketQuote(conid: 265598, last: Decimal(string: "189.25"), priorClose: Decimal(string: "187.12"), change: Decimal(string: "2.13"), changePercent: Decimal(string: "1.14"), availability: "R", updated: Date(timeIntervalSince1970: 1_755_613_806.512)))
        #expect(MarketQuote(rows[1]) == nil)
    }

    @Test func snapshotPrefixesSeparatorsAndNumbers() throws {
        let rows = try SnapshotRow.decodeList(Fixture.json(text: #"""
            [{"conid": 1, "31": "C187.12", "83": 1.5, "82": "-0.87"},
             {"conid": 2, "31": "H1,187.50", "83": "-2.5%"},
             {"conid": 3, "31": 42.5}]
            """#))
        #expect(rows[0].last == Decimal(string: "187.12") && rows[0].lastIsPriorClose && rows[0].changePercent == Decimal(string: "1.5"))
        #expect(rows[1].last == Decimal(string: "1187.5") && rows[1].isHalted && rows[1].changePercent == Decimal(string: "-2.5"))
        #expect(rows[2].last == Decimal(string: "42.5") && !rows[2].lastIsPriorClose)
        #expect(throws: WireError(location: "conid 4", field: "31", problem: #"expected a price, found "C1x""#)) {
            try SnapshotRow.decodeList(Fixture.json(text: #"[{"conid": 4, "31": "C1x"}]"#))
        }
    }
}
