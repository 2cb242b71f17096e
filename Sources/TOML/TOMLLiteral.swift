/// Classifies a bare token after `=`: boolean, integer or float, or a clear refusal (dates, unquoted words).
enum TOMLLiteral {
    struct Refusal: Error {
        var message: String
    }

    static func parse(_ token: String) throws(Refusal) -> TOMLValue.Kind {
        switch token {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let scalars = Array(token.unicodeScalars)
        if looksLikeDateOrTime(scalars) {
            throw Refusal(message: "dates and times are not supported here; write \(token) as a string")
        }
        if let first = scalars.first, first.properties.isAlphabetic {
            throw Refusal(message: "expected a value, found '\(token)' (a string needs quotes)")
        }
        if let radix = radixPrefix(token) {
            return .integer(try integer(String(token.dropFirst(2)), radix: radix, token: token))
        }
        if token.contains(where: { ".eE".contains($0) }) {
            return .float(try float(token))
        }
        return .integer(try integer(token, radix: 10, token: token))
    }

    /// `1979-05-27…` or `07:32:00…`: refused with a message rather than misread as a number.
    private static func looksLikeDateOrTime(_ scalars: [Unicode.Scalar]) -> Bool {
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= scalars.count && range.allSatisfy { ("0"..."9").contains(scalars[$0]) }
        }
        let date = digits(0..<4) && scalars.count > 4 && scalars[4] == "-"
        let time = digits(0..<2) && scalars.count > 2 && scalars[2] == ":"
        return date || time
    }

    private static func radixPrefix(_ token: String) -> Int? {
        switch token.prefix(2) {
        case "0x": 16
        case "0o": 8
        case "0b": 2
        default: nil
        }
    }

    /// Digits with single underscores between them, as TOML allows in every kind of number.
    private static func digitsWithoutUnderscores(_ text: Substring, token: String) throws(Refusal) -> String {
        if text.first == "_" || text.last == "_" || text.contains("__") {
            throw Refusal(message: "an underscore in a number must stand between two digits: \(token)")
        }
        return text.replacingUnderscores()
    }

    private static func integer(_ text: String, radix: Int, token: String) throws(Refusal) -> Int64 {
        var body = Substring(text)
        var negative = false
        if radix == 10, let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        let digits = try digitsWithoutUnderscores(body, token: token)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit && Int(String($0), radix: radix) != nil }) else {
            throw Refusal(message: "'\(token)' is not a number")
        }
        if radix == 10, digits.count > 1, digits.first == "0" {
            throw Refusal(message: "leading zeros are not allowed in a number: \(token)")
        }
        guard let value = Int64(negative ? "-" + digits : digits, radix: radix) else {
            throw Refusal(message: "\(token) does not fit in a 64-bit integer")
        }
        return value
    }

    /// `[+-]int(.digits)?([eE][+-]?digits)?`, where the integer part follows the integer rules.
    private static func float(_ token: String) throws(Refusal) -> Double {
        let notANumber = Refusal(message: "'\(token)' is not a number")
        var body = Substring(token)
        if let sign = body.first, sign == "+" || sign == "-" { body = body.dropFirst() }
        let exponentStart = body.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = body[..<(exponentStart ?? body.endIndex)]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { throw notANumber }
        let wholeDigits = try digitsWithoutUnderscores(whole, token: token)
        guard !wholeDigits.isEmpty, wholeDigits.allSatisfy(\.isASCIIDigit) else { throw notANumber }
        if wholeDigits.count > 1, wholeDigits.first == "0" {
            throw Refusal(message: "leading zeros are not allowed in a number: \(token)")
        }
        if parts.count == 2 {
            let fraction = try digitsWithoutUnderscores(parts[1], token: token)
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { throw notANumber }
        }
        if let exponentStart {
            var exponent = body[body.index(after: exponentStart)...]
            if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
            let digits = try digitsWithoutUnderscores(exponent, token: token)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { throw notANumber }
        }
        guard let value = Double(token.replacingUnderscores()) else { throw notANumber }
        return value
    }
}

extension StringProtocol {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
