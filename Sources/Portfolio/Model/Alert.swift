import Foundation

/// One line of the alert log.
public struct Alert: Hashable, Sendable, Identifiable {
    public var id: Int
    public var time: Date
    public var severity: Severity
    public var category: Category
    /// `nil` for alerts about the gateway or the session as a whole.
    public var account: AccountID?
    /// Plain text for the screen and the log file; already free of control characters.
    public var text: String

    public enum Severity: Int, Hashable, Sendable, Comparable, CaseIterable {
        case info, warning, error, critical

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        public var name: String {
            switch self {
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            case .critical: "critical"
            }
        }
    }

    public enum Category: String, Hashable, Sendable, CaseIterable {
        case session, data, trading, risk
    }

    public init(id: Int, time: Date, severity: Severity, category: Category, account: AccountID?, text: String) {
        self.id = id
        self.time = time
        self.severity = severity
        self.category = category
        self.account = account
        self.text = text
    }
}
