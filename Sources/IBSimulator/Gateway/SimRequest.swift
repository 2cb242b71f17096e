import Foundation

/// An API request as the engine sees it, free of any HTTP framework.
struct SimRequest: Sendable {
    let method: String
    /// As received, e.g. `/v1/api/portfolio/accounts`.
    let fullPath: String
    let query: [String: String]
    /// `nil` when the request had no Content-Length header.
    let contentLength: Int?
    let body: Data

    init(method: String, fullPath: String, query: [String: String] = [:], contentLength: Int? = 0, body: Data = Data()) {
        self.method = method.uppercased()
        self.fullPath = fullPath
        self.query = query
        self.contentLength = contentLength
        self.body = body
    }

    /// The path after `/v1/api` or `/v1/portal`; `nil` for anything outside the API.
    var apiPath: String? {
        for base in ["/v1/api", "/v1/portal"] where fullPath.hasPrefix(base + "/") {
            return String(fullPath.dropFirst(base.count))
        }
        return nil
    }

    var components: [String] { (apiPath ?? fullPath).split(separator: "/").map(String.init) }

    /// The body as a flat JSON object, when it is one.
    var jsonObject: FlatJSONObject? { try? FlatJSONObject(json: body) }
}
