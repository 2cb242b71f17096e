/// Where a binding applies: everywhere, or only while a filter is typed (when every other key is text).
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case global
    case lists
    case filtering

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .lists: "Lists and details"
        case .filtering: "While typing a filter"
        }
    }
}
