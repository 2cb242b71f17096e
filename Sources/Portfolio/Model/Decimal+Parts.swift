import Foundation

extension Decimal {
    /// The nearest `Double` (to an ulp or two), for sort keys and other comparisons that need no exact cents,
    /// never for an amount shown. `NSDecimalNumber` allocates an object per call; this reads the digits from the
    /// value's bytes when their layout is the one probed at start (swift-foundation's), and falls back otherwise.
    package var approximateDouble: Double {
        guard Self.layoutIsKnown else { return NSDecimalNumber(decimal: self).doubleValue }
        return withLayout { exponent, negative, length, word in
            guard length > 0 else { return negative ? .nan : 0 }
            var value = 0.0
            for index in stride(from: length - 1, through: 0, by: -1) { value = value * 65536 + Double(word(index)) }
            let scale = powersOfTen[abs(exponent)]
            value = exponent < 0 ? value / scale : value * scale
            return negative ? -value : value
        }
    }

    /// 1 above zero, -1 below, 0 for zero (and NaN), read from the value: comparing with `<` costs as much as
    /// formatting the number.
    package var signum: Int { isZero || isNaN ? 0 : sign == .minus ? -1 : 1 }

    /// The exact value as `significand × 10^exponent`, the significand in all its 128 bits; `nil` for NaN and
    /// where the layout is not known. Lets `NumberText` round and print with integer arithmetic instead of
    /// `Decimal`'s, at a tenth of the cost.
    package var parts: (negative: Bool, significand: UInt128, exponent: Int)? {
        guard Self.layoutIsKnown else { return nil }
        return withLayout { exponent, negative, length, word in
            if length == 0 { return negative ? nil : (false, 0, 0) }
            var significand: UInt128 = 0
            for index in stride(from: length - 1, through: 0, by: -1) { significand = significand << 16 | UInt128(word(index)) }
            return (negative, significand, exponent)
        }
    }

    /// 10⁰ … 10³⁸, every power of ten a `UInt128` holds: for arithmetic on `parts`.
    package static let significandPowers: [UInt128] = (0...38).map { exponent in
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }

    /// swift-foundation's layout: the exponent in byte 0, the length in the high half of byte 1 and the sign in
    /// its bit 3, then eight 16-bit words of the significand from byte 4, least significant first. `body` gets
    /// the exponent, the sign, how many words are in use (none for zero and NaN) and a reader of each.
    private func withLayout<Result>(_ body: (Int, Bool, Int, (Int) -> UInt16) -> Result) -> Result {
        withUnsafeBytes(of: self) { bytes in
            let exponent = Int(Int8(bitPattern: bytes[0]))
            let length = min(Int(bytes[1] >> 4), 8)
            let negative = bytes[1] & 0x08 != 0
            return body(exponent, negative, length) { index in UInt16(bytes[4 + 2 * index]) | UInt16(bytes[5 + 2 * index]) << 8 }
        }
    }

    /// True when reading the bytes gives the right value for a few numbers that use every part of the layout.
    private static let layoutIsKnown: Bool = {
        guard MemoryLayout<Decimal>.size >= 20 else { return false }
        let probes: [(Decimal, Double)] = [
            (0, 0), (-1, -1), (Decimal(sign: .minus, exponent: -2, significand: 12_345), -123.45),
            (Decimal(1 << 40 + 3), Double(1 << 40 + 3)), (Decimal(sign: .plus, exponent: 3, significand: 7), 7_000),
        ]
        return probes.allSatisfy { decimal, expected in
            decimal.withLayout { exponent, negative, length, word in
                guard length <= 4 else { return false }
                var significand: UInt64 = 0
                for index in stride(from: length - 1, through: 0, by: -1) { significand = significand << 16 | UInt64(word(index)) }
                let power = pow(10, Double(abs(exponent)))
                let magnitude = exponent < 0 ? Double(significand) / power : Double(significand) * power
                return (negative ? -magnitude : magnitude) == expected
            }
        }
    }()
}

/// 10⁰ … 10¹²⁸: a `Decimal`'s exponent is an 8-bit signed number.
private let powersOfTen: [Double] = (0...128).map { pow(10, Double($0)) }
