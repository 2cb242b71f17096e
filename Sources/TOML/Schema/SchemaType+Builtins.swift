import Foundation

extension SchemaType where Value == String {
    public static var string: SchemaType<String> {
        SchemaType(name: "string", expectation: "a string", read: \.string, write: TOMLKey.quoted)
    }
}

extension SchemaType where Value == Bool {
    public static var boolean: SchemaType<Bool> {
        SchemaType(name: "boolean", expectation: "true or false", read: \.boolean, write: { String($0) })
    }
}

extension SchemaType where Value == Int {
    public static var integer: SchemaType<Int> {
        SchemaType(name: "integer", expectation: "an integer", read: { $0.integer.flatMap(Int.init(exactly:)) }) {
            String($0)
        }
    }

    public static func integer(in range: ClosedRange<Int>) -> SchemaType<Int> {
        SchemaType(
            name: "integer \(range.lowerBound)…\(range.upperBound)",
            expectation: "an integer from \(range.lowerBound) to \(range.upperBound)",
            read: { value in value.integer.flatMap(Int.init(exactly:)).flatMap { range.contains($0) ? $0 : nil } }
        ) { String($0) }
    }
}

extension SchemaType where Value == Double {
    /// Integers are numbers too; `nan` and the infinities are not accepted.
    public static var number: SchemaType<Double> {
        SchemaType(
            name: "number", expectation: "a number",
            read: { value in value.number.flatMap { $0.isFinite ? $0 : nil } },
            write: TOMLValue.text(of:))
    }
}

extension SchemaType where Value == Duration {
    /// `"15s"`, `"500ms"`, `"6h"`, `"1h30m"`.
    public static var duration: SchemaType<Duration> {
        .written(as: "duration", expectation: "a duration such as \"15s\"", parse: DurationText.parse, format: DurationText.format)
    }
}

extension SchemaType where Value == Decimal {
    /// `"2.5%"`, read as the fraction 0.025.
    public static var percent: SchemaType<Decimal> {
        .written(as: "percent", expectation: "a percentage such as \"2.5%\"", parse: PercentText.parse, format: PercentText.format)
    }
}

extension SchemaType where Value == RGBColor {
    /// `"#5faf87"`.
    public static var color: SchemaType<RGBColor> {
        .written(as: "colour", expectation: "a colour such as \"#5faf87\"", parse: RGBColor.init(hex:), format: \.hex)
    }
}

extension SchemaType where Value == [String] {
    public static var strings: SchemaType<[String]> {
        SchemaType(
            name: "array of strings", expectation: "an array of strings",
            read: { value in
                guard let elements = value.array else { return nil }
                let strings = elements.compactMap(\.string)
                return strings.count == elements.count ? strings : nil
            },
            write: { "[" + $0.map(TOMLKey.quoted).joined(separator: ", ") + "]" })
    }
}

extension SchemaType where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the words of a Swift enum, spelled as its raw values.
    public static var word: SchemaType<Value> {
        let words = Value.allCases.map(\.rawValue)
        return SchemaType(
            name: "one of: " + words.joined(separator: ", "),
            expectation: "one of " + words.map(TOMLKey.quoted).joined(separator: ", "),
            read: { $0.string.flatMap(Value.init(rawValue:)) },
            write: { TOMLKey.quoted($0.rawValue) })
    }
}

extension SchemaType {
    /// A value written as a string in a form of its own: `"15s"`, `"2.5%"`, `"#5faf87"`.
    static func written(
        as name: String, expectation: String, parse: @escaping @Sendable (String) -> Value?,
        format: @escaping @Sendable (Value) -> String
    ) -> SchemaType<Value> {
        SchemaType(
            name: name, expectation: expectation, read: { $0.string.flatMap(parse) },
            write: { TOMLKey.quoted(format($0)) })
    }
}
