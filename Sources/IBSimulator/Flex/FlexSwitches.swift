/// The Flex behaviours that can also be changed while the simulator runs (control command `flexSettings`).
public struct FlexSwitches: Sendable, Hashable {
    /// What the retired endpoints answer: the dotted `FlexWebService.SendRequest` form and
    /// `/Universal/servlet/FlexStatementService.*`.
    public enum LegacyPaths: String, Sendable, Hashable, CaseIterable {
        /// Error 1001 to every request, as since May 2026.
        case error1001
        /// An HTML 404 page.
        case notFound
    }

    /// 1018 beyond one request a second or ten in a sliding minute, per token.
    public var pacing = true
    /// Clock-jitter allowance of those limits.
    public var pacingTolerance = Duration.milliseconds(25)
    /// Without a `User-Agent` header a request gets 1020 (real behaviour unknown, reference §12).
    public var requireUserAgent = false
    public var legacyPaths = LegacyPaths.error1001
    /// How long GetStatement answers 1019 after SendRequest, unless the query has its own delay.
    public var generationDelay = Duration.seconds(5)

    public init() {}
}
