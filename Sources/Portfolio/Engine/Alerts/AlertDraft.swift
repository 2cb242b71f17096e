/// An alert a rule raised, before the log gives it its number and time.
struct AlertDraft: Hashable, Sendable {
    var severity: Alert.Severity
    var category: Alert.Category
    var account: AccountID?
    var text: String

    init(_ severity: Alert.Severity, _ category: Alert.Category, account: AccountID? = nil, _ text: String) {
        self.severity = severity
        self.category = category
        self.account = account
        self.text = text
    }
}
