import Foundation

/// The closed days a statement covers, and how its `FlexStatement` element names them.
struct StatementPeriod: Sendable {
    /// Indexes into `FlexLedger.days`.
    let days: ClosedRange<Int>
    let fromDate: Date
    let toDate: Date
    /// The `period` attribute: the query's period, or empty when the request overrides it.
    let name: String

    /// The longest period a request may ask for, in calendar days.
    static let longest = 365

    /// The query's period, or the request's `fd` and `td` (`yyyymmdd`, both or neither) or `p` (days back)
    /// overrides of reference §2.2.
    static func resolve(
        query: FlexQuery, parameters: [String: String], ledger: FlexLedger
    ) throws(FlexErrorCode) -> StatementPeriod {
        switch (parameters["fd"], parameters["td"], parameters["p"]) {
        case (nil, nil, nil):
            return try lookback(calendarDays: query.period.calendarDays, name: query.period.name, ledger: ledger)
        case (nil, nil, let daysBack?):
            guard daysBack.isASCIIDigits, daysBack.count <= 3, let count = Int(daysBack), (1...longest).contains(count)
            else { throw .invalidRequest }
            return try lookback(calendarDays: count, name: "", ledger: ledger)
        case (let from?, let to?, nil):
            guard let first = day(from, ledger.calendar), let last = day(to, ledger.calendar), first <= last,
                ledger.calendar.newYork.reading(last).days - ledger.calendar.newYork.reading(first).days <= longest
            else { throw .invalidRequest }
            guard last < ledger.today else { throw .statementNotAvailable }
            guard let covered = covering(ledger.days.indices.filter { (first...last).contains(ledger.days[$0]) }) else {
                throw .statementNotAvailable
            }
            return StatementPeriod(days: covered, fromDate: first, toDate: last, name: "")
        default:
            throw .invalidRequest
        }
    }

    private static func lookback(calendarDays: Int, name: String, ledger: FlexLedger) throws(FlexErrorCode) -> StatementPeriod {
        let start = ledger.calendar.newYork.adding(days: -calendarDays, to: ledger.today)
        guard let covered = covering(ledger.days.indices.filter { ledger.days[$0] >= start }) else {
            throw .statementNotAvailable
        }
        return StatementPeriod(
            days: covered, fromDate: ledger.days[covered.lowerBound], toDate: ledger.days[covered.upperBound], name: name)
    }

    private static func covering(_ indices: [Int]) -> ClosedRange<Int>? {
        guard let first = indices.first, let last = indices.last else { return nil }
        return first...last
    }

    /// New York midnight of a `yyyymmdd` date; `nil` unless it is a real one.
    private static func day(_ text: String, _ calendar: TradingCalendar) -> Date? {
        guard text.count == 8, text.isASCIIDigits, let year = Int(text.prefix(4)),
            let month = Int(text.dropFirst(4).prefix(2)), let day = Int(text.suffix(2))
        else { return nil }
        guard let date = SimulatorDate(year: year, month: month, day: day) else { return nil }
        return calendar.newYork.instant(days: date.daysSince1970, secondsOfDay: 0)
    }
}
