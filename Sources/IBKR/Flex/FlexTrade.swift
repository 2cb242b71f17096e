import Portfolio

/// A row of the Trades section: an execution (`Trade`, `EXECUTION`), a closed tax lot (`Lot`, `CLOSED_LOT`),
/// an order (`Order`, `ORDER`) or a summary (`SymbolSummary`, `AssetSummary`). The statement keeps each level
/// in its own list, because adding them up double counts.
public struct FlexTrade: Sendable, Hashable, Encodable, FlexContractRow {
    public var contract = FlexContract()
    public var tradeID: String?
    /// Unique per row and account: the key to deduplicate on.
    public var transactionID: String?
    public var ibOrderID: String?
    public var ibExecID: String?
    public var dateTime: FlexDateTime?
    public var tradeDate: FlexDate?
    public var reportDate: FlexDate?
    public var settleDateTarget: FlexDate?
    public var openDateTime: FlexDateTime?
    /// `ExchTrade`, `BookTrade`, `TradeCancel`, …
    public var transactionType: String?
    public var exchange: String?
    /// Signed: positive bought, negative sold.
    public var quantity: FlexDecimal?
    public var tradePrice: FlexDecimal?
    public var tradeMoney: FlexDecimal?
    public var proceeds: FlexDecimal?
    public var taxes: FlexDecimal?
    public var ibCommission: FlexDecimal?
    public var ibCommissionCurrency: String?
    public var netCash: FlexDecimal?
    public var netCashInBase: FlexDecimal?
    public var closePrice: FlexDecimal?
    /// `O`, `C`, `C;O`.
    public var openCloseIndicator: String?
    /// `;`-separated codes such as `P;IA`.
    public var notes: String?
    public var cost: FlexDecimal?
    /// FIFO realized P&L in `currency`; zero on opening trades.
    public var fifoPnlRealized: FlexDecimal?
    public var mtmPnl: FlexDecimal?
    public var fxPnl: FlexDecimal?
    public var capitalGainsPnl: FlexDecimal?
    /// `BUY`, `SELL`, `BUY (Ca.)`, `SELL (Ca.)`.
    public var buySell: String?
    public var orderType: String?
    public var levelOfDetail: String?
    public var isAPIOrder: Bool?

    public init() {}

    public var side: OrderSide? { buySell.map(OrderSide.init(code:)) }
    public var noteCodes: [String] { FlexCodes.split(notes) }

    static let schema = FlexRowSchema<FlexTrade>(contractRowWithSuffixes: []) { row in
        row.field("tradeID") { $0.tradeID = $2.string($1) }
        row.field("transactionID") { $0.transactionID = $2.string($1) }
        row.field("ibOrderID") { $0.ibOrderID = $2.string($1) }
        row.field("ibExecID") { $0.ibExecID = $2.string($1) }
        row.field("dateTime") { $0.dateTime = $2.dateTime($1) }
        row.field("tradeDate") { $0.tradeDate = $2.date($1) }
        row.field("reportDate") { $0.reportDate = $2.date($1) }
        row.field("settleDateTarget") { $0.settleDateTarget = $2.date($1) }
        row.field("openDateTime") { $0.openDateTime = $2.dateTime($1) }
        row.field("transactionType") { $0.transactionType = $2.interned($1) }
        row.field("exchange") { $0.exchange = $2.interned($1) }
        row.field("quantity") { $0.quantity = $2.decimal($1) }
        row.field("tradePrice") { $0.tradePrice = $2.decimal($1) }
        row.field("tradeMoney") { $0.tradeMoney = $2.decimal($1) }
        row.field("proceeds") { $0.proceeds = $2.decimal($1) }
        row.field("taxes") { $0.taxes = $2.decimal($1) }
        row.field("ibCommission") { $0.ibCommission = $2.decimal($1) }
        row.field("ibCommissionCurrency") { $0.ibCommissionCurrency = $2.interned($1) }
        row.field("netCash") { $0.netCash = $2.decimal($1) }
        row.field("netCashInBase") { $0.netCashInBase = $2.decimal($1) }
        row.field("closePrice") { $0.closePrice = $2.decimal($1) }
        row.field("openCloseIndicator") { $0.openCloseIndicator = $2.interned($1) }
        row.field("notes") { $0.notes = $2.interned($1) }
        row.field("cost") { $0.cost = $2.decimal($1) }
        row.field("fifoPnlRealized") { $0.fifoPnlRealized = $2.decimal($1) }
        row.field("mtmPnl") { $0.mtmPnl = $2.decimal($1) }
        row.field("fxPnl") { $0.fxPnl = $2.decimal($1) }
        row.field("capitalGainsPnl") { $0.capitalGainsPnl = $2.decimal($1) }
        row.field("buySell") { $0.buySell = $2.interned($1) }
        row.field("orderType") { $0.orderType = $2.interned($1) }
        row.field("levelOfDetail") { $0.levelOfDetail = $2.interned($1) }
        row.field("isAPIOrder") { $0.isAPIOrder = $2.flag($1) }
        row.ignore(
            "orderTime", "holdingPeriodDateTime", "whenRealized", "whenReopened", "origTransactionID", "relatedTradeID", "tradeTime", "origTradePrice", "origTradeDate", "origTradeID", "origOrderID",
            "clearingFirmID", "relatedTransactionID", "rtn", "brokerageOrderID", "orderReference",
            "volatilityOrderLink", "exchOrderId", "extExecID", "changeInPrice", "changeInQuantity", "traderID",
            "accruedInt", "initialInvestment", "positionActionID", "commission",
            "commissionCurrency", "brokerExecutionCommission", "brokerClearingCommission",
            "thirdPartyExecutionCommission", "thirdPartyClearingCommission", "thirdPartyRegulatoryCommission",
            "otherCommission", "allocatedTo", "price", "amount", "settleDate", "code", "date",
            "origTradeIDs", "tradeMoneyInBase")
    }
}
