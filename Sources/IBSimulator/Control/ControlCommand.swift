import Foundation

/// One command of the control endpoint, `POST /sim/control` on 127.0.0.1, with a JSON body:
///
/// | JSON body | effect |
/// |---|---|
/// | `{"command":"session","state":"noSession"}` | `noSession`, `readOnly`, `brokerage` or `competing`; from `noSession` a new login |
/// | `{"command":"gatewayDown"}` | stops the API listener: connections are refused |
/// | `{"command":"gatewayUp"}` | listens again on the same port |
/// | `{"command":"movePrices","percent":-5,"conid":265598}` | moves one price (an option: its underlying), or all without `conid` |
/// | `{"command":"fillOrder","orderId":1432000007}` | fills a working order now; without `orderId` the oldest working order |
/// | `{"command":"newOrder","account":"U1234567"}` | places a random order (any account without `account`) |
/// | `{"command":"fault","kind":"latency","seconds":15,"count":3,"durationSeconds":10,"pathPrefix":"/iserver"}` | injects a fault, see below |
/// | `{"command":"clearFaults"}` | removes every fault |
/// | `{"command":"dailyReset"}` | the daily reset, now: the session drops to `noSession` |
/// | `{"command":"settings", …}` | changes switches: `noSessionTickle` (`unauthorized`/`errorBody`), `brokerageRefusal` (`unauthorized`/`noBridge`), `competingAccounts` (`emptyObject`/`refused`), `strictPrerequisites`, `pacing` (bools), `penaltyBoxSeconds` (0 = off), `idleTimeoutSeconds`, `reauthenticationDelaySeconds`, `positionsCacheSeconds`, `partialPositionProbability` |
///
/// Fault kinds: `latency` (needs `seconds`), `status` (`status`, default 503), `rateLimit` (429), `truncated`
/// (the body cut in half), `malformed` (the body's last bracket replaced by `,]`). A fault applies to the next
/// `count` matching requests or for `durationSeconds`; with neither, to the next one. `pathPrefix` limits it to
/// paths that begin with it (`/v1/api/iserver` or `/iserver`).
///
/// Answers: 200 `{"ok":true}` (with `orderId` for `fillOrder` and `newOrder`), 400 `{"ok":false,"error":"…"}`.
/// `GET /sim/stats` answers the request counts, pacing violations, penalty-box refusals and faults per endpoint,
/// and the Flex service's requests, answers and pacing violations (`flexPacingViolations`).
///
/// The Flex Web Service's commands (`flexDelay`, `flexToken`, `flexScript`, `flexOutage`, `flexSettings`) are
/// described at `FlexCommand`.
public enum ControlCommand: Sendable, Hashable {
    case session(SimulatedSession)
    case gatewayDown
    case gatewayUp
    case movePrices(percent: Double, conid: Int?)
    case fillOrder(id: Int?)
    case newOrder(account: String?)
    case fault(Fault)
    case clearFaults
    case dailyReset
    case settings(SwitchChanges)
    case flex(FlexCommand)

    /// Reads a command from its JSON body.
    public init(json: Data) throws(ControlError) {
        let fields = try FlatJSONObject(json: json)
        switch try fields.string("command") {
        case "session":
            let name = try fields.string("state")
            guard let state = SimulatedSession(rawValue: name) else { throw ControlError("unknown session state '\(name)'") }
            self = .session(state)
        case "gatewayDown": self = .gatewayDown
        case "gatewayUp": self = .gatewayUp
        case "movePrices":
            let percent = try fields.number("percent")
            guard percent > -100 else { throw ControlError("'percent' must be above -100") }
            self = .movePrices(percent: percent, conid: try fields.optionalInt("conid"))
        case "fillOrder": self = .fillOrder(id: try fields.optionalInt("orderId"))
        case "newOrder": self = .newOrder(account: try fields.optionalString("account"))
        case "fault": self = .fault(try Self.fault(fields))
        case "clearFaults": self = .clearFaults
        case "dailyReset": self = .dailyReset
        case "settings": self = .settings(try SwitchChanges(fields))
        case let name where FlexCommand.names.contains(name): self = .flex(try FlexCommand(name: name, fields: fields))
        case let other: throw ControlError("unknown command '\(other)'")
        }
    }

    private static func fault(_ fields: FlatJSONObject) throws(ControlError) -> Fault {
        let kind: Fault.Kind
        switch try fields.string("kind") {
        case "latency":
            let seconds = try fields.number("seconds")
            guard seconds >= 0 else { throw ControlError("'seconds' must not be negative") }
            kind = .latency(.milliseconds(Int(seconds * 1000)))
        case "status": kind = .status(try fields.optionalInt("status") ?? 503)
        case "rateLimit": kind = .rateLimit
        case "truncated": kind = .truncatedJSON
        case "malformed": kind = .malformedJSON
        case let other: throw ControlError("unknown fault kind '\(other)'")
        }
        if case .status(let code) = kind, !(400...599).contains(code) {
            throw ControlError("status must be between 400 and 599")
        }
        let count = try fields.optionalInt("count")
        if let count, count < 1 { throw ControlError("count must be at least 1") }
        let seconds = try fields.optionalNumber("durationSeconds")
        if let seconds, seconds <= 0 { throw ControlError("'durationSeconds' must be positive") }
        let duration = seconds.map { Duration.milliseconds(Int($0 * 1000)) }
        return Fault(kind, count: count, duration: duration, pathPrefix: try fields.optionalString("pathPrefix"))
    }
}

/// Why a control command was refused.
public struct ControlError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
