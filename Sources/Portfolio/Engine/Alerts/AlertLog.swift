import Foundation

/// The alerts kept in memory, newest first, at most `capacity` of them.
struct AlertLog: Sendable {
    let capacity: Int
    private(set) var alerts: [Alert] = []
    private var nextID = 1

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Numbers and stamps the alert, cleans its text, and drops the oldest one beyond the capacity.
    mutating func append(_ draft: AlertDraft, at time: Date) -> Alert {
        let alert = Alert(
            id: nextID, time: time, severity: draft.severity, category: draft.category, account: draft.account,
            text: draft.text.sanitized)
        nextID += 1
        alerts.insert(alert, at: 0)
        if alerts.count > capacity { alerts.removeLast(alerts.count - capacity) }
        return alert
    }
}
