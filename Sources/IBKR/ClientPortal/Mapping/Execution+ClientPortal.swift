import Portfolio

extension Execution {
    public init(_ row: TradeRow, account: AccountID) {
        self.init(
            id: row.executionID, account: row.account.map { AccountID($0) } ?? account, conid: row.conid,
            symbol: row.symbol ?? String(row.conid), side: OrderSide(code: row.side ?? ""), quantity: row.size,
            price: row.price, commission: row.commission, netAmount: row.netAmount, time: row.time,
            orderID: row.orderID)
    }
}
