import Foundation
import Testing

@testable import IBDashKit

@Suite struct AmountTextTests {
    private func decimal(_ text: String) -> Decimal { StatusFixtures.decimal(text) }

    @Test func groupedRoundsHalfAwayFromZeroAndGroupsByThousands() {
        #expect(AmountText.grouped(decimal("1234567.891"), places: 2) == "1,234,567.89")
        #expect(AmountText.grouped(decimal("-1234.5"), places: 2) == "-1,234.50")
        #expect(AmountText.grouped(decimal("999.995"), places: 2) == "1,000.00")
        #expect(AmountText.grouped(decimal("123"), places: 0) == "123")
        #expect(AmountText.grouped(decimal("-0.004"), places: 2) == "0.00")
        #expect(AmountText.grouped(decimal("100000"), places: 0) == "100,000")
    }

    @Test func signedSpellsOutTheDirection() {
        #expect(AmountText.signed(decimal("4120.4"), places: 0) == "+4,120")
        #expect(AmountText.signed(decimal("-4120.5"), places: 0) == "-4,121")
        #expect(AmountText.signed(0, places: 2) == "0.00")
        #expect(AmountText.signed(decimal("0.001"), places: 2) == "0.00")
    }

    @Test func compactKeepsThreeSignificantDigits() {
        #expect(AmountText.compact(decimal("950")) == "950")
        #expect(AmountText.compact(decimal("1234")) == "1.23K")
        #expect(AmountText.compact(decimal("45600")) == "45.6K")
        #expect(AmountText.compact(decimal("456789")) == "457K")
        #expect(AmountText.compact(decimal("999600")) == "1.00M")
        #expect(AmountText.compact(decimal("1234567.891")) == "1.23M")
        #expect(AmountText.compact(decimal("-2500000000")) == "-2.50B")
        #expect(AmountText.compact(decimal("1234000000000")) == "1234B")
        #expect(AmountText.compact(0) == "0")
    }

    @Test func pricesKeepTheirDecimals() {
        #expect(AmountText.price(decimal("190.1")) == "190.10")
        #expect(AmountText.price(decimal("1.08345")) == "1.08345")
        #expect(AmountText.price(decimal("2500")) == "2,500.00")
    }

    @Test func decimalTextIsExactAndStrict() throws {
        #expect(DecimalText.parse("-1234.5") == decimal("-1234.5"))
        #expect(DecimalText.parse("0.000000000000000000001") == decimal("0.000000000000000000001"))
        for bad in ["", "-", "1.", ".5", "12abc", "1e5", "+1", "1,000", " 1"] {
            #expect(DecimalText.parse(bad) == nil, "\(bad)")
        }
    }
}
