import Foundation

/// The Flex fixtures (IBKR's envelopes, verify_statement.py) live once, in the IBKR tests' folder; the simulator's
/// tests read them from there rather than keep a copy of their own.
enum SharedFixtures {
    static let flex = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IBKRTests/Fixtures/flex")
}
