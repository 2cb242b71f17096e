/// A user command run for every alert: an argv array, executed without a shell, with the alert in environment
/// variables (`IBDASH_ALERT_TIME`, `_SEVERITY`, `_CATEGORY`, `_ACCOUNT`, `_TEXT`). Nothing from the alert is
/// ever put into the command line.
public struct AlertHook: Hashable, Sendable {
    /// Program and arguments; the program is looked up on `PATH` when it has no slash.
    public var command: [String]
    /// The command is killed (with its process group) when it runs longer.
    public var timeout: Duration
    /// Alerts below this severity do not run the command.
    public var minimumSeverity: Alert.Severity

    public init(command: [String], timeout: Duration = .seconds(10), minimumSeverity: Alert.Severity = .info) {
        self.command = command
        self.timeout = timeout
        self.minimumSeverity = minimumSeverity
    }
}
