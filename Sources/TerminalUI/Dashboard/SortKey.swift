import Foundation

/// A value a list is sorted by.
public enum SortKey: Hashable, Sendable, Comparable {
    case text(String)
    /// Compared as a `Double`: ordering needs no exact cents, and comparing `Decimal`s is slow.
    case number(Double)

    public static func amount(_ value: Decimal) -> SortKey { .number(value.approximateDouble) }

    /// Text compared without regard to case.
    public static func word(_ text: String) -> SortKey { .text(text.lowercased()) }

    public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs, rhs) {
        case (.text(let left), .text(let right)): left < right
        case (.number(let left), .number(let right)): left < right
        case (.number, .text): true
        case (.text, .number): false
        }
    }
}
