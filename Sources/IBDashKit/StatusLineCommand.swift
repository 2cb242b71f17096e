import ArgumentParser
import Foundation
import Portfolio

/// `ibdash status-line`: one short line for tmux's status bar, from the running dashboard. It never contacts the
/// gateway and gives up on the dashboard within a second, so a status bar can run it every few seconds.
public struct StatusLineCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "status-line",
        abstract: "One short line for tmux's status bar: net liquidation, day P&L, freshness.",
        discussion: """
            In ~/.tmux.conf:  set -g status-right '#(ibdash status-line)'
                              set -g status-interval 5
            The line comes from the running dashboard; the gateway is never contacted. With no dashboard \
            running it prints "ibdash: not running" and exits 0. Every # in the line is written ## for tmux \
            (not with --color ansi).

            --format placeholders (default "\(StatusLineFormat.standard)"):
              %n  net liquidation of all accounts: 1.23M (1.23M* when one lacks a rate)
              %N  net liquidation in full: 1,234,567
              %d  day P&L with its sign: +4,120
              %D  day P&L in percent of the prior close: +0.34%
              %c  the currency of these numbers: USD
              %f  freshness glyph: ● live, ◐ aging, ○ stale or missing, ✕ error
              %F  freshness word: live, aging, stale, missing, error
              %a  age of the oldest number behind the line: 4s, 2m 5s
              %s  gateway session: authenticated, read-only, not logged in, …
              %S  a space and the session when it is not authenticated, else nothing
              %%  a percent sign
            A number that is not known shows as \(StatusLine.unknown). tmux reads % in status-right itself: \
            there, write each % of a format twice:
              set -g status-right '#(ibdash status-line --format "%%n %%d")'

            \(ExitStatus.helpText) With 3 and 4 the line is still printed, from the dashboard's last numbers.
            """
    )

    @Option(help: ArgumentHelp("What the line shows, with the placeholders above.", valueName: "format"))
    var format = StatusLineFormat.standard

    @Option(help: "Colours: none, tmux (#[fg=…] styles) or ansi (escape sequences, for a shell prompt).")
    var color = StatusLine.Colors.none

    public init() {}

    public func run() async throws {
        try outcome(environment: ProcessInfo.processInfo.environment).deliver()
    }

    /// How long the dashboard has to answer: a status bar must not hang.
    static let dashboardTimeout: Duration = .seconds(1)

    func outcome(environment: [String: String]) -> CommandOutcome {
        let line: StatusLine
        do {
            line = StatusLine(format: try StatusLineFormat(format), colors: color)
        } catch {
            return CommandOutcome(output: "ibdash: bad --format\n", message: error.description, status: .badInput)
        }
        do throws(StatusSocketError) {
            let path = try StatusSocketLocation.path(environment: environment)
            let document = try StatusClient(path: path, timeout: Self.dashboardTimeout)
                .ask(.status, as: StatusDocument.self)
            let status = ExitStatus(document.session.state)
            return CommandOutcome(
                output: line.rendered(document) + "\n",
                message: status == .ok ? nil : "gateway session: \(document.session.state.words)", status: status)
        } catch .notRunning, .noLocation {
            return CommandOutcome(output: "ibdash: not running\n", status: .ok)
        } catch {
            // tmux shows stdout, so the bar says what is wrong in a word; stderr has the whole story.
            let word =
                switch error {
                case .noAnswer: "no answer"
                case .dashboardError(let said): said
                default: "error"
                }
            return CommandOutcome(output: "ibdash: \(word.sanitized)\n", message: error.description, status: .failure)
        }
    }
}
