import Foundation
import Testing

@testable import Portfolio

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ProcessLauncherTests {
    /// SwiftNIO's sockets are not close-on-exec; a hook that inherited one would keep a closed listener alive.
    @Test func aChildInheritsNoDescriptorOfOurs() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("launcher-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let pid = try ProcessLauncher.spawn(
            ["/bin/sh", "-c", "for fd in /proc/$$/fd/*; do echo ${fd##*/}; done"],
            environment: ["PATH": "/usr/bin:/bin"], output: output.path)
        #expect(await ProcessLauncher.wait(for: pid, timeout: .seconds(30)) == .exited(0))
        let descriptors = Set(try String(contentsOf: output, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) })
        #expect(descriptors.isSuperset(of: [0, 1, 2]))
        #expect(descriptors.isDisjoint(with: ends), "the child kept \(descriptors.intersection(ends))")
    }

    @Test func outputGoesToTheFileGiven() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("launcher-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let pid = try ProcessLauncher.spawn(
            ["sh", "-c", "echo out; echo err >&2; exit 3"], environment: ["PATH": "/usr/bin:/bin"], output: output.path)
        #expect(await ProcessLauncher.wait(for: pid, timeout: .seconds(30)) == .exited(3))
        #expect(try String(contentsOf: output, encoding: .utf8) == "out\nerr\n")
        let mode = try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
