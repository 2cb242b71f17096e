import Portfolio

extension Order {
    /// An order row of `/iserver/account/orders` for `account` (the rows of the selected account).
    /// - Throws: a `WireError` when the order has no size, which the dashboard cannot show as zero.
    public init(_ row: OrderRow, account: AccountID) throws(WireError) {
        guard let quantity = row.totalSize ?? row.filledQuantity.flatMap({ filled in
            row.remainingQuantity.map { filled + $0 }
        }) else {
            throw WireError(location: row.location, field: "totalSize", problem: "missing")
        }
        let filled = row.filledQuantity ?? 0
        self.init(
            id: row.orderID, account: row.account.map { AccountID($0) } ?? account, conid: row.conid,
            symbol: row.ticker ?? row.description1 ?? String(row.conid),
            description: row.description2 ?? row.companyName ?? "", side: OrderSide(code: row.side ?? ""),
            orderType: row.orderType ?? "", limitPrice: row.limitPrice, stopPrice: row.stopPrice,
            averagePrice: row.averagePrice, quantity: quantity, filled: filled,
            remaining: row.remainingQuantity ?? quantity - filled, status: OrderStatus(wire: row.status ?? ""),
            timeInForce: row.timeInForce ?? "", lastUpdate: row.lastExecution, reason: row.cancellationReason)
    }
}
