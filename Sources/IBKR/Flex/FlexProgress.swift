import Portfolio

/// What a Flex fetch is doing, for a progress line (`ibdash flex fetch` prints it to stderr). Never holds the token.
public enum FlexProgress: Hashable, Sendable, CustomStringConvertible {
    /// SendRequest is about to go out.
    case requesting(FlexQueryID)
    /// IBKR accepted the request; GetStatement follows after `next`.
    case accepted(FlexQueryID, referenceCode: String, next: Duration)
    /// An answer that means "later": IBKR's code (nil for an HTTP or network failure), what it means, and the delay.
    case waiting(FlexQueryID, code: Int?, reason: String, next: Duration)
    /// The statement arrived.
    case received(FlexQueryID, bytes: Int, format: FlexStatementFormat)

    public var description: String {
        switch self {
        case .requesting(let query):
            return "query \(query): requesting the statement"
        case .accepted(let query, let reference, let next):
            return "query \(query): accepted, reference \(reference); first try in \(Self.words(next))…"
        case .waiting(let query, let code, let reason, let next):
            let label = code.map { "\(reason) (\($0))" } ?? reason
            return "query \(query): \(label), next try in \(Self.words(next))…"
        case .received(let query, let bytes, let format):
            return "query \(query): received \(bytes) bytes of \(format.rawValue.uppercased())"
        }
    }

    /// `5 s`, `2 min`, `1 min 30 s`.
    static func words(_ duration: Duration) -> String {
        let seconds = max(0, Int(duration.timeInterval.rounded()))
        guard seconds >= 60 else { return "\(seconds) s" }
        return seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
    }
}
