import Foundation

/// One contract of `GET /iserver/marketdata/snapshot`. Field ids are string keys and values are mostly
/// strings with display formatting: `"C187.12"` (prior close, nothing traded yet), `"H187.12"` (halted), `"1,300"`.
public struct SnapshotRow: Hashable, Sendable {
    /// Last price, prior close, change, change %, availability: what the day change of a position needs.
    public static let dayChangeFields = ["31", "82", "83", "7741", "6509"]

    public var conid: Int
    public var last: Decimal?
    public var lastIsPriorClose: Bool
    public var isHalted: Bool
    public var change: Decimal?
    /// Percent units: 1.14 is +1.14 %.
    public var changePercent: Decimal?
    public var priorClose: Decimal?
    /// IBKR's market-data availability code (`RpB`, `DPB`, `Z…`).
    public var availability: String?
    public var updated: Date?

    /// False for a contract still in IBKR's pre-flight: only `conid` and `conidEx` came back.
    public var hasPrices: Bool { last != nil || change != nil || changePercent != nil || priorClose != nil }

    public init(_ object: WireObject) throws(WireError) {
        conid = try object.required(object.int("conid"), "conid")
        let row = try WireObject(.object(object.fields), location: "conid \(conid)")
        (last, lastIsPriorClose, isHalted) = try Self.lastPrice(row)
        change = try row.decimal("82")
        changePercent = try Self.percent(row, "83")
        priorClose = try row.decimal("7741")
        availability = try row.string("6509")
        updated = try row.int("_updated").map(EpochTime.milliseconds)
    }

    public static func decodeList(_ value: JSONValue) throws(WireError) -> [SnapshotRow] {
        try WireList.decode(value, noun: "snapshot row", SnapshotRow.init)
    }

    private static func lastPrice(_ row: WireObject) throws(WireError) -> (Decimal?, Bool, Bool) {
        guard let (key, value) = row.present(["31"]) else { return (nil, false, false) }
        guard case .string(var text) = value else { return (try row.decimal(key), false, false) }
        text = text.trimmingCharacters(in: .whitespaces)
        let priorClose = text.hasPrefix("C")
        let halted = text.hasPrefix("H")
        if priorClose || halted { text.removeFirst() }
        if text.isEmpty { return (nil, priorClose, halted) }
        guard let price = LenientNumber.decimal(text) else {
            throw .unexpected(value, expected: "a price", location: row.location, field: key)
        }
        return (price, priorClose, halted)
    }

    private static func percent(_ row: WireObject, _ key: String) throws(WireError) -> Decimal? {
        guard case .string(let text)? = row.present([key])?.value, text.hasSuffix("%") else {
            return try row.decimal(key)
        }
        guard let number = LenientNumber.decimal(String(text.dropLast())) else {
            throw .unexpected(.string(text), expected: "a percentage", location: row.location, field: key)
        }
        return number
    }
}
