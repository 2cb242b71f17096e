import Foundation
import Testing

@testable import Portfolio

/// The integer fast paths of `Decimal` multiplication, division and subtraction against Foundation's operators.
@Suite struct DecimalArithmeticTests {
    /// Amounts, prices, quantities, rates and shares as they come from IBKR, of both signs, with the edges:
    /// zero, one, significands past 64 bits, large and small exponents.
    static let values: [Decimal] = {
        let texts = [
            "0", "1", "-1", "100", "0.01", "227.48", "-98765.4321", "1.0875", "0.9195", "1234567.89", "-0.000123",
            "50", "7220.00", "91949.999", "18446744073709551615", "18446744073709551616", "123456789012345678901234.5",
            "1e40", "-3e-40", "0.3333333333333333333333333333333333333",
        ]
        return texts.compactMap { Decimal(string: $0) }
    }()

    /// A seeded spread of values with up to 17 digits and varied exponents.
    static func spread(_ count: Int, seed: UInt64) -> [Decimal] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let significand = Decimal(state >> (11 + state % 40))
            let exponent = Int(state % 17) - 10
            return Decimal(sign: state & 1 == 0 ? .plus : .minus, exponent: exponent, significand: significand)
        }
    }

    @Test func productsAreExactlyFoundations() {
        let values = Self.values + Self.spread(60, seed: 11)
        for left in values {
            for right in values {
                let product = left.multiplied(by: right)
                #expect(product == left * right, "\(left) × \(right)")
                // No trailing zeros, as Foundation's own results print.
                #expect(product.description == (left * right).description, "\(left) × \(right)")
            }
        }
    }

    @Test func differencesAreExactlyFoundations() {
        let values = Self.values + Self.spread(60, seed: 17)
        for left in values {
            for right in values {
                let difference = left.subtracting(right)
                #expect(difference == left - right, "\(left) − \(right)")
                #expect(difference.description == (left - right).description, "\(left) − \(right)")
            }
        }
    }

    /// Within 10⁻¹⁷ of `exact`, relatively.
    static func near(_ value: Decimal, _ exact: Decimal) -> Bool {
        (value - exact).magnitude <= exact.magnitude * Decimal(sign: .plus, exponent: -17, significand: 1)
    }

    @Test func quotientsAgreeWithFoundationsTo18Digits() throws {
        // Operands of up to 18 digits, where Foundation's own quotient is right to its 38 digits.
        let values = Self.values.filter { ($0.parts?.significand ?? 0) < 1_000_000_000_000_000_000 && abs($0.exponent) < 20 }
            + Self.spread(60, seed: 5)
        for left in values {
            for right in values where !right.isZero {
                #expect(Self.near(left.divided(by: right), left / right), "\(left) ÷ \(right)")
            }
        }
        // Worked out to 60 digits elsewhere (Python's decimal). Foundation's `/` loses digits on the first two.
        let worked: [(String, String, String)] = [
            ("1e40", "18446744073709551615", "542101086242752217033.1137592055280434137"),
            ("1e40", "11039251.1534", "905858546113436412144162169796259.1079099"),
            ("227.48", "0.9195", "247.39532354540511147362697117998912452"),
            ("-98765.4321", "1234567.89", "-0.080000000729000006633900060368490549353"),
            ("123456789012345678901234.5", "7", "17636684144620811271604.928571428571428"),
        ]
        for (left, right, quotient) in worked {
            let fast = try #require(Decimal(string: left)).divided(by: try #require(Decimal(string: right)))
            #expect(Self.near(fast, try #require(Decimal(string: quotient))), "\(left) ÷ \(right) = \(fast)")
        }
        // A quotient that ends is exact, and printed as Foundation prints it.
        let share = try #require(Decimal(string: "7850.75")).divided(by: 100_000)
        #expect(share == Decimal(string: "0.0785075"))
        #expect(share.description == "0.0785075")
        #expect(Decimal(1).divided(by: 0).isNaN)
        #expect(Decimal(0).divided(by: 7) == 0)
    }

    @Test func movingThePointIsMultiplyingByAPowerOfTen() {
        for value in Self.values + Self.spread(40, seed: 3) where value.exponent < 120 {
            #expect(value.movingPoint(by: 2) == value * 100, "\(value)")
        }
        #expect(Decimal.nan.movingPoint(by: 2).isNaN)
    }
}
