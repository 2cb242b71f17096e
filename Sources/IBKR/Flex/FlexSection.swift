/// The statement sections the parser reads into models, with the element names of their rows, and the
/// sections IBKR documents that it skips (reference §6.1; anything else is unknown).
enum FlexSection: Int, CaseIterable {
    case accountInformation, changeInNAV, cashReport, equitySummary, mtmPerformanceSummary
    case fifoPerformanceSummary, openPositions, trades, cashTransactions, corporateActions, conversionRates

    var elementName: String {
        switch self {
        case .accountInformation: "AccountInformation"
        case .changeInNAV: "ChangeInNAV"
        case .cashReport: "CashReport"
        case .equitySummary: "EquitySummaryInBase"
        case .mtmPerformanceSummary: "MTMPerformanceSummaryInBase"
        case .fifoPerformanceSummary: "FIFOPerformanceSummaryInBase"
        case .openPositions: "OpenPositions"
        case .trades: "Trades"
        case .cashTransactions: "CashTransactions"
        case .corporateActions: "CorporateActions"
        case .conversionRates: "ConversionRates"
        }
    }

    static let names = FlexNameTable(allCases.map(\.elementName))

    static let cashReportRows = FlexNameTable(["CashReportCurrency"])
    static let equitySummaryRows = FlexNameTable(["EquitySummaryByReportDateInBase"])
    static let mtmRows = FlexNameTable(["MTMPerformanceSummaryUnderlying"])
    static let fifoRows = FlexNameTable(["FIFOPerformanceSummaryUnderlying"])
    static let openPositionRows = FlexNameTable(["OpenPosition"])
    static let cashTransactionRows = FlexNameTable(["CashTransaction"])
    static let corporateActionRows = FlexNameTable(["CorporateAction"])
    static let conversionRateRows = FlexNameTable(["ConversionRate"])
    /// Indexes 0…4 also say which list a row without `levelOfDetail` belongs to (see `file`).
    static let tradeRows = FlexNameTable(["Trade", "Lot", "Order", "SymbolSummary", "AssetSummary", "WashSale"])

    private static let levels = ["EXECUTION", "CLOSED_LOT", "ORDER", "SYMBOL_SUMMARY", "ASSET_SUMMARY"]

    /// Puts a Trades row in the list of its level of detail (by its element name when it has no level).
    static func file(_ row: consuming FlexTrade, elementIndex: Int, in statement: inout FlexStatement) {
        let level = row.levelOfDetail.map { levels.firstIndex(of: $0) ?? levels.count } ?? elementIndex
        switch level {
        case 0: statement.trades.append(row)
        case 1: statement.closedLots.append(row)
        case 2: statement.orders.append(row)
        case 3: statement.symbolSummaries.append(row)
        case 4: statement.assetSummaries.append(row)
        default: statement.otherTradeRows.append(row)
        }
    }

    /// Sections of ibflex 1.1's `FlexStatement` that ibdash does not model: skipped without counting as unknown.
    static let skippedNames = FlexNameTable([
        "MTDYTDPerformanceSummary", "FdicInsuredDepositsByBank", "StmtFunds", "ChangeInPositionValues",
        "NetStockPositionSummary", "ComplexPositions", "FxPositions", "HKIPOSubscriptionActivity", "TradeConfirms",
        "TransactionTaxes", "OptionEAE", "PendingExcercises", "TradeTransfers", "FxTransactions", "UnbookedTrades",
        "RoutingCommissions", "IBGNoteTransactions", "UnsettledTransfers", "UnbundledCommissionDetails",
        "Adjustments", "PriorPeriodPositions", "ClientFees", "ClientFeesDetail", "DebitCardActivities",
        "SoftDollars", "SalesTaxes", "CFDCharges", "InterestAccruals", "TierInterestDetails",
        "HardToBorrowDetails", "HardToBorrowMarkupDetails", "SLBOpenContracts", "SLBActivities", "SLBFees",
        "Transfers", "ChangeInDividendAccruals", "OpenDividendAccruals", "SecuritiesInfo", "HKIPOOpenSubscriptions",
        "CommissionCredits", "StockGrantActivities", "SLBCollaterals", "IncentiveCouponAccrualDetails",
        "DepositsOnHold",
    ])
}

/// Section containers carry no attributes: any they have is counted as unknown.
struct FlexNoAttributes: FlexRow {
    static let schema = FlexRowSchema<FlexNoAttributes> { _ in }
}
