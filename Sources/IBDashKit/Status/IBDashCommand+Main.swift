import ArgumentParser
import Foundation

extension IBDashCommand {
    /// Runs the command line as `AsyncParsableCommand.main` does, except that bad input (an unknown option, a
    /// missing or bad value) exits 2 with one line on stderr, as scripts calling `snapshot` and `status-line` are
    /// promised, instead of ArgumentParser's 64 and its usage text. Help, `--version` and every other error are
    /// left to ArgumentParser.
    ///
    /// It takes the place of the protocol's `main(_:)` for `IBDashCommand.main(nil)` in the executable.
    public static func main(_ arguments: [String]?) async {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = CommandOutcome.oneLine(self.message(for: error))
            FileHandle.standardError.write(Data("ibdash: \(message) (see --help)\n".utf8))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
    }
}
