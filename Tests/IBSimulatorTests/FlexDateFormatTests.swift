import Foundation
import Testing

@testable import IBSimulator

/// The date and time spellings a Flex query can choose (reference §6.2), in New York time.
@Suite struct FlexDateFormatTests {
    private func clock(_ date: FlexDateFormat, _ time: FlexTimeFormat = .HHmmss, _ separator: String = ";") -> StatementClock {
        StatementClock(dateFormat: date, timeFormat: time, separator: separator, zone: TradingCalendar().newYork)
    }

    @Test func everyDateFormat() throws {
        // 01:05:09 UTC on 8 August 2025 is still the 7th in New York.
        let instant = try #require(ISO8601DateFormatter().date(from: "2025-08-08T01:05:09Z"))
        let expected: [FlexDateFormat: String] = [
            .yyyyMMdd: "20250807", .isoDashed: "2025-08-07", .usSlashed: "08/07/2025", .europeanSlashed: "07/08/2025",
            .dayMonthName: "07-Aug-25",
        ]
        for format in FlexDateFormat.allCases { #expect(clock(format).date(instant) == expected[format]) }
        #expect(clock(.yyyyMMdd).dateTime(instant) == "20250807;210509")
        #expect(clock(.isoDashed, .colons).dateTime(instant) == "2025-08-07;21:05:09")
        #expect(clock(.dayMonthName, .colons, " ").dateTime(instant) == "07-Aug-25 21:05:09")
    }
}
