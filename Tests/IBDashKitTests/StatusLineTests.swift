import Foundation
import Portfolio
import Testing

@testable import IBDashKit

@Suite struct StatusLineTests {
    private func line(_ format: String = StatusLineFormat.standard, colors: StatusLine.Colors = .none) throws -> StatusLine {
        StatusLine(format: try StatusLineFormat(format), colors: colors)
    }

    private let status = StatusFixtures.status(dailyPnl: StatusFixtures.decimal("4120.4"))

    @Test func theDefaultLineIsNetLiquidationDayPnlAndAGlyph() throws {
        #expect(try line().rendered(status) == "NLV 1.23M  +4,120 ●")
        #expect(try line().rendered(StatusFixtures.status(dailyPnl: StatusFixtures.decimal("-980"), freshness: .aging)) == "NLV 1.23M  -980 ◐")
        #expect(try line().rendered(StatusFixtures.status(freshness: .error)).hasSuffix(" ✕"))
        #expect(try line().rendered(StatusFixtures.status(freshness: .missing)).hasSuffix(" ○"))
    }

    @Test func aSessionInTroubleIsSpelledOut() throws {
        let loggedOut = StatusFixtures.status(dailyPnl: StatusFixtures.decimal("4120.4"), freshness: .stale, session: .notLoggedIn)
        #expect(try line().rendered(loggedOut) == "NLV 1.23M  +4,120 ○ not logged in")
    }

    @Test func unknownNumbersAreDashesAndPartialTotalsAreMarked() throws {
        let unknown = StatusFixtures.status(netLiquidation: nil, dailyPnl: nil, freshness: .missing, currency: nil)
        #expect(try line("NLV %n %N  %d %D %c %f").rendered(unknown) == "NLV – –  – – – ○")
        #expect(try line("%n").rendered(StatusFixtures.status(missingRates: ["JPY"])) == "1.23M*")
    }

    @Test func everyPlaceholder() throws {
        #expect(try line("%c %N (%D) %F %a %s%S %%").rendered(status) == "USD 1,234,568 (+0.33%) live 4s authenticated %")
        let competing = StatusFixtures.status(session: .competing)
        #expect(try line("[%s]%S").rendered(competing) == "[competing session] competing session")
    }

    @Test func hashesAreEscapedForTmux() throws {
        #expect(try line("#[fg=red]%n #").rendered(status) == "##[fg=red]1.23M ##")
        #expect(try line("%c").rendered(StatusFixtures.status(currency: "U#D")) == "U##D")
    }

    @Test func itIsOneCleanLine() throws {
        let hostile = StatusFixtures.status(currency: "US\u{1B}]52;c;cHduZWQ=\u{07}D\n")
        #expect(try line("%c\nNLV\t%n").rendered(hostile) == "USD  NLV 1.23M")
    }

    @Test func coloursOnlyWhenAsked() throws {
        #expect(try line("%d %f", colors: .tmux).rendered(status) == "#[fg=green]+4,120#[default] #[fg=green]●#[default]")
        let losing = StatusFixtures.status(dailyPnl: -5, freshness: .stale, session: .unreachable)
        #expect(try line("%d %F%S", colors: .tmux).rendered(losing) == "#[fg=red]-5#[default] #[fg=red]stale#[default]#[fg=red] unreachable#[default]")
        #expect(try line("# %d", colors: .ansi).rendered(status) == "# \u{1B}[32m+4,120\u{1B}[39m")
        #expect(try !line("%d %f %s").rendered(status).contains("\u{1B}"))
    }

    @Test func aBadFormatIsRefusedWithItsReason() {
        #expect(throws: StatusLineFormatError("%q is not a placeholder of --format")) { try StatusLineFormat("%n %q") }
        #expect(throws: StatusLineFormatError("the format ends in a lone %")) { try StatusLineFormat("%n %") }
    }

    @Test func theCommandRefusesABadFormatWithExitTwo() throws {
        let outcome = try StatusLineCommand.parse(["--format", "%x"]).outcome(environment: [:])
        #expect(outcome.status == .badInput && outcome.message == "%x is not a placeholder of --format")
    }

    @Test func withNoDashboardItSaysNotRunningAndExitsZero() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let outcome = try StatusLineCommand.parse([]).outcome(environment: directory.environment)
            #expect(outcome == CommandOutcome(output: "ibdash: not running\n", status: .ok))
        }
        // Not even a place for the socket.
        #expect(try StatusLineCommand.parse([]).outcome(environment: [:]).output == "ibdash: not running\n")
    }

    @Test func itReadsTheRunningDashboard() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try StatusServer.start(path: directory.socketPath, clock: { StatusFixtures.now })
            defer { server.stop() }
            server.publish(StatusFixtures.state())
            // The paper account has no P&L yet, so neither have all accounts together; Jane's ledger is 40 s old.
            let outcome = try StatusLineCommand.parse(["--format", "%n %d %f %F %a"]).outcome(environment: directory.environment)
            #expect(outcome == CommandOutcome(output: "1.29M – ○ missing 40s\n", status: .ok))

            server.publish(StatusFixtures.state(session: .notLoggedIn))
            let loggedOut = try StatusLineCommand.parse([]).outcome(environment: directory.environment)
            #expect(loggedOut.output == "NLV 1.29M  – ○ not logged in\n")
            #expect(loggedOut.status == .needsLogin && loggedOut.message == "gateway session: not logged in")

            server.publish(StatusFixtures.state(session: .unreachable))
            #expect(try StatusLineCommand.parse([]).outcome(environment: directory.environment).status == .unreachable)
        }
    }
}
