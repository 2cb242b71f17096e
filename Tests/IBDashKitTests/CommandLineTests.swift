import Testing

@testable import IBDashKit

@Suite struct CommandLineTests {
    @Test func versionIsTheOneInUserAgent() {
        #expect(IBDashCommand.configuration.version == IBDashVersion.current)
        #expect(IBDashVersion.userAgent == "ibdash/\(IBDashVersion.current)")
    }
}
