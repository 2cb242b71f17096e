/// What the simulator has seen, per endpoint (route templates such as `GET /portfolio/{accountId}/summary`).
public struct SimulatorStatistics: Sendable, Hashable {
    public var requests: [String: Int] = [:]
    /// Requests beyond a pacing limit, answered 429.
    public var pacingViolations: [String: Int] = [:]
    /// Requests refused while the penalty box was on.
    public var penalized: [String: Int] = [:]
    /// Injected faults, by kind.
    public var faults: [String: Int] = [:]
    /// The Flex Web Service's requests and answers; its 1018s are not among the gateway's pacing violations.
    public var flex = FlexStatistics()

    public init() {}

    public var totalRequests: Int { requests.values.reduce(0, +) }
    public var totalPacingViolations: Int { pacingViolations.values.reduce(0, +) }

    var json: JSONValue {
        func table(_ counts: [String: Int]) -> JSONValue {
            .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
        }
        return .object([
            ("totalRequests", .int(totalRequests)),
            ("totalPacingViolations", .int(totalPacingViolations)),
            ("requests", table(requests)),
            ("pacingViolations", table(pacingViolations)),
            ("penalized", table(penalized)),
            ("faults", table(faults)),
            ("flexPacingViolations", .int(flex.pacingViolations)),
            ("flex", flex.json),
        ])
    }
}
