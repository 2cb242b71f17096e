import Testing

@testable import Portfolio

@Suite struct XDGDirectoriesTests {
    @Test func absoluteVariablesWin() {
        let environment = [
            "HOME": "/home/t", "XDG_CONFIG_HOME": "/c", "XDG_STATE_HOME": "/s/", "XDG_CACHE_HOME": "/k",
            "XDG_RUNTIME_DIR": "/run/user/1000",
        ]
        #expect(XDGDirectories.config(environment) == "/c")
        #expect(XDGDirectories.state(environment) == "/s")
        #expect(XDGDirectories.cache(environment) == "/k")
        #expect(XDGDirectories.runtime(environment) == "/run/user/1000")
    }

    @Test func relativeOrMissingVariablesFallBackToHome() {
        let environment = ["HOME": "/home/t", "XDG_CONFIG_HOME": "relative", "XDG_RUNTIME_DIR": "tmp"]
        #expect(XDGDirectories.config(environment) == "/home/t/.config")
        #expect(XDGDirectories.state(environment) == "/home/t/.local/state")
        #expect(XDGDirectories.cache(environment) == "/home/t/.cache")
        #expect(XDGDirectories.runtime(environment) == nil)
    }

    @Test func rootsHomeAndNoHome() {
        #expect(XDGDirectories.config(["HOME": "/"]) == "/.config")
        #expect(XDGDirectories.state([:]) == nil)
    }
}
