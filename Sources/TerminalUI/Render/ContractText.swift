import Foundation
import Portfolio

/// How a contract is described in one line: derivatives lead with strike, right, expiry and multiplier, because
/// two lines of SPY options differ only there.
public enum ContractText {
    public static func describe(_ contract: Contract) -> String {
        let name = (contract.name.isEmpty ? contract.description : contract.name).sanitized
        guard contract.isDerivative else { return name }
        var parts: [String] = []
        var strikeAndRight = contract.strike.map { NumberText.quantity($0) } ?? ""
        if let right = contract.right { strikeAndRight += right.rawValue }
        if !strikeAndRight.isEmpty { parts.append(strikeAndRight) }
        if let expiry = contract.expiry { parts.append(shortExpiry(expiry.sanitized)) }
        parts.append("×" + NumberText.quantity(contract.multiplier))
        if !name.isEmpty && name != contract.symbol.sanitized { parts.append(name) }
        return parts.joined(separator: " ")
    }

    /// `20251219` → `251219`; anything else as IBKR sent it.
    static func shortExpiry(_ expiry: String) -> String {
        expiry.count == 8 && expiry.allSatisfy(\.isNumber) ? String(expiry.dropFirst(2)) : expiry
    }
}
