import Portfolio

/// The attributes IBKR writes at the front of most rows (reference §7, "common contract attributes"): the
/// account, the currency of the row with its rate to base, and the instrument. Kept lean on purpose: a
/// statement can hold hundreds of thousands of rows, and the other identifiers (CUSIP, FIGI, …) are known
/// but not kept.
public struct FlexContract: Sendable, Hashable, Encodable, FlexRow {
    public var accountId: String?
    /// The currency the row's amounts are in.
    public var currency: String?
    /// Base currency units per unit of `currency` on the row's date.
    public var fxRateToBase: FlexDecimal?
    /// `STK`, `OPT`, `FUT`, `CASH`, … (open: see `assetClass`).
    public var assetCategory: String?
    public var subCategory: String?
    public var symbol: String?
    public var description: String?
    public var conid: Int?
    public var isin: String?
    public var listingExchange: String?
    public var underlyingConid: Int?
    public var underlyingSymbol: String?
    public var multiplier: FlexDecimal?
    public var strike: FlexDecimal?
    public var expiry: FlexDate?
    /// `C` or `P`.
    public var putCall: String?

    public init() {}

    public var assetClass: AssetClass? { assetCategory.map(AssetClass.init(code:)) }
    public var right: OptionRight? { putCall.flatMap(OptionRight.init(rawValue:)) }

    static let schema = FlexRowSchema<FlexContract> { row in
        row.field("accountId") { $0.accountId = $2.interned($1) }
        row.field("currency") { $0.currency = $2.interned($1) }
        row.field("fxRateToBase") { $0.fxRateToBase = $2.decimal($1) }
        row.field("assetCategory") { $0.assetCategory = $2.interned($1) }
        row.field("subCategory") { $0.subCategory = $2.interned($1) }
        row.field("symbol") { $0.symbol = $2.interned($1) }
        row.field("description") { $0.description = $2.interned($1) }
        row.field("conid") { $0.conid = $2.integer($1) }
        row.field("isin") { $0.isin = $2.interned($1) }
        row.field("listingExchange") { $0.listingExchange = $2.interned($1) }
        row.field("underlyingConid") { $0.underlyingConid = $2.integer($1) }
        row.field("underlyingSymbol") { $0.underlyingSymbol = $2.interned($1) }
        row.field("multiplier") { $0.multiplier = $2.decimal($1) }
        row.field("strike") { $0.strike = $2.decimal($1) }
        row.field("expiry") { $0.expiry = $2.date($1) }
        row.field("putCall") { $0.putCall = $2.interned($1) }
        row.ignore(
            "acctAlias", "model", "securityID", "securityIDType", "cusip", "figi", "issuerCountryCode", "sedol", "underlyingSecurityID", "underlyingListingExchange", "issuer", "principalAdjustFactor",
            "serialNumber", "deliveryType", "commodityType", "fineness", "weight")
    }
}
