/// Where text sits in a field wider than itself; numbers are right-aligned so their digits line up.
public enum Alignment: Hashable, Sendable {
    case left, center, right
}
