/// The period a Flex query covers when the request does not override it: the calendar days before today.
public struct FlexPeriod: Sendable, Hashable {
    /// The statement's `period` attribute.
    public var name: String
    public var calendarDays: Int

    public init(name: String, calendarDays: Int) {
        self.name = name
        self.calendarDays = calendarDays
    }

    public static let last365CalendarDays = FlexPeriod(name: "Last365CalendarDays", calendarDays: 365)
    public static let last30CalendarDays = FlexPeriod(name: "Last30CalendarDays", calendarDays: 30)
}
