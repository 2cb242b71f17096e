/// One problem in one file, told the way an editor and a person can both follow:
/// `~/.config/ibdash/config.toml:12: cadence.summary: expected a duration such as "15s", found 15`.
public struct TOMLDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user should read its name (`~` for the home directory).
    public var file: String
    public var position: TOMLPosition
    /// The dotted key the problem is about, when there is one.
    public var key: String?
    public var message: String

    public init(file: String, position: TOMLPosition, key: String? = nil, message: String) {
        self.file = file
        self.position = position
        self.key = key
        self.message = message
    }

    public var description: String {
        let location = "\(file):\(position.line)"
        guard let key else { return "\(location): \(message)" }
        return "\(location): \(key): \(message)"
    }
}
