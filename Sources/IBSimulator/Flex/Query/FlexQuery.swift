/// A saved Flex query the simulated service knows by its id.
public struct FlexQuery: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// An Activity Flex query: a statement with the sections of reference §7.
        case activity
        /// A legacy query, which IBKR refuses with 1010.
        case legacy
    }

    /// Numeric, as Client Portal shows it.
    public var id: String
    /// The statement's `queryName`.
    public var name: String
    public var kind: Kind
    public var period: FlexPeriod
    public var dateFormat: FlexDateFormat
    public var timeFormat: FlexTimeFormat
    /// Between date and time in date-times: `;` unless the query says otherwise.
    public var dateTimeSeparator: String
    /// How long GetStatement answers 1019 after SendRequest; `nil` takes the service's delay.
    public var generationDelay: Duration?

    public init(
        id: String, name: String, kind: Kind = .activity, period: FlexPeriod = .last365CalendarDays,
        dateFormat: FlexDateFormat = .yyyyMMdd, timeFormat: FlexTimeFormat = .HHmmss, dateTimeSeparator: String = ";",
        generationDelay: Duration? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.period = period
        self.dateFormat = dateFormat
        self.timeFormat = timeFormat
        self.dateTimeSeparator = dateTimeSeparator
        self.generationDelay = generationDelay
    }

    /// A year of history with IBKR's default `yyyyMMdd` and `HHmmss`.
    public static func dashboard(id: String) -> FlexQuery { FlexQuery(id: id, name: "Portfolio Dashboard") }

    /// The last 30 days with `yyyy-MM-dd` and `HH:mm:ss`: a statement that starts with positions and cash
    /// already open.
    public static func isoDates(id: String) -> FlexQuery {
        FlexQuery(
            id: id, name: "Dashboard ISO Dates", period: .last30CalendarDays, dateFormat: .isoDashed,
            timeFormat: .colons)
    }

    /// A legacy query: SendRequest answers 1010.
    public static func legacy(id: String) -> FlexQuery { FlexQuery(id: id, name: "Legacy Activity", kind: .legacy) }

    /// The built-in queries by name, for `ibdash sim --flex-query ID=PRESET`.
    public static func preset(_ name: String, id: String) -> FlexQuery? {
        switch name {
        case "dashboard": dashboard(id: id)
        case "iso": isoDates(id: id)
        case "legacy": legacy(id: id)
        default: nil
        }
    }

    public static let presetNames = ["dashboard", "iso", "legacy"]
}
