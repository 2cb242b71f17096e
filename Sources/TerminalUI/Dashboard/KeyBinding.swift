/// One line of the keymap: the keys, what they are called in help, the action and what it does.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    /// How help and the README name the keys, e.g. `j ↓`.
    public var label: String
    public var action: Action
    public var summary: String
    public var context: KeyContext

    public init(_ keys: [Key], label: String, action: Action, summary: String, context: KeyContext) {
        self.keys = keys
        self.label = label
        self.action = action
        self.summary = summary
        self.context = context
    }
}
