import Foundation
import Portfolio
import Synchronization
import Testing

@testable import IBDashKit

@Suite struct StatusServerTests {
    private static func start(_ directory: TemporaryRuntimeDirectory, limits: StatusServer.Limits = .init()) throws
        -> StatusServer
    {
        let server = try StatusServer.start(
            path: try StatusSocketLocation.path(environment: directory.environment), limits: limits,
            clock: { StatusFixtures.now })
        server.publish(StatusFixtures.state())
        return server
    }

    private static func client(_ directory: TemporaryRuntimeDirectory, timeout: Duration = .seconds(5)) -> StatusClient {
        StatusClient(path: directory.socketPath, timeout: timeout)
    }

    @Test func itAnswersSnapshotAndStatusOverARealSocket() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try Self.start(directory)
            defer { server.stop() }
            let snapshot = try Self.client(directory).ask(.snapshot, as: SnapshotDocument.self)
            #expect(snapshot == StatusFixtures.document())
            #expect(snapshot.source == .dashboard && snapshot.accounts.map(\.id) == ["U1111111", "DU2222222"])
            let status = try Self.client(directory).ask(.status, as: StatusDocument.self)
            #expect(status == StatusDocument(state: StatusFixtures.state(), at: StatusFixtures.now))
            // The paper account's P&L has not come yet.
            #expect(status.freshness == .missing && status.ageSeconds == 40 && status.accounts == 2)
        }
    }

    @Test func theDirectoryIsPrivateAndTheSocketOnlyForItsUser() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            // An existing directory open to others is closed to them.
            try FileManager.default.createDirectory(atPath: directory.path + "/ibdash", withIntermediateDirectories: false)
            #expect(chmod(directory.path + "/ibdash", 0o755) == 0)
            let server = try Self.start(directory)
            defer { server.stop() }
            #expect(fileMode(directory.path + "/ibdash") == 0o700)
            #expect(fileMode(directory.socketPath) == 0o600)
            let probe = try UnixSocket.make(path: directory.socketPath)
            defer { probe.close() }
            #expect(try probe.connect(to: directory.socketPath) == .connected)
            #expect(probe.peerUserID() == getuid())
        }
    }

    @Test func missingParentDirectoriesAreCreatedPrivate() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let path = try StatusSocketLocation.path(environment: ["XDG_STATE_HOME": directory.path + "/state"])
            #expect(path == directory.path + "/state/ibdash/ibdash.sock")
            let server = try StatusServer.start(path: path)
            defer { server.stop() }
            #expect(fileMode(directory.path + "/state") == 0o700 && fileMode(directory.path + "/state/ibdash") == 0o700)
        }
    }

    @Test func aStaleSocketIsReplacedAndTheSocketIsRemovedOnStop() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            // What a crashed dashboard leaves: a bound socket file nobody listens on.
            try FileManager.default.createDirectory(atPath: directory.path + "/ibdash", withIntermediateDirectories: false)
            let crashed = try UnixSocket.make(path: directory.socketPath)
            #expect(crashed.bind(to: directory.socketPath) == nil)
            crashed.close()
            #expect(fileExists(directory.socketPath))
            #expect(throws: StatusSocketError.notRunning(directory.socketPath)) {
                try Self.client(directory).ask(.status, as: StatusDocument.self)
            }

            let server = try Self.start(directory)
            #expect(try Self.client(directory).ask(.status, as: StatusDocument.self).accounts == 2)
            server.stop()
            #expect(!fileExists(directory.socketPath))
            server.stop()
        }
    }

    @Test func aLiveSocketIsLeftAloneAndReported() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let first = try Self.start(directory)
            defer { first.stop() }
            #expect(throws: StatusSocketError.alreadyRunning(directory.socketPath)) {
                try StatusServer.start(path: directory.socketPath)
            }
            #expect(try Self.client(directory).ask(.status, as: StatusDocument.self).accounts == 2)
        }
    }

    @Test func somethingElseAtThePathIsNeverRemoved() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            try FileManager.default.createDirectory(atPath: directory.path + "/ibdash", withIntermediateDirectories: false)
            try "notes".write(toFile: directory.socketPath, atomically: false, encoding: .utf8)
            #expect(throws: StatusSocketError.notASocket(directory.socketPath)) {
                try StatusServer.start(path: directory.socketPath)
            }
            #expect(try String(contentsOfFile: directory.socketPath, encoding: .utf8) == "notes")
        }
    }

    @Test func aDirectoryOfSomeoneElseOrALinkIsRefused() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            try FileManager.default.createDirectory(atPath: directory.path + "/elsewhere", withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(atPath: directory.path + "/ibdash", withDestinationPath: "elsewhere")
            #expect(throws: StatusSocketError.unsafeDirectory(directory.path + "/ibdash", reason: "it is not a directory")) {
                try StatusServer.start(path: directory.socketPath)
            }
        }
    }

    @Test func aPathTooLongForASocketIsRefused() throws {
        let path = "/tmp/" + String(repeating: "x", count: 120) + "/ibdash.sock"
        #expect(throws: StatusSocketError.pathTooLong(path)) { try StatusServer.start(path: path) }
    }

    @Test func aClientThatSaysNothingIsDroppedWithoutBlockingOthers() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            var limits = StatusServer.Limits()
            limits.clientTimeout = .milliseconds(500)
            let server = try Self.start(directory, limits: limits)
            defer { server.stop() }
            let silent = try RawClient(path: directory.socketPath)
            defer { silent.close() }
            // Others are answered while the silent one waits.
            for _ in 0..<3 {
                #expect(try Self.client(directory, timeout: .seconds(5)).ask(.status, as: StatusDocument.self).accounts == 2)
            }
            #expect(silent.readToEnd(within: 5) == "")
        }
    }

    @Test func aClientThatNeverReadsItsAnswerIsDropped() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            var limits = StatusServer.Limits()
            limits.clientTimeout = .milliseconds(300)
            let server = try Self.start(directory, limits: limits)
            defer { server.stop() }
            // A state far larger than the socket's buffers, so that the answer cannot be sent in one go.
            var state = StatusFixtures.state()
            let position = try #require(state.accounts[0].positions.value?.first)
            state.accounts[0].positions.value = (0..<5_000).map { index in
                var copy = position
                copy.contract.conid = index
                return copy
            }
            server.publish(state)
            let reluctant = try RawClient(path: directory.socketPath)
            defer { reluctant.close() }
            reluctant.send("snapshot\n")
            try await Task.sleep(for: .seconds(1))
            #expect(try Self.client(directory).ask(.status, as: StatusDocument.self).accounts == 2)
            // Dropped half-way: what it finally reads is cut short and not a document.
            let partial = try #require(reluctant.readToEnd(within: 5))
            #expect(!partial.hasSuffix("}\n"))
        }
    }

    @Test func tooManyClientsDropTheOldest() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            var limits = StatusServer.Limits()
            limits.maximumClients = 2
            limits.clientTimeout = .seconds(30)
            let server = try Self.start(directory, limits: limits)
            defer { server.stop() }
            let oldest = try RawClient(path: directory.socketPath)
            defer { oldest.close() }
            let second = try RawClient(path: directory.socketPath)
            defer { second.close() }
            #expect(try Self.client(directory).ask(.status, as: StatusDocument.self).accounts == 2)
            #expect(oldest.readToEnd(within: 5) == "")
        }
    }

    @Test func unknownAndOverlongRequestsGetAnErrorAnswer() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try Self.start(directory)
            defer { server.stop() }
            let rubbish = try RawClient(path: directory.socketPath)
            defer { rubbish.close() }
            rubbish.send("positions\n")
            #expect(rubbish.readToEnd(within: 5) == #"{"error":"unknown request; ask snapshot or status","version":1}"# + "\n")
            let long = try RawClient(path: directory.socketPath)
            defer { long.close() }
            long.send(String(repeating: "s", count: 300))
            #expect(long.readToEnd(within: 5)?.contains("too long") == true)
            // A request without a line end counts once the client ends its side.
            let halfClosed = try RawClient(path: directory.socketPath)
            defer { halfClosed.close() }
            halfClosed.send("status")
            shutdown(halfClosed.socket.descriptor, Int32(SHUT_WR))
            #expect(halfClosed.readToEnd(within: 5)?.contains(#""accounts":2"#) == true)
        }
    }

    @Test func beforeTheFirstStateItSaysSo() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try StatusServer.start(path: directory.socketPath)
            defer { server.stop() }
            #expect(throws: StatusSocketError.dashboardError("no data yet")) {
                try Self.client(directory).ask(.status, as: StatusDocument.self)
            }
        }
    }

    @Test func agesAreMeasuredWhenAsked() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let clock = TestClock(StatusFixtures.now)
            let server = try StatusServer.start(path: directory.socketPath, clock: { clock.now })
            defer { server.stop() }
            server.publish(StatusFixtures.state())
            let first = try Self.client(directory).ask(.snapshot, as: SnapshotDocument.self)
            #expect(first.accounts[0].datasets.summary.ageSeconds == 4)
            clock.now = StatusFixtures.now.addingTimeInterval(30)
            let later = try Self.client(directory).ask(.snapshot, as: SnapshotDocument.self)
            #expect(later.accounts[0].datasets.summary.ageSeconds == 34)
            #expect(later.accounts[0].datasets.summary.freshness == .aging)
        }
    }
}

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let storage: Mutex<Date>

    init(_ start: Date) { storage = Mutex(start) }

    var now: Date {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

@Suite struct GatewayFetchTurnTests {
    @Test func fetchesOfSeparateProcessesTakeTurnsAndKeepTheirDistance() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let first = try await GatewayFetchTurn.take(environment: directory.environment, spacing: .milliseconds(300))
            #expect(fileMode(directory.path + "/state/ibdash") == 0o700)
            #expect(fileMode(directory.path + "/state/ibdash/gateway-fetch.lock") == 0o600)
            // While one holds the lock, another waits, and gives up when its patience ends.
            await #expect(throws: StatusSocketError.self) {
                try await GatewayFetchTurn.take(environment: directory.environment, patience: .milliseconds(200))
            }
            first.finish()
            let finished = ContinuousClock.now
            let second = try await GatewayFetchTurn.take(environment: directory.environment, spacing: .milliseconds(300))
            #expect(ContinuousClock.now - finished >= .milliseconds(250))
            second.finish()
        }
    }
}

