import Foundation
import Portfolio

/// Keeps the Flex token out of anything a person or a log could see. Requests carry it as `t=` in the URL.
enum FlexRedaction {
    static let placeholder = Secret.placeholder

    /// `text` with every `t=` query value and every occurrence of the token replaced.
    static func redact(_ text: String, token: Secret) -> String {
        var result = text.replacingOccurrences(
            of: "([?&]t=)[^&#\\s\"']*", with: "$1" + placeholder, options: .regularExpression)
        token.withValue { value in result = result.replacingOccurrences(of: value, with: placeholder) }
        return result
    }

    /// `error` with the token removed from its message and fix.
    static func redact(_ error: SourceError, token: Secret) -> SourceError {
        var error = error
        error.endpoint = redact(error.endpoint, token: token)
        error.message = redact(error.message, token: token)
        error.fix = error.fix.map { redact($0, token: token) }
        return error
    }

    /// A transport's error with the token removed, naming the Flex call rather than a gateway.
    static func redact(transportError: SourceError, token: Secret, endpoint: String) -> SourceError {
        var error = redact(transportError, token: token)
        error.endpoint = endpoint
        if error.kind == .unreachable || error.kind == .timeout {
            // The transport's fix speaks of the Client Portal Gateway, which has nothing to do with Flex.
            error.fix = "check the network connection and --flex-endpoint; ibdash tries again later"
        }
        return error
    }

    /// `GET https://host/…/SendRequest?t=<redacted>&q=123&v=3`, for the log.
    static func describe(_ request: GatewayRequest, at address: GatewayAddress, token: Secret) -> String {
        redact("\(request.method.rawValue) \(address.baseURL)\(request.target)", token: token)
    }
}
