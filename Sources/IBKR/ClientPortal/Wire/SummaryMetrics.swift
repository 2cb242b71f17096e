/// `GET /portfolio/{accountId}/summary`: an object of metrics under lower-case keys such as `netliquidation`,
/// `cushion` or `leverage-s`; the set of keys varies, and keys nobody asks for are never read.
public struct SummaryMetrics: Hashable, Sendable {
    public var metrics: [String: SummaryMetric]
    /// Keys whose value is not a metric object: an error only when someone asks for them.
    private var malformed: [String: JSONValue]

    public init(metrics: [String: SummaryMetric], malformed: [String: JSONValue] = [:]) {
        self.metrics = metrics
        self.malformed = malformed
    }

    /// The first of `keys` that is present (`leverage-s`, else `leverage`).
    public func metric(_ keys: String...) throws(WireError) -> SummaryMetric? {
        for key in keys {
            if let metric = metrics[key] { return metric }
            if let value = malformed[key] {
                throw .unexpected(value, expected: "a metric object", location: "key \"\(key)\"")
            }
        }
        return nil
    }

    public static func decode(_ value: JSONValue) throws(WireError) -> SummaryMetrics {
        let object = try WireObject(value, location: "")
        var metrics: [String: SummaryMetric] = [:]
        var malformed: [String: JSONValue] = [:]
        for (key, item) in object.fields {
            let name = key.lowercased()
            guard case .object = item else {
                malformed[name] = item
                continue
            }
            metrics[name] = try SummaryMetric(WireObject(item, location: "key \"\(name.sanitized)\""))
        }
        return SummaryMetrics(metrics: metrics, malformed: malformed)
    }
}
