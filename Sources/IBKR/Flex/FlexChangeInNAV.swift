/// The ChangeInNAV element of a statement: the period's NAV bridge in the base currency.
/// `endingValue = startingValue + Σ changes`, and equals the last EquitySummary `total`.
public struct FlexChangeInNAV: Sendable, Hashable, Encodable, FlexRow {
    public var accountId: String?
    public var acctAlias: String?
    public var model: String?
    /// The base currency.
    public var currency: String?
    public var fromDate: FlexDate?
    public var toDate: FlexDate?
    public var startingValue: FlexDecimal?
    public var mtm: FlexDecimal?
    public var realized: FlexDecimal?
    public var changeInUnrealized: FlexDecimal?
    public var costAdjustments: FlexDecimal?
    public var transferredPnlAdjustments: FlexDecimal?
    public var depositsWithdrawals: FlexDecimal?
    public var internalCashTransfers: FlexDecimal?
    public var assetTransfers: FlexDecimal?
    public var debitCardActivity: FlexDecimal?
    public var billPay: FlexDecimal?
    public var dividends: FlexDecimal?
    public var withholdingTax: FlexDecimal?
    public var withholding871m: FlexDecimal?
    public var withholdingTaxCollected: FlexDecimal?
    public var changeInDividendAccruals: FlexDecimal?
    public var interest: FlexDecimal?
    public var changeInInterestAccruals: FlexDecimal?
    public var advisorFees: FlexDecimal?
    public var brokerFees: FlexDecimal?
    public var changeInBrokerFeeAccruals: FlexDecimal?
    public var clientFees: FlexDecimal?
    public var otherFees: FlexDecimal?
    public var feesReceivables: FlexDecimal?
    public var commissions: FlexDecimal?
    public var commissionReceivables: FlexDecimal?
    public var forexCommissions: FlexDecimal?
    public var transactionTax: FlexDecimal?
    public var taxReceivables: FlexDecimal?
    public var salesTax: FlexDecimal?
    public var softDollars: FlexDecimal?
    public var netFxTrading: FlexDecimal?
    public var fxTranslation: FlexDecimal?
    public var linkingAdjustments: FlexDecimal?
    public var other: FlexDecimal?
    public var endingValue: FlexDecimal?
    /// Time-weighted return of the period, in percent (IBKR does not document the unit).
    public var twr: FlexDecimal?
    public var corporateActionProceeds: FlexDecimal?
    public var commissionCreditsRedemption: FlexDecimal?
    public var grantActivity: FlexDecimal?
    public var excessFundSweep: FlexDecimal?
    public var billableSalesTax: FlexDecimal?
    public var mtmAtPaxos: FlexDecimal?
    public var carbonCredits: FlexDecimal?
    public var donations: FlexDecimal?
    public var paxosTransfers: FlexDecimal?
    public var commissionsAtPaxos: FlexDecimal?
    public var referralFee: FlexDecimal?
    public var changeInIncentiveCouponAccruals: FlexDecimal?
    public var otherIncome: FlexDecimal?

    public init() {}

