import Foundation
import Testing

@testable import IBKR

@Suite struct FlexStatementFixtureTests {
    @Test func singleAccountStatementParsesToItsRows() throws {
        let response = try FlexFixtures.parse("statement-single-account.xml")
        #expect(response.queryName == "Portfolio Dashboard")
        #expect(response.type == "AF")
        #expect(response.declaredStatementCount == 1)
        let statement = try #require(response.statements.first)
        #expect(response.statements.count == 1)
        #expect(statement.accountId == "U1234567")
        #expect(statement.fromDate == flexDate(2026, 9, 1))
        #expect(statement.toDate == flexDate(2026, 10, 30))
        #expect(statement.period == nil)
        #expect(statement.whenGenerated?.date == flexDate(2026, 10, 31))
        #expect(statement.whenGenerated?.secondsOfDay == 3 * 3600 + 15 * 60 + 42)
        #expect(statement.baseCurrency == "USD")

        #expect(statement.equitySummary.count == 43)
        #expect(statement.equitySummary.first?.reportDate == flexDate(2026, 9, 1))
        #expect(statement.equitySummary.first?.total == FlexDecimal("238428.78"))
        #expect(statement.equitySummary.last?.reportDate == flexDate(2026, 10, 30))
        #expect(statement.equitySummary.last?.total == FlexDecimal("239392.68"))
        // 43 business days from 1 September: Labor Day (7 September) has no row.
        #expect(!statement.equitySummary.contains { $0.reportDate == flexDate(2026, 9, 7) })

        #expect(statement.trades.count == 31)
        #expect(statement.closedLots.count == 14)
        #expect(statement.orders.isEmpty && statement.symbolSummaries.isEmpty && statement.otherTradeRows.isEmpty)
        #expect(statement.openPositions.count == 10)
        #expect(statement.openLots.count == 28)
        #expect(statement.conversionRates.count == 215)
        #expect(statement.cashTransactions.count == 17)
        #expect(statement.cashTransactionSummaries.isEmpty)
        #expect(statement.cashReport.map(\.currency) == ["BASE_SUMMARY", "USD", "EUR"])
        #expect(statement.mtmPerformanceSummary.count == 11)
        #expect(statement.fifoPerformanceSummary.count == 10)
        #expect(statement.corporateActions.count == 1)

        #expect(statement.unknownElements.isEmpty)
        #expect(statement.unknownAttributes.isEmpty)
        #expect(statement.issues.isEmpty && statement.issueCount == 0)
        #expect(statement.slashDates == nil)
    }

    @Test func singleAccountValuesAreTheOnesWritten() throws {
        let statement = try #require(try FlexFixtures.parse("statement-single-account.xml").statements.first)
        let forex = try #require(statement.trades.first)
        #expect(forex.transactionID == "38000000087")
        #expect(forex.contract.symbol == "EUR.USD")
        #expect(forex.contract.assetClass == .forex)
        #expect(forex.quantity == FlexDecimal("2000"))
        #expect(forex.tradePrice == FlexDecimal("1.16105"))
        #expect(forex.netCash == FlexDecimal("0"))
        #expect(forex.exchange == "IDEALFX")
        #expect(forex.dateTime?.description == "2026-09-03 04:50:56")
        #expect(forex.isAPIOrder == false)

        let closing = try #require(statement.trades.first { $0.transactionID == "38000000095" })
        #expect(closing.contract.symbol == "ASML")
        #expect(closing.contract.currency == "EUR")
        #expect(closing.contract.fxRateToBase == FlexDecimal("1.15498"))
        #expect(closing.cost == FlexDecimal("-1441.320304"))
        #expect(closing.fifoPnlRealized == FlexDecimal("47.029696"))
        #expect(closing.side == .sell)
        #expect(statement.closedLots.first?.openDateTime?.description == "2025-05-28 15:02:06")
        #expect(statement.closedLots.first?.levelOfDetail == "CLOSED_LOT")

        let apple = try #require(statement.openPositions.first)
        #expect(apple.contract.conid == 265598)
        #expect(apple.contract.description == "APPLE INC")
        #expect(apple.position == FlexDecimal("175"))
        #expect(apple.costBasisMoney == FlexDecimal("33714.383333"))
        #expect(apple.percentOfNAV == FlexDecimal("15.59"))
        #expect(statement.openLots.first?.openDateTime?.date == flexDate(2025, 6, 17))
        #expect(statement.openLots.first?.percentOfNAV == nil)

        let voo = try #require(statement.mtmPerformanceSummary.first { $0.contract.symbol == "VOO" })
        #expect(voo.contract.description == "VANGUARD S&P 500 ETF")
        let call = try #require(statement.openPositions.first { $0.contract.assetClass == .option && $0.contract.right == .call })
        #expect(call.contract.strike == FlexDecimal("250"))
        #expect(call.contract.expiry == flexDate(2026, 12, 18))
        #expect(call.contract.multiplier == FlexDecimal("100"))

        let split = try #require(statement.corporateActions.first)
        #expect(split.type == "FS")
        #expect(split.quantity == FlexDecimal("173"))
        #expect(split.costBasis == nil)

        let dividends = statement.cashTransactions.filter { $0.kind == .dividend }
        #expect(dividends.reduce(Decimal.zero) { $0 + $1.amount.orZero } == decimal("398.19"))
        #expect(statement.cashTransactions.first { $0.kind == .depositWithdrawal }?.amount == FlexDecimal("2500"))
        #expect(statement.accountInformation?.street == "Musterstraße 1")
        #expect(statement.accountInformation?.dateOpened == flexDate(2021, 3, 15))
        #expect(statement.accountInformation?.dateClosed == nil)
        #expect(statement.changeInNAV?.twr == FlexDecimal("-0.42554947"))
        #expect(statement.cashReport.first { $0.currency == "EUR" }?.endingCash == FlexDecimal("7450.0733"))
        #expect(statement.conversionRates.first { $0.fromCurrency == "JPY" }?.toCurrency == "USD")
    }

