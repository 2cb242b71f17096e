/// What a client asks the dashboard's socket, as one line: `snapshot` or `status`.
public enum StatusRequest: String, Sendable, CaseIterable {
    /// Every account's report: a `SnapshotDocument`.
    case snapshot
    /// The status line's numbers: a `StatusDocument`.
    case status

    /// The request in a received line (without its line end); `nil` for anything else.
    init?(line: some Collection<UInt8>) {
        var text = String(decoding: line, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces))
    }

    var line: [UInt8] { Array((rawValue + "\n").utf8) }
}
