import Foundation
import Testing

@testable import IBKR

/// The Flex fixtures (Fixtures/flex, copied into the test bundle) and the statement generator next to them.
enum FlexFixtures {
    static func data(_ name: String) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/flex"),
            "fixture \(name) missing from the test bundle")
        return try Data(contentsOf: url)
    }

    static func parse(_ name: String, options: FlexStatementParser.Options = .init()) throws -> FlexQueryResponse {
        try FlexStatementParser(options: options).parse(data(name))
    }

    static func parse(xml: String) throws -> FlexQueryResponse {
        try FlexStatementParser().parse(Data(xml.utf8))
    }

    /// The generator in the source tree (not the bundle copy), found from this file's path.
    static var generatorPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/flex/generate_statement.py").path
    }

    /// Runs `python3 generate_statement.py ARGUMENTS` and returns what it wrote.
    static func generate(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generatorPath] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "generate_statement.py \(arguments) failed")
        return data
    }

    /// How often `<name ` or `<name>` starts a tag in `data`: an independent count of rows.
    static func count(element name: String, in data: Data) -> Int {
        let needle = Array("<\(name)".utf8)
        let bytes = [UInt8](data)
        var count = 0
        var index = 0
        while index + needle.count < bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle),
                bytes[index + needle.count] == UInt8(ascii: " ") || bytes[index + needle.count] == UInt8(ascii: ">")
            {
                count += 1
                index += needle.count
            } else {
                index += 1
            }
        }
        return count
    }
}

extension Optional where Wrapped == FlexDecimal {
    /// The value as a Decimal; an absent value counts as zero, as verify_statement.py counts it.
    var orZero: Decimal { self?.decimal ?? 0 }
}

func decimal(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
}

func flexDate(_ year: Int, _ month: Int, _ day: Int) -> FlexDate? {
    FlexDate(year: year, month: month, day: day)
}