    @Test func sectionsAreListedInDocumentOrderWithTheirRows() throws {
        let statement = try #require(try FlexFixtures.parse("statement-single-account.xml").statements.first)
        let sections = statement.sections.map { "\($0.name) \($0.rows) \($0.status.rawValue)" }
        #expect(sections == [
            "AccountInformation 1 parsed", "ChangeInNAV 1 parsed", "CashReport 3 parsed",
            "MTMPerformanceSummaryInBase 11 parsed", "EquitySummaryInBase 43 parsed",
            "FIFOPerformanceSummaryInBase 10 parsed", "OpenPositions 38 parsed", "FxPositions 1 skipped",
            "Trades 45 parsed", "CorporateActions 1 parsed", "CashTransactions 17 parsed",
            "ChangeInDividendAccruals 13 skipped", "OpenDividendAccruals 1 skipped", "SecuritiesInfo 10 skipped",
            "ConversionRates 215 parsed",
        ])
    }

    @Test func multiAccountStatementsEachKeepTheirOwnAccountAndBase() throws {
        let response = try FlexFixtures.parse("statement-multi-account.xml")
        #expect(response.queryName == "Household Dashboard")
        #expect(response.statements.map(\.accountId) == ["U1234567", "U5553173"])
        #expect(response.statements.map(\.baseCurrency) == ["USD", "EUR"])
        #expect(response.statements.map(\.trades.count) == [25, 25])
        #expect(response.statements.map(\.equitySummary.count) == [43, 43])
        #expect(response.statements.map(\.openPositions.count) == [8, 8])
        #expect(response.statements.map(\.cashTransactions.count) == [15, 19])
        #expect(response.statements.map(\.conversionRates.count) == [215, 215])
        #expect(response.statements.allSatisfy { $0.fromDate == flexDate(2026, 9, 1) && $0.toDate == flexDate(2026, 10, 30) })
        #expect(response.statements[0].whenGenerated?.description == "2026-10-31 03:15:42")
        #expect(response.statements[1].trades.first?.quantity == FlexDecimal("-10000"))
        #expect(response.statements[1].equitySummary.last?.total == FlexDecimal("199710.3"))
        // Rows are routed by their enclosing statement, never by assuming one.
        #expect(response.statements[1].trades.allSatisfy { $0.contract.accountId == "U5553173" })
        #expect(response.statements.allSatisfy { $0.unknownAttributes.isEmpty && $0.issueCount == 0 })
    }

    @Test(arguments: ["statement-single-account.xml", "statement-multi-account.xml"])
    func theIdentitiesOfVerifyStatementHold(fixture: String) throws {
        let response = try FlexFixtures.parse(fixture)
        #expect(response.declaredStatementCount == response.statements.count)
        for statement in response.statements {
            FlexIdentities.check(statement)
        }
    }
}

/// The checks of verify_statement.py, on parsed models (tolerance 0.011, as there).
enum FlexIdentities {
    static let tolerance = decimal("0.011")

    static func near(_ a: Decimal, _ b: Decimal) -> Bool { abs(a - b) <= tolerance }

