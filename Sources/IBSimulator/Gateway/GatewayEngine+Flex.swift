import Foundation

extension GatewayEngine {
    /// The accounts and closes as of `now`, for a Flex statement.
    func flexLedger(at now: Date) -> FlexLedger {
        advance(to: now)
        return FlexLedger(
            accounts: accounts, universe: market.universe, fx: fx, calendar: calendar, today: market.day,
            history: history, closedDays: closedDays)
    }
}
