import Foundation

/// Rows of `/portfolio/{id}/positions/{page}` (reference §4.11) and `/portfolio2/{id}/positions` (§4.14).
enum PositionJSON {
    static let pageSize = 100

    /// The full row; with `partial`, the "no secdef" variant of about 21 fields (IBind #6).
    static func row(_ position: PositionValuation, account: String, partial: Bool) -> JSONValue {
        let instrument = position.instrument
        let isStock = instrument.kind == .stock
        var members: [(String, JSONValue)] = [
            ("acctId", .string(account)),
            ("conid", .int(instrument.conid)),
            ("contractDesc", .string(instrument.contractDescription)),
            ("position", .double(position.quantity)),
            ("mktPrice", .double(position.price)),
            ("mktValue", .double(position.marketValue)),
            ("currency", .string(instrument.currency)),
            ("avgCost", .double(position.averageCost)),
            ("avgPrice", .double(position.averagePrice)),
            ("realizedPnl", .double(position.realizedPnl)),
            ("unrealizedPnl", .double(position.unrealizedPnl)),
            ("exchs", .null),
        ]
        if partial {
            members += [
                ("expiry", .null), ("putOrCall", .null), ("multiplier", .null), ("strike", .double(0)),
                ("exerciseStyle", .null), ("conExchMap", .array([])), ("assetClass", .string(instrument.kind.rawValue)),
                ("undConid", .int(0)), ("model", .string("")),
            ]
            return .object(members)
        }
        // The wire mixes `"strike": "0"` with `0.0`, and `multiplier` 0.0 with null, for stocks.
        let strike: JSONValue =
            instrument.strike.map { .string($0.plainText) } ?? (instrument.currency == "USD" ? .string("0") : .double(0))
        let multiplier: JSONValue =
            isStock ? (instrument.currency == "USD" ? .double(0) : .null) : .double(Decimal(instrument.multiplier))
        members += [
            ("expiry", .optionalString(instrument.expiry)),
            ("putOrCall", .optionalString(instrument.right)),
            ("multiplier", multiplier),
            ("strike", strike),
            ("exerciseStyle", instrument.kind == .option ? .string("AMERICAN") : .null),
            ("conExchMap", .array([])),
            ("assetClass", .string(instrument.kind.rawValue)),
            ("undConid", .int(instrument.underlying ?? 0)),
        ]
        if instrument.underlying != nil {
            members += [("undSym", .string(instrument.symbol)), ("undComp", .string(instrument.name))]
        }
        members += [
            ("model", .string("")),
            ("time", .int(12 + instrument.conid % 40)),
            ("allExchanges", .string(allExchanges(instrument))),
            ("listingExchange", .string(instrument.exchange)),
            ("countryCode", .string(instrument.countryCode)),
            ("name", .string(instrument.name)),
            ("lastTradingDay", .optionalString(instrument.expiry)),
            ("group", .optionalString(instrument.group)),
            ("sector", .optionalString(instrument.sector)),
            ("sectorGroup", .optionalString(instrument.group)),
            ("ticker", .string(instrument.symbol)),
            ("type", .string(isStock ? (instrument.conid == 756_733 ? "ETF" : "COMMON") : "")),
            ("hasOptions", .bool(isStock && instrument.currency == "USD")),
            ("fullName", .string(instrument.fullName)),
            ("isUS", .bool(instrument.countryCode == "US")),
            ("incrementRules", .array([.object([("lowerEdge", .double(0)), ("increment", .double(instrument.tick))])])),
            ("displayRule", .object([
                ("magnification", .int(0)),
                ("displayRuleStep", .array([.object([
                    ("decimalDigits", .int(instrument.priceDecimals)), ("lowerEdge", .double(0)), ("wholeDigits", .int(4)),
                ])])),
            ])),
            ("isEventContract", .bool(false)),
            ("pageSize", .int(pageSize)),
        ]
        return .object(members)
    }

    /// The flatter `/portfolio2` shape: string conid, `marketPrice`/`marketValue`, seconds timestamp.
    static func flatRow(_ position: PositionValuation, at now: Date) -> JSONValue {
        let instrument = position.instrument
        return .object([
            ("position", .double(position.quantity)),
            ("conid", .string(String(instrument.conid))),
            ("avgCost", .double(position.averageCost)),
            ("avgPrice", .double(position.averagePrice)),
            ("currency", .string(instrument.currency)),
            ("description", .string(instrument.contractDescription)),
            ("isLastToLoq", .bool(false)),
            ("marketPrice", .double(position.price)),
            ("marketValue", .double(position.marketValue)),
            ("realizedPnl", .double(position.realizedPnl)),
            ("unrealizedPnl", .double(position.unrealizedPnl)),
            ("secType", .string(instrument.kind.rawValue)),
            ("timestamp", .int(WireTime.seconds(now))),
            ("assetClass", .string(instrument.kind.rawValue)),
            ("sector", .optionalString(instrument.sector)),
            ("group", .optionalString(instrument.group)),
            ("model", .string("")),
        ])
    }

    private static func allExchanges(_ instrument: Instrument) -> String {
        switch (instrument.kind, instrument.currency) {
        case (.stock, "USD"): "SMART,AMEX,NYSE,ARCA,ISLAND,IEX,\(instrument.exchange)"
        case (.stock, _): "SMART,\(instrument.exchange),TGATE,GETTEX"
        case (.option, _): "SMART,AMEX,CBOE,ISE,PHLX"
        case (.future, _): instrument.exchange
        }
    }
}

extension Instrument {
    /// Decimals a price of this instrument is written with.
    var priceDecimals: Int { max(0, tick.exponent < 0 ? -tick.exponent : 0) }
}
