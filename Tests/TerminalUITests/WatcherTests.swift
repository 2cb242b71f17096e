import Glibc
import Testing

@testable import TerminalUI

@Suite struct InputWatcherTests {
    @Test func saysWhenInputWaitsAndWhenItCloses() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let watcher = try InputWatcher(descriptor: ends[0])
        let (events, continuation) = AsyncStream.makeStream(of: InputWatcher.Event.self)
        watcher.start { continuation.yield($0) }
        var iterator = events.makeAsyncIterator()

        var byte: UInt8 = 0x71
        #expect(write(ends[1], &byte, 1) == 1)
        #expect(await iterator.next() == .ready)
        #expect(read(ends[0], &byte, 1) == 1)
        watcher.rearm()

        close(ends[1])
        #expect(await iterator.next() == .closed)
        watcher.stop()
        watcher.stop()
    }

    @Test func stopEndsAWatcherThatWaitsForInput() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let watcher = try InputWatcher(descriptor: ends[0])
        let (events, continuation) = AsyncStream.makeStream(of: InputWatcher.Event.self)
        watcher.start { continuation.yield($0) }
        watcher.stop()
        // Once stopped, input no longer wakes it: the only event is the one this test sends itself.
        var byte: UInt8 = 0x71
        #expect(write(ends[1], &byte, 1) == 1)
        continuation.yield(.closed)
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .closed)
    }
}

@Suite struct SignalWatcherTests {
    @Test func aWindowChangeArrivesAsAnEvent() async {
        let (signals, continuation) = AsyncStream.makeStream(of: TerminalSignal.self)
        let watcher = SignalWatcher { continuation.yield($0) }
        defer { watcher.cancel() }
        // Dispatch registers a source asynchronously, and a signal sent before that is ignored: keep sending
        // (to the process, not to this thread, whose signals Dispatch blocks) until one arrives.
        let sender = Task {
            for _ in 0..<100 where !Task.isCancelled {
                kill(getpid(), SIGWINCH)
                try await Task.sleep(for: .milliseconds(50))
            }
            continuation.finish()
        }
        defer { sender.cancel() }
        var iterator = signals.makeAsyncIterator()
        #expect(await iterator.next() == .windowChanged)
    }

    @Test func exitStatusesAreWhatShellsExpect() {
        #expect(TerminalSignal.interrupt.exitStatus == 130)
        #expect(TerminalSignal.terminate.exitStatus == 143)
        #expect(TerminalSignal.hangUp.exitStatus == 129)
    }
}

@MainActor @Suite struct MemoryTerminalTests {
    @Test func recordsFramesAndHandsOutTypedKeysAndResizes() {
        let terminal = MemoryTerminal(size: TerminalSize(cols: 80, rows: 24))
        terminal.type("jk")
        terminal.type(.enter)
        #expect(terminal.readKeys() == [.character("j"), .character("k"), .enter])
        #expect(terminal.readKeys().isEmpty)
        terminal.resize(to: TerminalSize(cols: 60, rows: 15))
        #expect(terminal.size == TerminalSize(cols: 80, rows: 24))
        #expect(terminal.readKeys() == [.resize])
        #expect(terminal.refreshSize() == TerminalSize(cols: 60, rows: 15))
        terminal.present(Grid(cols: 60, rows: 15))
        #expect(terminal.screen?.cols == 60)
        #expect(terminal.presentCount == 1)
        terminal.shutdown()
        #expect(terminal.isShutDown)
    }
}
