import Foundation

/// An amount as the status documents carry it: an exact decimal string such as `"-1234.5"` (never a binary
/// floating-point number, which would round it), or `null` when the amount is unknown.
@propertyWrapper
public struct DecimalText: Codable, Hashable, Sendable {
    public var wrappedValue: Decimal?

    public init(wrappedValue: Decimal?) {
        self.wrappedValue = wrappedValue.flatMap { $0.isNaN ? nil : $0 }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            wrappedValue = nil
            return
        }
        let text = try container.decode(String.self)
        guard let value = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(String(text.prefix(40)).sanitized) is not a decimal number")
        }
        wrappedValue = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue.description) } else { try container.encodeNil() }
    }

    /// Only `-?digits(.digits)?`: `Decimal(string:)` alone would read `12abc` as 12.
    static func parse(_ text: String) -> Decimal? {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } })
        else { return nil }
        // No locale: the decimal point is then ".", and a Locale would load ICU.
        return Decimal(string: text)
    }
}
