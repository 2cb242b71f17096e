import Foundation

/// IBKR's epochs: milliseconds in most places, seconds in the ledger and `/portfolio2`.
public enum EpochTime {
    public static func milliseconds(_ value: Int) -> Date { Date(timeIntervalSince1970: Double(value) / 1000) }
    public static func seconds(_ value: Int) -> Date { Date(timeIntervalSince1970: Double(value)) }
}
