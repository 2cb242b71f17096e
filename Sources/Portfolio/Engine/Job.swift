/// One logical task of the scheduler: the session check, the account list, the Flex statement, or one dataset of
/// one account. At most one run of a job is in flight at a time.
enum Job: Hashable, Sendable, Comparable, CustomStringConvertible {
    case tickle
    case accountList
    case history
    case fetch(AccountID, Dataset)

    /// What the pacing budget knows this job by; `nil` for the Flex statement, which has its own service and limits.
    var endpoint: Endpoint? {
        switch self {
        case .tickle: .tickle
        case .accountList: .accountList
        case .history: nil
        case .fetch(_, let dataset): .dataset(dataset)
        }
    }

    var account: AccountID? {
        if case .fetch(let account, _) = self { return account }
        return nil
    }

    var dataset: Dataset? {
        if case .fetch(_, let dataset) = self { return dataset }
        return nil
    }

    var description: String {
        switch self {
        case .tickle: "session check"
        case .accountList: "account list"
        case .history: "Flex history"
        case .fetch(let account, let dataset): "\(account) \(dataset.title)"
        }
    }

    private var order: (Int, String, Int) {
        switch self {
        case .tickle: (0, "", 0)
        case .accountList: (1, "", 0)
        case .history: (2, "", 0)
        case .fetch(let account, let dataset): (3, account.rawValue, Dataset.allCases.firstIndex(of: dataset) ?? 0)
        }
    }

    static func < (lhs: Job, rhs: Job) -> Bool { lhs.order < rhs.order }
}

/// A Client Portal endpoint class as IBKR's pacing limits count it.
enum Endpoint: Hashable, Sendable {
    case tickle
    case accountList
    case dataset(Dataset)
}
