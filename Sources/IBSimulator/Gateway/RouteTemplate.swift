/// The route of a request with its variable parts named, e.g. `GET /portfolio/{accountId}/positions/{pageId}`:
/// the key of the statistics and of the per-endpoint pacing limits.
enum RouteTemplate {
    static func of(method: String, components: [String]) -> String {
        var named: [String] = []
        for (index, component) in components.enumerated() {
            let previous = index > 0 ? components[index - 1] : ""
            if isAccountID(component) {
                named.append("{accountId}")
            } else if component.allSatisfy(\.isNumber) && !component.isEmpty {
                switch previous {
                case "positions" where index == 3: named.append("{pageId}")
                case "orders", "order", "status": named.append("{orderId}")
                default: named.append("{conid}")
                }
            } else {
                named.append(component)
            }
        }
        return method + " /" + named.joined(separator: "/")
    }

    /// `U1234567`, `DU1234567`.
    static func isAccountID(_ text: String) -> Bool {
        let digits = text.hasPrefix("DU") ? text.dropFirst(2) : text.hasPrefix("U") ? text.dropFirst(1) : ""
        return digits.count >= 4 && digits.allSatisfy(\.isNumber)
    }
}
