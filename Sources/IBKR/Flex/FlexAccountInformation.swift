/// The AccountInformation element of a statement: who holds the account and its base currency.
public struct FlexAccountInformation: Sendable, Hashable, Encodable, FlexRow {
    public var accountId: String?
    public var acctAlias: String?
    public var model: String?
    /// The account's base currency.
    public var currency: String?
    public var name: String?
    /// `Individual`, `Advisor Client`, …
    public var accountType: String?
    public var customerType: String?
    /// Comma-separated, e.g. `Margin,IBPrime`.
    public var accountCapabilities: String?
    public var tradingPermissions: String?
    public var dateOpened: FlexDate?
    public var dateFunded: FlexDate?
    public var dateClosed: FlexDate?
    public var street: String?
    public var street2: String?
    public var city: String?
    public var state: String?
    public var country: String?
    public var postalCode: String?
    public var masterName: String?
    /// `IBLLC-US`, `IBIE`, `IBUK`, …
    public var ibEntity: String?
    public var primaryEmail: String?
    public var lastTradedDate: FlexDate?

    public init() {}

    static let schema = FlexRowSchema<FlexAccountInformation> { row in
        row.field("accountId") { $0.accountId = $2.interned($1) }
        row.field("acctAlias") { $0.acctAlias = $2.string($1) }
        row.field("model") { $0.model = $2.string($1) }
        row.field("currency") { $0.currency = $2.interned($1) }
        row.field("name") { $0.name = $2.string($1) }
        row.field("accountType") { $0.accountType = $2.string($1) }
        row.field("customerType") { $0.customerType = $2.string($1) }
        row.field("accountCapabilities") { $0.accountCapabilities = $2.string($1) }
        row.field("tradingPermissions") { $0.tradingPermissions = $2.string($1) }
        row.field("dateOpened") { $0.dateOpened = $2.date($1) }
        row.field("dateFunded") { $0.dateFunded = $2.date($1) }
        row.field("dateClosed") { $0.dateClosed = $2.date($1) }
        row.field("street") { $0.street = $2.string($1) }
        row.field("street2") { $0.street2 = $2.string($1) }
        row.field("city") { $0.city = $2.string($1) }
        row.field("state") { $0.state = $2.string($1) }
        row.field("country") { $0.country = $2.string($1) }
        row.field("postalCode") { $0.postalCode = $2.string($1) }
        row.field("masterName") { $0.masterName = $2.string($1) }
        row.field("ibEntity") { $0.ibEntity = $2.string($1) }
        row.field("primaryEmail") { $0.primaryEmail = $2.string($1) }
        row.field("lastTradedDate") { $0.lastTradedDate = $2.date($1) }
        row.ignore(
            "registeredRepName", "registeredRepPhone", "streetResidentialAddress", "street2ResidentialAddress",
            "cityResidentialAddress", "stateResidentialAddress", "countryResidentialAddress",
            "postalCodeResidentialAddress", "accountRepName", "accountRepPhone")
    }
}
