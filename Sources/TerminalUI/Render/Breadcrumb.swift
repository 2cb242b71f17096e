import Portfolio

/// Where the user is: the accounts shown, then each screen drilled into, e.g. `All accounts › U1234567 › AAPL`.
enum Breadcrumb {
    static func text(view: ViewState, state: DashboardState) -> String {
        var parts = [view.selectedAccount.map { $0.rawValue.sanitized } ?? "All accounts"]
        for screen in view.screens {
            switch screen {
            case .main: continue
            case .account(let id):
                let name = state.account(id)?.account.displayName.sanitized ?? ""
                // The id is already the crumb before when this account is the one selected: the name alone then.
                let idShown = view.selectedAccount == id
                let named = name.isEmpty || name == id.rawValue ? nil : name
                parts.append(idShown ? named ?? "Account" : id.rawValue.sanitized + (named.map { " " + $0 } ?? ""))
            case .position(let id):
                let contract = state.account(id.account)?.positions.value?.first { $0.contract.conid == id.conid }?.contract
                parts.append(contract.map { $0.symbol.sanitized + ($0.isDerivative ? " " + ContractText.describe($0) : "") } ?? "conid \(id.conid)")
            case .history: parts.append("History")
            }
        }
        return parts.joined(separator: " › ")
    }
}
