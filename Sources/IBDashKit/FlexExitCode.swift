import ArgumentParser
import Portfolio

/// The exit codes of `ibdash flex …`, for scripts.
enum FlexExitCode {
    static let success: Int32 = 0
    /// The command line, the token file or the input file is wrong: running again will not help.
    static let badInput: Int32 = 2
    /// Anything else: IBKR's errors, the network, a file that cannot be written.
    static let failure: Int32 = 5

    static func of(_ error: SourceError) -> Int32 {
        error.kind == .configuration ? badInput : failure
    }

    /// Ends `run()` with `code`.
    static func finish(_ code: Int32) throws {
        if code != success { throw ExitCode(code) }
    }
}