    static func check(_ statement: FlexStatement, sourceLocation: SourceLocation = #_sourceLocation) {
        let account = statement.accountId ?? "?"
        for row in statement.openPositions + statement.openLots {
            let value = row.position.orZero * row.markPrice.orZero * (row.contract.multiplier?.decimal ?? 1)
            #expect(near(value, row.positionValue.orZero), "\(account) \(row.contract.symbol ?? "") positionValue", sourceLocation: sourceLocation)
            #expect(near(row.positionValue.orZero - row.costBasisMoney.orZero, row.fifoPnlUnrealized.orZero), sourceLocation: sourceLocation)
        }
        for trade in statement.trades {
            let category = trade.contract.assetCategory
            let multiplier = trade.contract.multiplier?.decimal ?? 1
            let money = trade.quantity.orZero * trade.tradePrice.orZero * multiplier
            #expect(near(money, trade.tradeMoney.orZero), "\(account) trade \(trade.tradeID ?? "") tradeMoney", sourceLocation: sourceLocation)
            #expect(trade.proceeds.orZero == -trade.tradeMoney.orZero, sourceLocation: sourceLocation)
            if category != "CASH", category != "FUT" {
                let net = trade.proceeds.orZero + trade.taxes.orZero + trade.ibCommission.orZero
                #expect(near(net, trade.netCash.orZero), "\(account) trade \(trade.tradeID ?? "") netCash", sourceLocation: sourceLocation)
            }
            if trade.openCloseIndicator == "C", category != "CASH" {
                let cash = category == "FUT" ? trade.proceeds.orZero + trade.ibCommission.orZero : trade.netCash.orZero
                #expect(near(cash + trade.cost.orZero, trade.fifoPnlRealized.orZero), "\(account) trade \(trade.tradeID ?? "") realized", sourceLocation: sourceLocation)
            }
            if category != "CASH", trade.closePrice != nil, trade.mtmPnl != nil {
                let mtm = (trade.closePrice.orZero - trade.tradePrice.orZero) * trade.quantity.orZero * multiplier
                #expect(near(mtm, trade.mtmPnl.orZero), sourceLocation: sourceLocation)
            }
        }
        for row in statement.equitySummary {
            let parts: [FlexDecimal?] = [
                row.cash, row.slbCashCollateral, row.stock, row.slbDirectSecuritiesBorrowed, row.slbDirectSecuritiesLent,
                row.options, row.commodities, row.bonds, row.notes, row.funds, row.interestAccruals, row.softDollars,
                row.forexCfdUnrealizedPl, row.dividendAccruals, row.crypto,
            ]
            #expect(near(parts.reduce(Decimal.zero) { $0 + $1.orZero }, row.total.orZero), "\(account) NAV \(row.reportDate?.description ?? "")", sourceLocation: sourceLocation)
            if row.totalLong != nil {
                #expect(near(row.totalLong.orZero + row.totalShort.orZero, row.total.orZero), sourceLocation: sourceLocation)
            }
        }
        for row in statement.cashReport {
            let flows: [FlexDecimal?] = [
                row.commissions, row.depositWithdrawals, row.dividends, row.withholdingTax, row.brokerInterest,
                row.otherFees, row.netTradesSales, row.netTradesPurchases, row.cashSettlingMtm, row.fxTranslationGainLoss,
            ]
            let ending = flows.reduce(row.startingCash.orZero) { $0 + $1.orZero }
            #expect(near(ending, row.endingCash.orZero), "\(account) cash \(row.currency ?? "")", sourceLocation: sourceLocation)
        }
        if let nav = statement.changeInNAV {
            let changes: [FlexDecimal?] = [
                nav.mtm, nav.realized, nav.changeInUnrealized, nav.costAdjustments, nav.transferredPnlAdjustments,
                nav.depositsWithdrawals, nav.internalCashTransfers, nav.assetTransfers, nav.dividends, nav.withholdingTax,
                nav.changeInDividendAccruals, nav.interest, nav.changeInInterestAccruals, nav.advisorFees, nav.brokerFees,
                nav.clientFees, nav.otherFees, nav.commissions, nav.transactionTax, nav.salesTax, nav.netFxTrading,
                nav.fxTranslation, nav.linkingAdjustments, nav.other,
            ]
            #expect(near(changes.reduce(nav.startingValue.orZero) { $0 + $1.orZero }, nav.endingValue.orZero), "\(account) ChangeInNAV", sourceLocation: sourceLocation)
            if let last = statement.equitySummary.last?.total {
                #expect(near(nav.endingValue.orZero, last.decimal), "\(account) endingValue vs last NAV", sourceLocation: sourceLocation)
            }
        }
    }
}
