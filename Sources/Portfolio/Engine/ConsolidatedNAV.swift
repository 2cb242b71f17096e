import Foundation

/// Every account's daily NAV from the Flex statement, converted into one currency and added up by day: what the
/// all-accounts view charts. The state holds only today's rates (from the ledgers), so past days are converted at
/// those. An account whose currency has no rate is left out and named.
///
/// A year of days across accounts is a thousand exact additions, too many for every frame: the engine's store
/// makes it when a statement, a ledger with other rates or another account list arrives, and the screen only reads
/// it.
public struct ConsolidatedNAV: Hashable, Sendable {
    public var currency: Currency
    /// Only days every included account reported, so a missing day does not look like a crash; oldest first.
    public var points: [NAVPoint]
    /// How many accounts there are, and how many of them were added up.
    public var accounts: Int
    public var included: Int
    /// Accounts whose statement part has no daily NAV (or that are not in the statement).
    public var withoutNAV: Int
    /// The base currencies that have no rate into `currency`: their accounts are left out.
    public var missingRates: Set<Currency>
    /// True when at least one account's NAV was converted from another currency.
    public var converted: Bool

    public init(accounts: [AccountState], currency: Currency, converter: CurrencyConverter) {
        self.currency = currency
        self.accounts = accounts.count
        let histories = accounts.compactMap(\.history).filter { !$0.nav.isEmpty }
        withoutNAV = accounts.count - histories.count
        var byDay: [Date: (total: Decimal, count: Int)] = [:]
        var included = 0
        var converted = false
        var missing = Set<Currency>()
        for history in histories {
            guard let rate = converter.rate(from: history.baseCurrency, to: currency) else {
                missing.insert(history.baseCurrency)
                continue
            }
            included += 1
            converted = converted || history.baseCurrency != currency
            for point in history.nav {
                byDay[point.date, default: (0, 0)].total += rate.convert(point.total)
                byDay[point.date, default: (0, 0)].count += 1
            }
        }
        points = byDay.compactMap { $0.value.count == included ? NAVPoint(date: $0.key, total: $0.value.total) : nil }
            .sorted { $0.date < $1.date }
        self.included = included
        self.converted = converted
        missingRates = missing
    }

    /// All accounts in `currency`, by default the first account's base currency, at their ledgers' rates; `nil`
    /// with fewer than two accounts, where there is nothing to add up.
    public static func of(_ accounts: [AccountState], in currency: Currency? = nil) -> ConsolidatedNAV? {
        guard accounts.count > 1, let currency = currency ?? accounts.first?.account.baseCurrency else { return nil }
        let converter = CurrencyConverter(ledgers: accounts.compactMap(\.ledger.value))
        return ConsolidatedNAV(accounts: accounts, currency: currency, converter: converter)
    }
}
