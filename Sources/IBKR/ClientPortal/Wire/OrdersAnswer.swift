/// `GET /iserver/account/orders`: `{"orders": [...], "snapshot": bool}`. The first call after login and any
/// call with `force=true` come back empty.
public struct OrdersAnswer: Hashable, Sendable {
    public var orders: [OrderRow]
    public var snapshot: Bool?

    public static func decode(_ value: JSONValue) throws(WireError) -> OrdersAnswer {
        let object = try WireObject(value, location: "")
        let orders = try WireList.decode(object.fields["orders"] ?? .null, noun: "order", OrderRow.init)
        return OrdersAnswer(orders: orders, snapshot: try object.bool("snapshot"))
    }
}
