import Foundation

/// What a position or order is in: the instrument, independent of any account.
public struct Contract: Hashable, Sendable {
    public var conid: Int
    public var symbol: String
    /// IBKR's short description, e.g. `AAPL` or `SPY    DEC2025 600 C [SPY   251219C00600000 100]`.
    public var description: String
    /// The issuer or long name, e.g. `APPLE INC`.
    public var name: String
    public var assetClass: AssetClass
    public var currency: Currency
    /// 1 for stocks; IBKR's 0 or null also mean 1.
    public var multiplier: Decimal
    public var expiry: String?
    public var strike: Decimal?
    public var right: OptionRight?
    public var listingExchange: String?
    public var underlyingSymbol: String?
    public var sector: String?

    public init(
        conid: Int, symbol: String, description: String = "", name: String = "",
        assetClass: AssetClass, currency: Currency, multiplier: Decimal = 1, expiry: String? = nil,
        strike: Decimal? = nil, right: OptionRight? = nil, listingExchange: String? = nil,
        underlyingSymbol: String? = nil, sector: String? = nil
    ) {
        self.conid = conid
        self.symbol = symbol
        self.description = description
        self.name = name
        self.assetClass = assetClass
        self.currency = currency
        self.multiplier = multiplier
        self.expiry = expiry
        self.strike = strike
        self.right = right
        self.listingExchange = listingExchange
        self.underlyingSymbol = underlyingSymbol
        self.sector = sector
    }

    public var isDerivative: Bool { assetClass == .option || assetClass == .future || assetClass == .futureOption }
}

/// IBKR's `assetClass` / `secType` / `assetCategory`, open for codes we do not know yet.
public enum AssetClass: Hashable, Sendable, CustomStringConvertible {
    case stock, option, future, futureOption, forex, bond, fund, warrant, cfd, crypto
    case other(String)

    public init(code: String) {
        switch code.uppercased() {
        case "STK": self = .stock
        case "OPT": self = .option
        case "FUT": self = .future
        case "FOP": self = .futureOption
        case "CASH": self = .forex
        case "BOND", "BILL": self = .bond
        case "FUND": self = .fund
        case "WAR": self = .warrant
        case "CFD": self = .cfd
        case "CRYPTO": self = .crypto
        default: self = .other(code)
        }
    }

    /// IBKR's code for the class.
    public var code: String {
        switch self {
        case .stock: "STK"
        case .option: "OPT"
        case .future: "FUT"
        case .futureOption: "FOP"
        case .forex: "CASH"
        case .bond: "BOND"
        case .fund: "FUND"
        case .warrant: "WAR"
        case .cfd: "CFD"
        case .crypto: "CRYPTO"
        case .other(let code): code
        }
    }

    public var description: String { code }
}

public enum OptionRight: String, Hashable, Sendable {
    case call = "C"
    case put = "P"
}
