/// An IBKR account number such as `U1234567` (live) or `DU1234567` (paper).
public struct AccountID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// IBKR gives paper accounts a `DU` prefix (and `DF` for paper advisor masters).
    public var looksLikePaper: Bool { rawValue.hasPrefix("DU") || rawValue.hasPrefix("DF") }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.rawValue < rhs.rawValue }
}
