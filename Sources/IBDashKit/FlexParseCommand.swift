import ArgumentParser
import Foundation
import IBKR
import Portfolio

/// `ibdash flex parse FILE`: what ibdash reads in a statement, to check a Flex query's setup.
public struct FlexParseCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show what ibdash reads in a Flex statement file.",
        discussion: """
            For each account's statement: its period, every section with its row count, rows by level of \
            detail (executions, closed lots, …), and the elements and attributes ibdash does not know. Use it \
            to check that the Flex query has the sections the dashboard needs: EquitySummaryInBase (daily NAV), \
            Trades (executions), CashTransactions, OpenPositions (with lots) and ConversionRates.

            The file is a statement saved with `ibdash flex fetch --out FILE`, or downloaded from Client Portal \
            in XML format. --json prints the parsed statement instead, for scripts.

            Exit status: 0 read; 2 the file is missing or not a readable Flex XML statement; 5 any other failure.
            """
    )

    @Argument(help: ArgumentHelp("The statement file (XML).", valueName: "file"))
    public var file: String

    @Flag(help: "Print the parsed statement as JSON instead of the summary.")
    public var json = false

    public init() {}

    public func run() async throws {
        try execute(output: .terminal).finish()
    }

    /// Reads and prints; returns the exit status.
    func execute(output: CommandOutput) -> ExitStatus {
        let shown = file.sanitized
        let fail = { (message: String, code: ExitStatus) -> ExitStatus in
            output.note("ibdash flex parse: \(shown): \(message)")
            return code
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return fail("cannot be read", .badInput)
        }
        let response: FlexQueryResponse
        do {
            switch try FlexResponseBody.classify(data) {
            case .statement:
                response = try FlexStatementParser().parse(data)
            case .envelope(let envelope):
                return fail(Self.describe(envelope), .badInput)
            case .foreign(let body):
                let preview = body.kind == .empty ? "" : ": \"\(body.shortPreview)\""
                return fail("not a Flex XML statement (\(body.kind.rawValue))\(preview)", .badInput)
            }
        } catch {
            return fail(error.description, .badInput)
        }
        guard json else {
            output.result(Array((FlexParseSummary(response).description + "\n").utf8))
            return .ok
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            output.result(Array(try encoder.encode(response)) + [UInt8(ascii: "\n")])
        } catch {
            return fail("cannot be written as JSON: \(error)", .failure)
        }
        return .ok
    }

    /// A saved service answer instead of a statement, e.g. an error.
    private static func describe(_ envelope: FlexEnvelope) -> String {
        var text = "a Flex service answer (FlexStatementResponse), not a statement"
        if let code = envelope.errorCode {
            text += ": error \(code)"
            if let message = envelope.errorMessage { text += " \"\(message)\"" }
        } else if let reference = envelope.referenceCode {
            text += ": reference code \(reference.sanitized)"
        }
        return text
    }
}
