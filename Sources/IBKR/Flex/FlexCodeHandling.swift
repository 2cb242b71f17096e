/// What the Flex client does with an error code of IBKR's table (reference §4 and §5.4).
public enum FlexCodeHandling: Hashable, Sendable {
    /// The statement is still being made: ask again with the same reference code after a short, growing delay.
    case poll
    /// A failure that passes: try again after a longer delay, a few times in a row.
    case transient
    /// 1018, the token's rate limit: pause every request of the token, then try again.
    case rateLimited
    /// 1017, 1020: start over with a new SendRequest, once.
    case renew
    /// 1025: IBKR has locked the token after failed attempts; no request of it may go out for hours.
    case lockout
    /// The user must act: stop with one error and its fix.
    case permanent

    public init(code: Int, step: FlexStep) {
        switch code {
        // "Not ready yet" answers: normal while GetStatement polls. On SendRequest (a generation already in
        // flight, or the server under load) the request itself is repeated later.
        case 1019, 1004...1009, 1021: self = step == .getStatement ? .poll : .transient
        case 1001: self = .transient
        case 1018: self = .rateLimited
        case 1017, 1020: self = .renew
        case 1025: self = .lockout
        default: self = .permanent
        }
    }
}
