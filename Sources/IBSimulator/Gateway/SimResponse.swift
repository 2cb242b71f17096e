import Foundation

/// An API answer: status, body, and how long to hold it back.
struct SimResponse: Sendable {
    var status: Int
    var body: String
    var contentType = "application/json; charset=utf-8"
    var delay: Duration?

    init(status: Int = 200, json: JSONValue) {
        self.status = status
        body = json.text
    }

    init(status: Int, text: String, contentType: String) {
        self.status = status
        body = text
        self.contentType = contentType
    }

    static func error(_ status: Int, _ message: String) -> SimResponse {
        SimResponse(status: status, json: .object([("error", .string(message)), ("statusCode", .int(status))]))
    }

    /// 401 as the current reference describes it.
    static let unauthorized = SimResponse(
        status: 401,
        json: .object([("status", .int(401)), ("error", .string("Unauthorized")), ("message", .string("not authenticated"))]))

    static let noBridge = SimResponse.error(400, "Bad Request: no bridge")

    static let tooManyRequests = SimResponse.error(429, "Too Many Requests")

    static let unavailable = SimResponse.error(
        503, "Details currently unavailable. Please try again later and contact client services if the issue persists.")

    static func statusFault(_ status: Int) -> SimResponse {
        switch status {
        case 500: SimResponse(status: 500, json: .object([("error", .string("unknown"))]))
        case 503: unavailable
        default: .error(status, "Service error")
        }
    }
}
