/// A row of EquitySummaryInBase (`EquitySummaryByReportDateInBase`): the account's NAV and its parts at the
/// close of one report date, all in the base currency. `total` is the net liquidation value.
public struct FlexEquitySummary: Sendable, Hashable, Encodable, FlexRow {
    public var accountId: String?
    public var acctAlias: String?
    public var model: String?
    /// The base currency (absent in very old files).
    public var currency: String?
    public var reportDate: FlexDate?
    public var cash: FlexDecimal?
    public var stock: FlexDecimal?
    public var options: FlexDecimal?
    public var commodities: FlexDecimal?
    public var bonds: FlexDecimal?
    public var notes: FlexDecimal?
    public var funds: FlexDecimal?
    public var crypto: FlexDecimal?
    public var physDel: FlexDecimal?
    public var interestAccruals: FlexDecimal?
    public var dividendAccruals: FlexDecimal?
    public var softDollars: FlexDecimal?
    public var forexCfdUnrealizedPl: FlexDecimal?
    public var cfdUnrealizedPl: FlexDecimal?
    public var slbCashCollateral: FlexDecimal?
    public var slbDirectSecuritiesBorrowed: FlexDecimal?
    public var slbDirectSecuritiesLent: FlexDecimal?
    public var brokerCashComponent: FlexDecimal?
    public var brokerInterestAccrualsComponent: FlexDecimal?
    public var brokerFeesAccrualsComponent: FlexDecimal?
    public var bondInterestAccrualsComponent: FlexDecimal?
    public var incentiveCouponAccruals: FlexDecimal?
    public var marginFinancingChargeAccruals: FlexDecimal?
    public var eventContractInterestAccruals: FlexDecimal?
    public var ipoSubscription: FlexDecimal?
    public var fdicInsuredBankSweepAccount: FlexDecimal?
    public var fdicInsuredAccountInterestAccruals: FlexDecimal?
    public var insuredBankDepositRedemptionCashComponent: FlexDecimal?
    public var total: FlexDecimal?
    public var totalLong: FlexDecimal?
    public var totalShort: FlexDecimal?

    public init() {}

    /// The long/short breakouts of the components (`stockLong`, `cashShort`, …) are known but not kept.
    static let schema = FlexRowSchema<FlexEquitySummary>(suffixes: ["Long", "Short"]) { row in
        row.field("accountId") { $0.accountId = $2.interned($1) }
        row.field("acctAlias") { $0.acctAlias = $2.interned($1) }
        row.field("model") { $0.model = $2.interned($1) }
        row.field("currency") { $0.currency = $2.interned($1) }
        row.field("reportDate") { $0.reportDate = $2.date($1) }
        row.field("cash") { $0.cash = $2.decimal($1) }
        row.field("stock") { $0.stock = $2.decimal($1) }
        row.field("options") { $0.options = $2.decimal($1) }
        row.field("commodities") { $0.commodities = $2.decimal($1) }
        row.field("bonds") { $0.bonds = $2.decimal($1) }
        row.field("notes") { $0.notes = $2.decimal($1) }
        row.field("funds") { $0.funds = $2.decimal($1) }
        row.field("crypto") { $0.crypto = $2.decimal($1) }
        row.field("physDel") { $0.physDel = $2.decimal($1) }
        row.field("interestAccruals") { $0.interestAccruals = $2.decimal($1) }
        row.field("dividendAccruals") { $0.dividendAccruals = $2.decimal($1) }
        row.field("softDollars") { $0.softDollars = $2.decimal($1) }
        row.field("forexCfdUnrealizedPl") { $0.forexCfdUnrealizedPl = $2.decimal($1) }
        row.field("cfdUnrealizedPl") { $0.cfdUnrealizedPl = $2.decimal($1) }
        row.field("slbCashCollateral") { $0.slbCashCollateral = $2.decimal($1) }
        row.field("slbDirectSecuritiesBorrowed") { $0.slbDirectSecuritiesBorrowed = $2.decimal($1) }
        row.field("slbDirectSecuritiesLent") { $0.slbDirectSecuritiesLent = $2.decimal($1) }
        row.field("brokerCashComponent") { $0.brokerCashComponent = $2.decimal($1) }
        row.field("brokerInterestAccrualsComponent") { $0.brokerInterestAccrualsComponent = $2.decimal($1) }
        row.field("brokerFeesAccrualsComponent") { $0.brokerFeesAccrualsComponent = $2.decimal($1) }
        row.field("bondInterestAccrualsComponent") { $0.bondInterestAccrualsComponent = $2.decimal($1) }
        row.field("incentiveCouponAccruals") { $0.incentiveCouponAccruals = $2.decimal($1) }
        row.field("marginFinancingChargeAccruals") { $0.marginFinancingChargeAccruals = $2.decimal($1) }
        row.field("eventContractInterestAccruals") { $0.eventContractInterestAccruals = $2.decimal($1) }
        row.field("ipoSubscription") { $0.ipoSubscription = $2.decimal($1) }
        row.field("fdicInsuredBankSweepAccount") { $0.fdicInsuredBankSweepAccount = $2.decimal($1) }
        row.field("fdicInsuredAccountInterestAccruals") { $0.fdicInsuredAccountInterestAccruals = $2.decimal($1) }
        row.field("insuredBankDepositRedemptionCashComponent") {
            $0.insuredBankDepositRedemptionCashComponent = $2.decimal($1)
        }
        row.field("total") { $0.total = $2.decimal($1) }
        row.field("totalLong") { $0.totalLong = $2.decimal($1) }
        row.field("totalShort") { $0.totalShort = $2.decimal($1) }
        row.ignore(
            "fdicInsuredBankSweepAccountCashComponent", "fdicInsuredAccountInterestAccrualsComponent",
            "liteSurchargeAccruals", "carbonCredits")
    }
}
