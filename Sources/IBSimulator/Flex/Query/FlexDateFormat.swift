/// How a Flex query writes dates (reference §6.2): chosen per query in Client Portal.
public enum FlexDateFormat: String, Sendable, Hashable, CaseIterable {
    case yyyyMMdd = "yyyyMMdd"
    case isoDashed = "yyyy-MM-dd"
    case usSlashed = "MM/dd/yyyy"
    case europeanSlashed = "dd/MM/yyyy"
    case dayMonthName = "dd-MMM-yy"
}

/// How a Flex query writes the time of day.
public enum FlexTimeFormat: String, Sendable, Hashable, CaseIterable {
    case HHmmss = "HHmmss"
    case colons = "HH:mm:ss"
}