/// Another user, simulated by root dropping to `nobody` in a child process: even when the socket's directory and
/// mode are opened up by mistake, the server answers only its own user.
@Suite struct StatusServerPeerTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: getuid() == 0 && python != nil, "needs root to become another user, and python3"))
    func anotherUserIsRefusedEvenThroughAnOpenedUpSocket() async throws {
        try await TemporaryRuntimeDirectory.with { directory in
            let server = try StatusServer.start(path: directory.socketPath, clock: { StatusFixtures.now })
            defer { server.stop() }
            server.publish(StatusFixtures.state())
            #expect(chmod(directory.path, 0o755) == 0 && chmod(directory.path + "/ibdash", 0o755) == 0)
            #expect(chmod(directory.socketPath, 0o666) == 0)
            let script = """
                import os, socket, sys
                os.setgid(65534); os.setuid(65534)
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.settimeout(5)
                s.connect(sys.argv[1])
                data = b""
                try:
                    s.sendall(b"status\\n")
                    while True:
                        chunk = s.recv(65536)
                        if not chunk: break
                        data += chunk
                except (BrokenPipeError, ConnectionResetError):
                    pass
                print(len(data))
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.python))
            process.arguments = ["-c", script, directory.socketPath]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0 && printed == "0\n")
            // The owner is still answered.
            #expect(try StatusClient(path: directory.socketPath, timeout: .seconds(5)).ask(.status, as: StatusDocument.self).accounts == 2)
        }
    }
}
