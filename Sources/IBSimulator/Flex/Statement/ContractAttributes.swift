import Foundation

/// The contract attributes of reference §7 that rows about an instrument carry.
enum ContractAttributes {
    static func of(_ instrument: Instrument, clock: StatementClock) -> StatementRow {
        var row = StatementRow()
        row.add("assetCategory", instrument.kind.rawValue)
        row.add("symbol", symbol(instrument))
        row.add("description", description(instrument))
        row.add("conid", instrument.conid)
        row.add("listingExchange", instrument.exchange)
        row.add("underlyingConid", instrument.underlying.map(String.init) ?? "")
        // An option's own symbol is its underlying's; a future's is its root.
        row.add("underlyingSymbol", instrument.symbol)
        row.add("issuerCountryCode", instrument.countryCode)
        row.add("multiplier", instrument.multiplier)
        row.add("strike", instrument.strike?.plainText ?? "")
        row.add("expiry", instrument.expiryDate.map(clock.date) ?? "")
        row.add("putCall", instrument.right ?? "")
        return row
    }

    /// Options in OCC form (`AAPL  261218C00250000`), futures with month code and year digit (`MESZ6`).
    static func symbol(_ instrument: Instrument) -> String {
        switch instrument.kind {
        case .stock: return instrument.symbol
        case .option: return instrument.occSymbol
        case .future:
            guard let expiry = instrument.expiry, expiry.count == 8, let month = Int(expiry.dropFirst(4).prefix(2)),
                (1...12).contains(month)
            else { return instrument.symbol }
            return instrument.symbol + String(monthCodes[month - 1]) + String(expiry.prefix(4).suffix(1))
        }
    }

    /// `AAPL 18DEC26 250 C` for options, `MES 18DEC26` for futures, the company name for stocks.
    static func description(_ instrument: Instrument) -> String {
        guard instrument.kind != .stock, let expiry = instrument.expiry, expiry.count == 8,
            let month = Int(expiry.dropFirst(4).prefix(2)), (1...12).contains(month)
        else { return instrument.name }
        let date = String(expiry.suffix(2)) + Instrument.monthNames[month - 1] + String(expiry.dropFirst(2).prefix(2))
        guard instrument.kind == .option else { return "\(instrument.symbol) \(date)" }
        return "\(instrument.symbol) \(date) \(instrument.strike?.plainText ?? "0") \(instrument.right ?? "C")"
    }

    /// IBKR's order within a statement: stocks, then options, then futures, each by symbol.
    static func order(_ instrument: Instrument) -> (Int, String, Int) {
        let rank = AssetKind.allCases.firstIndex(of: instrument.kind) ?? 0
        return (rank, symbol(instrument), instrument.conid)
    }

    private static let monthCodes = Array("FGHJKMNQUVXZ")
}
