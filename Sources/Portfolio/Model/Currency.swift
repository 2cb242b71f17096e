/// An ISO 4217 code as IBKR writes it. Never validated: IBKR sends codes such as `CNH` and `RUS`.
public struct Currency: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let code: String

    public init(_ code: String) { self.code = code.uppercased() }
    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { code }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }

    public static let usd: Currency = "USD"
    public static let eur: Currency = "EUR"
}
