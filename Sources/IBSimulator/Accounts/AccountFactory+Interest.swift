import Foundation

extension AccountFactory {
    /// IBKR pays no interest on the first 10 000 of the base currency; above it, this rate a year.
    static let interestFreeBalance: Decimal = 10_000
    static let interestRatePercent: Decimal = 3

    /// On the first business day of a month, credits last month's interest on the base currency's cash, as
    /// IBKR posts it; tells whether it did.
    func creditInterest(
        dayIndex: Int, day: Date, into account: inout SimulatedAccount, ids: inout IdentifierSequence
    ) -> Bool {
        guard dayIndex > 0, history.days.indices.contains(dayIndex) else { return false }
        let previous = calendar.newYork.reading(history.days[dayIndex - 1]).date
        let month = previous.month, year = previous.year
        guard calendar.newYork.reading(day).date.month != month else { return false }
        let balance = account.cash[account.baseCurrency, default: 0]
        guard balance > Self.interestFreeBalance else { return false }
        let amount = ((balance - Self.interestFreeBalance) * Self.interestRatePercent / 1_200).rounded(2)
        guard amount > 0 else { return false }
        let label = "\(Instrument.monthNames[(month - 1) % 12])-\(year)"
        account.post(
            CashEntry(
                transactionID: ids.transactionID(), account: account.id, date: day.addingTimeInterval(20 * 3600 + 1_200),
                kind: .interest, currency: account.baseCurrency, amount: amount, conid: nil,
                description: "\(account.baseCurrency) CREDIT INT FOR \(label)"))
        return true
    }
}
