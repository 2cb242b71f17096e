/// Reads a JSON array whose elements are objects, naming each by its position for error messages
/// (`position 3`, `order 0`).
public enum WireList {
    public static func decode<Element>(
        _ value: JSONValue, noun: String, _ element: (WireObject) throws(WireError) -> Element
    ) throws(WireError) -> [Element] {
        if value == .null { return [] }
        guard case .array(let items) = value else {
            throw .unexpected(value, expected: "a list of \(noun)s", location: "")
        }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            result.append(try element(WireObject(item, location: "\(noun) \(index)")))
        }
        return result
    }
}
