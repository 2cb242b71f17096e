extension StringProtocol {
    /// Non-empty and only `0`–`9`: tokens, query ids, reference codes and override dates are such numbers.
    var isASCIIDigits: Bool { !isEmpty && utf8.allSatisfy { (48...57).contains($0) } }
}
