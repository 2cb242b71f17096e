import Foundation

/// One currency entry of `/portfolio/{id}/ledger` (reference §4.10); timestamps in seconds.
enum LedgerJSON {
    static func line(_ line: CurrencyLedger, account: String, timestamp: Int) -> JSONValue {
        .object([
            ("acctcode", .string(account)),
            ("currency", .string(line.currency)),
            ("secondkey", .string(line.currency)),
            ("key", .string("LedgerList")),
            ("cashbalance", .double(line.cash)),
            ("settledcash", .double(line.cash)),
            ("cashbalancefxsegment", .double(0)),
            ("stockmarketvalue", .double(line.stockValue)),
            ("stockoptionmarketvalue", .double(line.optionValue)),
            ("futuremarketvalue", .double(line.futureValue)),
            ("futureoptionmarketvalue", .double(0)),
            ("commoditymarketvalue", .double(0)),
            ("corporatebondsmarketvalue", .double(0)),
            ("tbondsmarketvalue", .double(0)),
            ("tbillsmarketvalue", .double(0)),
            ("warrantsmarketvalue", .double(0)),
            ("issueroptionsmarketvalue", .double(0)),
            ("moneyfunds", .double(0)),
            ("funds", .double(0)),
            ("cryptocurrencyvalue", .double(0)),
            ("netliquidationvalue", .double(line.netLiquidation)),
            ("unrealizedpnl", .double(line.unrealizedPnl)),
            ("realizedpnl", .double(line.realizedPnl)),
            ("futuresonlypnl", .double(line.futuresPnl)),
            ("interest", .double(0)),
            ("dividends", .double(0)),
            ("exchangerate", .decimal(line.exchangeRate)),
            ("timestamp", .int(timestamp)),
            ("sessionid", .int(1)),
            ("severity", .int(0)),
        ])
    }
}
