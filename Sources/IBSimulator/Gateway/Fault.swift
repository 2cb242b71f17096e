import Foundation

/// A failure to inject into the API's answers, for the next `count` requests or for `duration`, optionally only
/// for paths that begin with `pathPrefix` (either the full path, `/v1/api/iserver`, or the part after the base,
/// `/iserver`).
public struct Fault: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The answer comes after this long (the request is handled when the wait is over).
        case latency(Duration)
        /// An error status with the gateway's body for it (500 `{"error":"unknown"}`, 503 `Details currently
        /// unavailable…`, others `{"error":"…","statusCode":N}`).
        case status(Int)
        /// 429 Too Many Requests, not counted as a pacing violation.
        case rateLimit
        /// The real answer cut in half, with a matching Content-Length.
        case truncatedJSON
        /// The real answer with its closing bracket replaced by `,]`.
        case malformedJSON

        var name: String {
            switch self {
            case .latency: "latency"
            case .status: "status"
            case .rateLimit: "rateLimit"
            case .truncatedJSON: "truncated"
            case .malformedJSON: "malformed"
            }
        }
    }

    public var kind: Kind
    /// How many matching requests it applies to; with neither count nor duration, one.
    public var count: Int?
    public var duration: Duration?
    public var pathPrefix: String?

    public init(_ kind: Kind, count: Int? = nil, duration: Duration? = nil, pathPrefix: String? = nil) {
        self.kind = kind
        self.count = count
        self.duration = duration
        self.pathPrefix = pathPrefix
    }
}
