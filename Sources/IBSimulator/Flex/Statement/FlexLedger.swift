import Foundation

/// What a Flex statement is made of, taken from the gateway at one moment: the accounts with their whole
/// history, and every instrument's close on every closed trading day. Statements report closed days only, as
/// IBKR's are published after the close of business.
struct FlexLedger: Sendable {
    let accounts: [SimulatedAccount]
    let universe: InstrumentUniverse
    let fx: FXTable
    let calendar: TradingCalendar
    /// New York midnight of the trading day in progress: nothing from it is published yet.
    let today: Date
    /// Closed trading days, oldest first: the price history, then the days closed since start. Each account has
    /// a NAV close for each of them, at the same index.
    let days: [Date]
    private let historyCloses: [Int: [Decimal]]
    private let historyDayCount: Int
    private let laterCloses: [[Int: Decimal]]

    init(
        accounts: [SimulatedAccount], universe: InstrumentUniverse, fx: FXTable, calendar: TradingCalendar,
        today: Date, history: PriceHistory, closedDays: [ClosedDay]
    ) {
        self.accounts = accounts
        self.universe = universe
        self.fx = fx
        self.calendar = calendar
        self.today = today
        days = history.days + closedDays.map(\.day)
        historyCloses = history.closes
        historyDayCount = history.days.count
        laterCloses = closedDays.map(\.closes)
    }

    /// The close of `conid` on closed day `index`.
    func close(_ conid: Int, day index: Int) -> Decimal? {
        if index < historyDayCount {
            guard let series = historyCloses[conid], series.indices.contains(index) else { return nil }
            return series[index]
        }
        let later = index - historyDayCount
        return laterCloses.indices.contains(later) ? laterCloses[later][conid] : nil
    }

    /// The closed day whose close first includes something that happened at `date`: its own trading day, or the
    /// next weekday when it fell on a weekend. `nil` when that day has not closed yet.
    func dayIndex(of date: Date) -> Int? {
        let day = calendar.tradingDay(of: date)
        var low = 0
        var high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low < days.count ? low : nil
    }
}
