import Foundation

/// The kinds of contract the simulated accounts hold.
enum AssetKind: String, Sendable, CaseIterable {
    case stock = "STK"
    case option = "OPT"
    case future = "FUT"
}

/// One contract of the simulated universe: what the positions, snapshot, orders and trades endpoints describe.
struct Instrument: Sendable {
    let conid: Int
    let symbol: String
    let name: String
    let kind: AssetKind
    let currency: String
    let exchange: String
    /// 1 for stocks; 100 for US equity options; 5 for MES.
    let multiplier: Int
    /// `YYYYMMDD` for options and futures.
    let expiry: String?
    /// New York midnight of `expiry`.
    let expiryDate: Date?
    let strike: Decimal?
    /// `"C"` or `"P"`.
    let right: String?
    let underlying: Int?
    let sector: String?
    let group: String?
    let countryCode: String
    /// Price increment: 0.01, 0.25 for MES, 1 for FESX.
    let tick: Decimal
    /// Cash dividend per share, paid quarterly; 0 when none.
    let quarterlyDividend: Decimal
    /// Maintenance margin per contract for futures, in the contract's currency.
    let futureMargin: Decimal

    /// `contractDesc` as `/portfolio/{id}/positions` writes it.
    var contractDescription: String {
        switch kind {
        case .stock: return symbol
        case .option:
            let strikeText = strike?.plainText ?? "0"
            return "\(symbol) \(monthCode) \(strikeText) \(right ?? "C") [\(occSymbol) \(multiplier)]"
        case .future: return "\(symbol) \(monthCode)"
        }
    }

    /// `fullName`: `SPY Dec19'25 600 Call`.
    var fullName: String {
        guard kind == .option, let expiry, expiry.count == 8 else { return kind == .future ? contractDescription : symbol }
        let day = expiry.suffix(2)
        let yearTwo = expiry.dropFirst(2).prefix(2)
        let month = Self.monthNames[(Int(expiry.dropFirst(4).prefix(2)) ?? 1) - 1].capitalized
        return "\(symbol) \(month)\(day)'\(yearTwo) \(strike?.plainText ?? "0") \(right == "P" ? "Put" : "Call")"
    }

    /// `DEC2025`.
    var monthCode: String {
        guard let expiry, expiry.count == 8 else { return "" }
        let month = Self.monthNames[(Int(expiry.dropFirst(4).prefix(2)) ?? 1) - 1]
        return month + expiry.prefix(4)
    }

    /// OCC symbol: root padded to 6, yymmdd, right, strike × 1000 in 8 digits.
    var occSymbol: String {
        guard let expiry, let strike else { return symbol }
        let root = symbol.padding(toLength: 6, withPad: " ", startingAt: 0)
        let strikeCode = String(format: "%08ld", NSDecimalNumber(decimal: (strike * 1000).rounded(0)).intValue)
        return root + expiry.dropFirst(2) + (right ?? "C") + strikeCode
    }

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
}
