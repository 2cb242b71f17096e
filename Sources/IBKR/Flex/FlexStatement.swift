/// One `FlexStatement`: one account's part of a Flex query response, with its own base currency.
///
/// Rows that IBKR writes at several levels of detail are kept in separate lists (executions apart from
/// orders, closed lots and summaries; position summaries apart from lots; detail cash transactions apart
/// from summaries), so that summing one list never double counts.
public struct FlexStatement: Sendable, Hashable, Encodable {
    public var accountId: String?
    public var fromDate: FlexDate?
    public var toDate: FlexDate?
    /// `LastBusinessDay`, `MonthToDate`, …, or nil for a custom range.
    public var period: String?
    public var whenGenerated: FlexDateTime?

    public var accountInformation: FlexAccountInformation?
    public var changeInNAV: FlexChangeInNAV?
    public var cashReport: [FlexCashReportCurrency] = []
    /// Daily NAV rows, as written (a repeated date is kept; see `FlexHistoryMapping`).
    public var equitySummary: [FlexEquitySummary] = []
    public var mtmPerformanceSummary: [FlexMTMPerformanceSummary] = []
    public var fifoPerformanceSummary: [FlexFIFOPerformanceSummary] = []
    /// OpenPosition rows at `SUMMARY` level (or without a level).
    public var openPositions: [FlexOpenPosition] = []
    /// OpenPosition rows at `LOT` level.
    public var openLots: [FlexOpenPosition] = []
    /// Trades rows at `EXECUTION` level: the fills.
    public var trades: [FlexTrade] = []
    /// Trades rows at `CLOSED_LOT` level: the lots each closing fill closed.
    public var closedLots: [FlexTrade] = []
    /// Trades rows at `ORDER` level: fills of one order added up.
    public var orders: [FlexTrade] = []
    public var symbolSummaries: [FlexTrade] = []
    public var assetSummaries: [FlexTrade] = []
    /// Trades rows at any other level (wash sales, levels IBKR adds later).
    public var otherTradeRows: [FlexTrade] = []
    /// CashTransaction rows at `DETAIL` level (or without a level).
    public var cashTransactions: [FlexCashTransaction] = []
    /// CashTransaction rows at `SUMMARY` level: aggregates that repeat detail rows.
    public var cashTransactionSummaries: [FlexCashTransaction] = []
    public var corporateActions: [FlexCorporateAction] = []
    public var conversionRates: [FlexConversionRate] = []

    /// Every section met, in document order.
    public var sections: [FlexSectionInfo] = []
    /// Elements the parser does not know, by name, with how often they occurred.
    public var unknownElements: [String: Int] = [:]
    /// Attributes the parser does not know, as `Element.attribute`, with how often they occurred.
    public var unknownAttributes: [String: Int] = [:]
    /// Values that could not be read (at most `FlexStatementParser.issueLimit` are kept; see `issueCount`).
    public var issues: [FlexValueIssue] = []
    public var issueCount = 0
    /// How slash dates (`01/10/2026`) were read, when the statement has any.
    public var slashDates: FlexSlashDateReading?

    public init() {}

    /// The base currency: from AccountInformation, else from the NAV rows.
    public var baseCurrency: String? {
        accountInformation?.currency ?? changeInNAV?.currency ?? equitySummary.first(where: { $0.currency != nil })?.currency
    }
}

/// The day/month order used for a statement's slash dates, and how it was decided.
public struct FlexSlashDateReading: Sendable, Hashable, Encodable {
    public enum Basis: String, Sendable, Hashable, Encodable {
        /// Given in the parser options.
        case forced
        /// A value in the statement had a first or second field above 12.
        case detected
        /// No value told; month first (IBKR's US layout) was assumed.
        case assumed
    }

    public var order: FlexDayMonthOrder
    public var basis: Basis

    public init(order: FlexDayMonthOrder, basis: Basis) {
        self.order = order
        self.basis = basis
    }
}
