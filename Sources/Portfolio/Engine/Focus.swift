/// What the user is looking at: its data is fetched first when requests queue for the pacing budget.
public struct Focus: Hashable, Sendable {
    public var account: AccountID?
    /// The datasets the screen shows now.
    public var datasets: Set<Dataset>

    public init(account: AccountID? = nil, datasets: Set<Dataset> = []) {
        self.account = account
        self.datasets = datasets
    }

    /// Lower runs first: the selected account's visible data, its other data, other accounts' visible data, the rest.
    func rank(_ job: Job) -> Int {
        guard case .fetch(let account, let dataset) = job else { return 0 }
        let visible = datasets.contains(dataset)
        if account == self.account { return visible ? 1 : 2 }
        return visible ? 3 : 4
    }
}
