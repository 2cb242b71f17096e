import Foundation

/// An order of `/iserver/account/orders` (reference §4.17), with the wire's mixed typing: `price` and `avgPrice`
/// strings, sizes numbers, `conid` a number, `supportsTaxOpt` the string `"1"`.
enum OrderJSON {
    static func order(_ order: SimulatedOrder, instrument: Instrument) -> JSONValue {
        let side = order.isBuy ? "BUY" : "SELL"
        let quantityText = order.quantity.plainText
        let typeText = order.limitPrice == nil ? "Market" : "Limit"
        let verb = order.status == .filled ? (order.isBuy ? "Bought" : "Sold") : (order.isBuy ? "Buy" : "Sell")
        var description = "\(verb) \(quantityText) \(typeText)"
        if let limit = order.limitPrice { description += " \(limit.fixed(instrument.priceDecimals))" }
        description += ", \(order.timeInForce)"
        var members: [(String, JSONValue)] = [
            ("acct", .string(order.account)),
            ("conidex", .string(String(instrument.conid))),
            ("conid", .int(instrument.conid)),
            ("account", .string(order.account)),
            ("orderId", .int(order.id)),
            ("cashCcy", .string(instrument.currency)),
            ("sizeAndFills", .string(order.filled == 0 ? "0/\(quantityText)" : order.filled == order.quantity ? quantityText : "\(order.filled.plainText)/\(quantityText)")),
            ("orderDesc", .string(description)),
            ("description1", .string(instrument.symbol)),
            ("ticker", .string(instrument.symbol)),
            ("secType", .string(instrument.kind.rawValue)),
            ("listingExchange", .string(instrument.exchange)),
            ("remainingQuantity", .double(order.remaining)),
            ("filledQuantity", .double(order.filled)),
            ("totalSize", .double(order.quantity)),
            ("companyName", .string(instrument.name)),
            ("status", .string(order.status.rawValue)),
            ("order_ccp_status", .string(order.status.rawValue)),
            ("origOrderType", .string(order.limitPrice == nil ? "MARKET" : "LIMIT")),
            ("supportsTaxOpt", .string("1")),
            ("lastExecutionTime", .string(WireTime.compact(order.lastExecution ?? order.updatedAt))),
            ("orderType", .string(typeText)),
            ("bgColor", .string("#FFFFFF")),
            ("fgColor", .string("#000000")),
            ("order_ref", .string(order.orderRef)),
            ("timeInForce", .string(order.timeInForce)),
            ("lastExecutionTime_r", .int(WireTime.milliseconds(order.lastExecution ?? order.updatedAt))),
            ("side", .string(side)),
        ]
        if instrument.kind != .stock { members.append(("description2", .string(instrument.fullName))) }
        if let limit = order.limitPrice { members.append(("price", .string(limit.fixed(instrument.priceDecimals)))) }
        if let average = order.averagePrice { members.append(("avgPrice", .string(average.fixed(instrument.priceDecimals)))) }
        if let reason = order.rejectionReason { members.append(("order_cancellation_by_system_reason", .string(reason))) }
        return .object(members)
    }
}
