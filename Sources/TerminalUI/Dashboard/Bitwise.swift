import Glibc

/// Whether two values are the very same bits: the same numbers and the same references, hence equal, for any
/// type. A few bytes compared, where `==` on a position walks every field: the quick "nothing changed" check
/// before the exact one. Different bits say nothing (padding, equal strings in other storage): ask `==`.
enum Bitwise {
    static func same<Value>(_ lhs: Value, _ rhs: Value) -> Bool {
        withUnsafeBytes(of: lhs) { left in
            withUnsafeBytes(of: rhs) { right in
                guard let start = left.baseAddress, let other = right.baseAddress else { return left.count == right.count }
                return memcmp(start, other, left.count) == 0
            }
        }
    }
}

/// Equal, by the bits first: what most unchanged fields of a new fetch are (numbers parsed from the same text),
/// so `==` runs only where they differ. `Decimal`'s own `==` normalises both sides on every call.
func isSame<Value: Equatable>(_ lhs: Value, _ rhs: Value) -> Bool { Bitwise.same(lhs, rhs) || lhs == rhs }
