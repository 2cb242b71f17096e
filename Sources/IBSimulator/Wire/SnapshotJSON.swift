import Foundation

/// One element of `/iserver/marketdata/snapshot` (reference §4.19): field ids as string keys, values as display
/// strings (`C` before the last price when the market is closed, sizes in lots of 100, volume with `K`/`M`).
enum SnapshotJSON {
    static let knownFields: Set<String> = [
        "31", "55", "70", "71", "82", "83", "84", "85", "86", "87", "88", "6070", "6509", "7051", "7059", "7219",
        "7220", "7221", "7295", "7296", "7635", "7741", "7762",
    ]

    /// A conid still in pre-flight: the stream was just opened.
    static func preflight(_ conid: Int) -> JSONValue {
        .object([("conid", .int(conid)), ("conidEx", .string(String(conid)))])
    }

    static func quote(
        _ instrument: Instrument, fields: Set<String>, market: Market, isOpen: Bool
    ) -> JSONValue {
        let decimals = instrument.priceDecimals
        let last = market.price(instrument.conid)
        let prior = market.priorClose[instrument.conid] ?? last
        let volume = market.volume[instrument.conid] ?? 0
        let change = last - prior
        let changePercent = prior == 0 ? 0 : change / prior * 100
        let lotSize = instrument.kind == .stock && instrument.currency == "USD"
        let bidSize = 1 + (instrument.conid + volume) % 29
        let askSize = 1 + (instrument.conid / 7 + volume) % 31
        func price(_ value: Decimal) -> String { value.fixed(decimals) }
        func size(_ value: Int) -> String { lotSize ? String(value) : grouped(value * 100) }
        let values: [String: String] = [
            "31": (isOpen ? "" : "C") + price(last),
            "55": instrument.symbol,
            "70": price(market.high[instrument.conid] ?? last),
            "71": price(market.low[instrument.conid] ?? last),
            "82": price(change),
            "83": changePercent.fixed(2),
            "84": price(last - instrument.tick),
            "85": size(askSize),
            "86": price(last + instrument.tick),
            "87": abbreviated(volume),
            "88": size(bidSize),
            "6070": instrument.kind.rawValue,
            "6509": instrument.currency == "USD" ? "RpB" : "DpB",
            "7051": instrument.name,
            "7059": String((1 + volume % 9) * (lotSize ? 100 : 1)),
            "7219": instrument.contractDescription,
            "7220": instrument.fullName,
            "7221": instrument.exchange,
            "7295": price(market.open[instrument.conid] ?? last),
            "7296": price(isOpen ? prior : last),
            "7635": price(last),
            "7741": price(prior),
            "7762": String(volume),
        ]
        var members: [(String, JSONValue)] = [
            ("conid", .int(instrument.conid)),
            ("conidEx", .string(String(instrument.conid))),
            ("server_id", .string("q0")),
            ("6119", .string("q0")),
            ("_updated", .int(WireTime.milliseconds(market.updatedAt))),
        ]
        for field in fields.sorted() {
            if let value = values[field] { members.append((field, .string(value))) }
        }
        return .object(members)
    }

    /// `41.2M`, `820.5K`, `950`.
    static func abbreviated(_ value: Int) -> String {
        switch value {
        case 1_000_000...: String(format: "%.1fM", Double(value) / 1_000_000)
        case 1_000...: String(format: "%.1fK", Double(value) / 1_000)
        default: String(value)
        }
    }

    /// `1,300`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
