import Foundation

/// An execution of `/iserver/account/trades` (reference §4.18): `side` `B`/`S`, `size` a number, `price` and
/// `commission` strings, `trade_time` UTC with `trade_time_r` in milliseconds.
enum TradeJSON {
    static func trade(_ trade: TradeRecord, instrument: Instrument) -> JSONValue {
        let bought = trade.quantity > 0
        let size = abs(trade.quantity)
        let price = trade.price.fixed(instrument.priceDecimals)
        var members: [(String, JSONValue)] = [
            ("execution_id", .string(trade.executionID)),
            ("symbol", .string(instrument.symbol)),
            ("supports_tax_opt", .string("1")),
            ("side", .string(bought ? "B" : "S")),
            ("order_description", .string("\(bought ? "Bot" : "Sold") \(size.plainText) @ \(price) on \(trade.exchange)")),
            ("trade_time", .string(WireTime.dashed(trade.time))),
            ("trade_time_r", .int(WireTime.milliseconds(trade.time))),
            ("size", .double(size)),
            ("price", .string(price)),
            ("order_ref", .string(trade.orderRef)),
            ("submitter", .string("simuser1")),
            ("exchange", .string(trade.exchange)),
            ("commission", .string(trade.commission.fixed(2))),
            ("net_amount", .double(abs(trade.tradeMoney))),
            ("account", .string(trade.account)),
            ("accountCode", .string(trade.account)),
            ("account_allocation_name", .string(trade.account)),
            ("company_name", .string(instrument.name)),
            ("contract_description_1", .string(instrument.kind == .stock ? instrument.symbol : instrument.contractDescription)),
            ("sec_type", .string(instrument.kind.rawValue)),
            ("listing_exchange", .string(instrument.exchange)),
            ("conid", .int(instrument.conid)),
            ("conidEx", .string(String(instrument.conid))),
            ("clearing_id", .string("IB")),
            ("clearing_name", .string("IB")),
            ("liquidation_trade", .string("0")),
            ("is_event_trading", .string("0")),
            ("order_id", .int(trade.orderID)),
        ]
        if instrument.kind != .stock { members.append(("contract_description_2", .string(instrument.fullName))) }
        return .object(members)
    }
}