    static let schema = FlexRowSchema<FlexChangeInNAV>() { row in
        row.field("accountId") { $0.accountId = $2.interned($1) }
        row.field("acctAlias") { $0.acctAlias = $2.interned($1) }
        row.field("model") { $0.model = $2.interned($1) }
        row.field("currency") { $0.currency = $2.interned($1) }
        row.field("fromDate") { $0.fromDate = $2.date($1) }
        row.field("toDate") { $0.toDate = $2.date($1) }
        row.field("startingValue") { $0.startingValue = $2.decimal($1) }
        row.field("mtm") { $0.mtm = $2.decimal($1) }
        row.field("realized") { $0.realized = $2.decimal($1) }
        row.field("changeInUnrealized") { $0.changeInUnrealized = $2.decimal($1) }
        row.field("costAdjustments") { $0.costAdjustments = $2.decimal($1) }
        row.field("transferredPnlAdjustments") { $0.transferredPnlAdjustments = $2.decimal($1) }
        row.field("depositsWithdrawals") { $0.depositsWithdrawals = $2.decimal($1) }
        row.field("internalCashTransfers") { $0.internalCashTransfers = $2.decimal($1) }
        row.field("assetTransfers") { $0.assetTransfers = $2.decimal($1) }
        row.field("debitCardActivity") { $0.debitCardActivity = $2.decimal($1) }
        row.field("billPay") { $0.billPay = $2.decimal($1) }
        row.field("dividends") { $0.dividends = $2.decimal($1) }
        row.field("withholdingTax") { $0.withholdingTax = $2.decimal($1) }
        row.field("withholding871m") { $0.withholding871m = $2.decimal($1) }
        row.field("withholdingTaxCollected") { $0.withholdingTaxCollected = $2.decimal($1) }
        row.field("changeInDividendAccruals") { $0.changeInDividendAccruals = $2.decimal($1) }
        row.field("interest") { $0.interest = $2.decimal($1) }
        row.field("changeInInterestAccruals") { $0.changeInInterestAccruals = $2.decimal($1) }
        row.field("advisorFees") { $0.advisorFees = $2.decimal($1) }
        row.field("brokerFees") { $0.brokerFees = $2.decimal($1) }
        row.field("changeInBrokerFeeAccruals") { $0.changeInBrokerFeeAccruals = $2.decimal($1) }
        row.field("clientFees") { $0.clientFees = $2.decimal($1) }
        row.field("otherFees") { $0.otherFees = $2.decimal($1) }
        row.field("feesReceivables") { $0.feesReceivables = $2.decimal($1) }
        row.field("commissions") { $0.commissions = $2.decimal($1) }
        row.field("commissionReceivables") { $0.commissionReceivables = $2.decimal($1) }
        row.field("forexCommissions") { $0.forexCommissions = $2.decimal($1) }
        row.field("transactionTax") { $0.transactionTax = $2.decimal($1) }
        row.field("taxReceivables") { $0.taxReceivables = $2.decimal($1) }
        row.field("salesTax") { $0.salesTax = $2.decimal($1) }
        row.field("softDollars") { $0.softDollars = $2.decimal($1) }
        row.field("netFxTrading") { $0.netFxTrading = $2.decimal($1) }
        row.field("fxTranslation") { $0.fxTranslation = $2.decimal($1) }
        row.field("linkingAdjustments") { $0.linkingAdjustments = $2.decimal($1) }
        row.field("other") { $0.other = $2.decimal($1) }
        row.field("endingValue") { $0.endingValue = $2.decimal($1) }
        row.field("twr") { $0.twr = $2.decimal($1) }
        row.field("corporateActionProceeds") { $0.corporateActionProceeds = $2.decimal($1) }
        row.field("commissionCreditsRedemption") { $0.commissionCreditsRedemption = $2.decimal($1) }
        row.field("grantActivity") { $0.grantActivity = $2.decimal($1) }
        row.field("excessFundSweep") { $0.excessFundSweep = $2.decimal($1) }
        row.field("billableSalesTax") { $0.billableSalesTax = $2.decimal($1) }
        row.field("mtmAtPaxos") { $0.mtmAtPaxos = $2.decimal($1) }
        row.field("carbonCredits") { $0.carbonCredits = $2.decimal($1) }
        row.field("donations") { $0.donations = $2.decimal($1) }
        row.field("paxosTransfers") { $0.paxosTransfers = $2.decimal($1) }
        row.field("commissionsAtPaxos") { $0.commissionsAtPaxos = $2.decimal($1) }
        row.field("referralFee") { $0.referralFee = $2.decimal($1) }
        row.field("changeInIncentiveCouponAccruals") { $0.changeInIncentiveCouponAccruals = $2.decimal($1) }
        row.field("otherIncome") { $0.otherIncome = $2.decimal($1) }
    }
}
