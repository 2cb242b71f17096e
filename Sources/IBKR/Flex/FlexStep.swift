/// The two calls of the Flex Web Service: SendRequest asks for a statement and gets a reference code;
/// GetStatement fetches the statement with it.
public enum FlexStep: String, Hashable, Sendable, CaseIterable {
    case sendRequest = "SendRequest"
    case getStatement = "GetStatement"

    /// What a `SourceError` names as its endpoint: `Flex GetStatement (query 123456)`.
    func endpoint(_ query: FlexQueryID) -> String { "Flex \(rawValue) (query \(query))" }
}
