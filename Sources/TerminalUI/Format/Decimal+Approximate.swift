import Foundation

extension Decimal {
    /// The nearest `Double` (to an ulp or two), for sort keys and other comparisons that need no exact cents,
    /// never for an amount shown. `NSDecimalNumber` allocates an object per call; this reads the digits from the
    /// value's bytes when their layout is the one probed at start (swift-foundation's), and falls back otherwise.
    var approximateDouble: Double {
        Self.layoutIsKnown ? bytesAsDouble : NSDecimalNumber(decimal: self).doubleValue
    }

    /// swift-foundation's layout: the exponent in byte 0, the length in the high half of byte 1 and the sign in
    /// its bit 3, then eight 16-bit words of the significand from byte 4, least significant first.
    private var bytesAsDouble: Double {
        withUnsafeBytes(of: self) { bytes in
            guard bytes.count >= 20 else { return .nan }
            let exponent = Int(Int8(bitPattern: bytes[0]))
            let length = min(Int(bytes[1] >> 4), 8)
            let negative = bytes[1] & 0x08 != 0
            if length == 0 { return negative ? .nan : 0 }
            var value = 0.0
            for index in stride(from: length - 1, through: 0, by: -1) {
                value = value * 65536 + Double(UInt16(bytes[4 + 2 * index]) | UInt16(bytes[5 + 2 * index]) << 8)
            }
            let scale = powersOfTen[abs(exponent)]
            value = exponent < 0 ? value / scale : value * scale
            return negative ? -value : value
        }
    }

    /// True when reading the bytes gives the right value for a few numbers that use every part of the layout.
    private static let layoutIsKnown: Bool = {
        let probes: [(Decimal, Double)] = [
            (0, 0), (-1, -1), (Decimal(sign: .minus, exponent: -2, significand: 12_345), -123.45),
            (Decimal(1 << 40 + 3), Double(1 << 40 + 3)), (Decimal(sign: .plus, exponent: 3, significand: 7), 7_000),
        ]
        return probes.allSatisfy { $0.0.bytesAsDouble == $0.1 }
    }()
}

/// 10⁰ … 10¹²⁸: a `Decimal`'s exponent is an 8-bit signed number.
private let powersOfTen: [Double] = (0...128).map { pow(10, Double($0)) }
