import Foundation

/// What the control endpoint can do to the Flex service, `POST /sim/control` with a JSON body:
///
/// | JSON body | effect |
/// |---|---|
/// | `{"command":"flexDelay","seconds":5,"query":"100001"}` | GetStatement answers 1019 this long after SendRequest, for one query or (without `query`) all without their own delay; pending statements too |
/// | `{"command":"flexToken","token":"418605…","status":"expired"}` | `valid`, `expired` (1012), `revoked` (1015), `inactive` (1011), `ipRestricted` (1013); a new token is added; without `token`, every token |
/// | `{"command":"flexScript","endpoint":"GetStatement","steps":"1019,1018,OK"}` | the next answers of `SendRequest` or `GetStatement` that pass the checks, in turn; `OK` the normal answer; `""` clears |
/// | `{"command":"flexOutage","on":true}` | every Flex request gets HTTP 500 "We are sorry, our services are temporarily unavailable" |
/// | `{"command":"flexSettings","pacing":false,"requireUserAgent":true,"legacyPaths":"notFound"}` | changes switches (`legacyPaths`: `error1001` or `notFound`) |
public enum FlexCommand: Sendable, Hashable {
    case delay(Duration, query: String?)
    case token(String?, FlexToken.Status)
    case script(FlexEndpoint, [FlexScriptStep])
    case outage(Bool)
    case settings(FlexSwitchChanges)

    static let names: Set<String> = ["flexDelay", "flexToken", "flexScript", "flexOutage", "flexSettings"]

    init(name: String, fields: FlatJSONObject) throws(ControlError) {
        switch name {
        case "flexDelay":
            let seconds = try fields.number("seconds")
            guard seconds >= 0 else { throw ControlError("'seconds' must not be negative") }
            self = .delay(.milliseconds(Int(seconds * 1000)), query: try fields.optionalString("query"))
        case "flexToken":
            let statusName = try fields.string("status")
            guard let status = FlexToken.Status(rawValue: statusName) else {
                throw ControlError("unknown token status '\(statusName)'")
            }
            let token = try fields.optionalString("token")
            if let token, !token.isASCIIDigits { throw ControlError("a Flex token is a string of digits") }
            self = .token(token, status)
        case "flexScript":
            let endpointName = try fields.string("endpoint")
            guard let endpoint = FlexEndpoint(rawValue: endpointName) else {
                throw ControlError("'endpoint' is SendRequest or GetStatement")
            }
            self = .script(endpoint, try FlexScriptStep.parse(try fields.string("steps")))
        case "flexOutage":
            guard let on = try fields.optionalBool("on") else { throw ControlError("'on' is required") }
            self = .outage(on)
        case "flexSettings":
            self = .settings(try FlexSwitchChanges(fields))
        default:
            throw ControlError("unknown command '\(name)'")
        }
    }
}

/// A partial update of `FlexSwitches`.
public struct FlexSwitchChanges: Sendable, Hashable {
    public var pacing: Bool?
    public var requireUserAgent: Bool?
    public var legacyPaths: FlexSwitches.LegacyPaths?

    public init() {}

    init(_ fields: FlatJSONObject) throws(ControlError) {
        pacing = try fields.optionalBool("pacing")
        requireUserAgent = try fields.optionalBool("requireUserAgent")
        if let name = try fields.optionalString("legacyPaths") {
            guard let paths = FlexSwitches.LegacyPaths(rawValue: name) else {
                throw ControlError("'legacyPaths' is error1001 or notFound")
            }
            legacyPaths = paths
        }
    }

    func applied(to switches: FlexSwitches) -> FlexSwitches {
        var result = switches
        if let pacing { result.pacing = pacing }
        if let requireUserAgent { result.requireUserAgent = requireUserAgent }
        if let legacyPaths { result.legacyPaths = legacyPaths }
        return result
    }
}
