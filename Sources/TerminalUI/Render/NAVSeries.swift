import Foundation
import Portfolio

/// The daily NAV the P&L pane and the history view draw: one account's in its base currency, or in the all-accounts
/// view every account's added up in the view's currency, as the engine made it (`ConsolidatedNAV`). The label and
/// the explanation say what was added up, at which rates, and what was left out.
struct NAVSeries {
    /// Short, for the P&L pane: `NAV U1234567 USD`, `NAV all USD`.
    let label: String
    /// What the numbers are, in words, for the history view.
    let explanation: String
    let points: [NAVPoint]

    init(model: DashboardModel, state: DashboardState) {
        guard model.isConsolidated else {
            guard let history = model.shown.first?.history, !history.nav.isEmpty else {
                self.init()
                return
            }
            let code = history.baseCurrency.code.sanitized
            self.init(
                label: "NAV \(code)", explanation: "\(history.account.rawValue.sanitized), in \(code)", points: history.nav)
            return
        }
        guard let nav = state.consolidatedNAV, nav.withoutNAV < nav.accounts else {
            self.init()
            return
        }
        let code = nav.currency.code.sanitized
        let whole = nav.included == nav.accounts
        var words = whole ? "all accounts" : "\(nav.included) of \(nav.accounts) accounts"
        words += " in \(code)"
        if nav.converted { words += " at today's FX rates" }
        if nav.withoutNAV > 0 { words += "; \(nav.withoutNAV) without daily NAV in the statement" }
        if !nav.missingRates.isEmpty {
            words += "; no rate for \(nav.missingRates.map(\.code.sanitized).sorted().joined(separator: ",")): left out"
        }
        self.init(
            label: whole ? "NAV all \(code)" : "NAV \(nav.included) of \(nav.accounts) \(code)", explanation: words,
            points: nav.points)
    }

    private init(label: String = "NAV", explanation: String = "no daily NAV in the statement", points: [NAVPoint] = []) {
        self.label = label
        self.explanation = explanation
        self.points = points
    }
}
