import Foundation

/// The account-wide metrics of `/portfolio/{id}/summary`, all in the account's base currency.
/// A metric IBKR did not send (or sent with `isNull`) is `nil`, never zero.
public struct AccountSummary: Hashable, Sendable {
    public var currency: Currency
    public var netLiquidation: Decimal?
    public var totalCash: Decimal?
    public var grossPositionValue: Decimal?
    public var equityWithLoan: Decimal?
    public var previousDayEquityWithLoan: Decimal?
    public var availableFunds: Decimal?
    public var excessLiquidity: Decimal?
    public var buyingPower: Decimal?
    public var initialMargin: Decimal?
    public var maintenanceMargin: Decimal?
    /// Excess liquidity as a fraction of net liquidation (0…1), sent by IBKR as a string.
    public var cushion: Decimal?
    public var leverage: Decimal?
    public var sma: Decimal?
    public var lookAhead: LookAhead
    /// `nil` when unknown; IBKR's `-1` (no limit) becomes `.unlimited`.
    public var dayTradesRemaining: DayTrades?
    /// When IBKR computed these values.
    public var asOf: Date?

    public struct LookAhead: Hashable, Sendable {
        public var initialMargin: Decimal?
        public var maintenanceMargin: Decimal?
        public var availableFunds: Decimal?
        public var excessLiquidity: Decimal?
        public var nextChange: Date?

        public init(
            initialMargin: Decimal? = nil, maintenanceMargin: Decimal? = nil,
            availableFunds: Decimal? = nil, excessLiquidity: Decimal? = nil, nextChange: Date? = nil
        ) {
            self.initialMargin = initialMargin
            self.maintenanceMargin = maintenanceMargin
            self.availableFunds = availableFunds
            self.excessLiquidity = excessLiquidity
            self.nextChange = nextChange
        }
    }

    public enum DayTrades: Hashable, Sendable {
        case unlimited
        case remaining(Int)
    }

    public init(
        currency: Currency, netLiquidation: Decimal? = nil, totalCash: Decimal? = nil,
        grossPositionValue: Decimal? = nil, equityWithLoan: Decimal? = nil,
        previousDayEquityWithLoan: Decimal? = nil, availableFunds: Decimal? = nil,
        excessLiquidity: Decimal? = nil, buyingPower: Decimal? = nil, initialMargin: Decimal? = nil,
        maintenanceMargin: Decimal? = nil, cushion: Decimal? = nil, leverage: Decimal? = nil,
        sma: Decimal? = nil, lookAhead: LookAhead = LookAhead(), dayTradesRemaining: DayTrades? = nil,
        asOf: Date? = nil
    ) {
        self.currency = currency
        self.netLiquidation = netLiquidation
        self.totalCash = totalCash
        self.grossPositionValue = grossPositionValue
        self.equityWithLoan = equityWithLoan
        self.previousDayEquityWithLoan = previousDayEquityWithLoan
        self.availableFunds = availableFunds
        self.excessLiquidity = excessLiquidity
        self.buyingPower = buyingPower
        self.initialMargin = initialMargin
        self.maintenanceMargin = maintenanceMargin
        self.cushion = cushion
        self.leverage = leverage
        self.sma = sma
        self.lookAhead = lookAhead
        self.dayTradesRemaining = dayTradesRemaining
        self.asOf = asOf
    }
}
