import Foundation

/// A Flex Web Service token the simulated service knows, and what it answers for it.
public struct FlexToken: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case valid
        /// 1012: past its expiry.
        case expired
        /// 1015: replaced by a newer token, which invalidates the old one.
        case revoked
        /// 1011: the Flex Web Service is not enabled for the account.
        case inactive
        /// 1013: bound to another IP address.
        case ipRestricted

        var refusal: FlexErrorCode? {
            switch self {
            case .valid: nil
            case .expired: .tokenExpired
            case .revoked: .tokenInvalid
            case .inactive: .serviceInactive
            case .ipRestricted: .ipRestriction
            }
        }
    }

    /// A long numeric string, as IBKR's.
    public var value: String
    public var status: Status
    /// From then on the token answers 1012, as real ones do after 6 hours to a year.
    public var expiresAt: Date?

    public init(value: String, status: Status = .valid, expiresAt: Date? = nil) {
        self.value = value
        self.status = status
        self.expiresAt = expiresAt
    }

    /// The simulator's token unless configured otherwise.
    public static let defaultValue = "418605273940617328556012"

    /// Reads `VALUE` or `VALUE:STATUS`, as `ibdash sim --flex-token` takes it.
    public init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let value = parts.first, value.isASCIIDigits else { return nil }
        var status = Status.valid
        if parts.count == 2 {
            guard let named = Status(rawValue: parts[1]) else { return nil }
            status = named
        }
        self.init(value: value, status: status)
    }

    /// What the token answers at `now`, `nil` when it is good.
    func refusal(at now: Date) -> FlexErrorCode? {
        if let refusal = status.refusal { return refusal }
        if let expiresAt, now >= expiresAt { return .tokenExpired }
        return nil
    }
}
