/// What the Flex service has seen, for `/sim/stats`.
public struct FlexStatistics: Sendable, Hashable {
    /// By endpoint: `SendRequest`, `GetStatement`, `legacy` or `unknown`.
    public var requests: [String: Int] = [:]
    /// By answer: an error code such as `1019`, `Success`, `statement`, `notFound` or `outage`.
    public var answers: [String: Int] = [:]
    /// 1018 answers of the per-token limits (a scripted 1018 is not one).
    public var pacingViolations = 0

    public init() {}

    var json: JSONValue {
        func table(_ counts: [String: Int]) -> JSONValue {
            .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
        }
        return .object([
            ("requests", table(requests)), ("answers", table(answers)), ("pacingViolations", .int(pacingViolations)),
        ])
    }
}
