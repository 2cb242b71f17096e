import Dispatch
import Glibc
import Synchronization

/// Says when keys are waiting, without reading them: a blocking `poll` on its own dispatch thread (never the
/// Swift concurrency pool), which then waits until the UI has drained ncurses on the main actor and calls
/// `rearm`. With no input the process makes no wake-ups at all.
public final class InputWatcher: Sendable {
    public enum Event: Sendable {
        /// Keys are waiting: read them all with `Terminal.readKeys`, then call `rearm`.
        case ready
        /// The input hung up (the pane or window closed) or failed: no key will come again.
        case closed
    }

    private let descriptor: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let drained = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)
    private let queue = DispatchQueue(label: "ibdash.input-watcher")

    public init(descriptor: Int32 = STDIN_FILENO) throws(TerminalError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .cannotOpen("a pipe to stop the input watcher with") }
        self.descriptor = descriptor
        wakeRead = ends[0]
        wakeWrite = ends[1]
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// `handler` runs on the watcher's thread; it should only pass the event on (into an `AsyncStream`).
    public func start(_ handler: @escaping @Sendable (Event) -> Void) {
        queue.async { [self] in
            var watched = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            while !stopped.load(ordering: .acquiring) {
                if poll(&watched, 2, -1) < 0 {
                    if errno == EINTR { continue }
                    handler(.closed)
                    return
                }
                if watched[1].revents != 0 { return }
                let events = watched[0].revents
                if events & Int16(POLLIN) != 0 {
                    handler(.ready)
                    drained.wait()
                } else if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                    handler(.closed)
                    return
                }
            }
        }
    }

    /// The keys were read: watch again.
    public func rearm() { drained.signal() }

    /// Ends the watching thread; no event comes after this returns, bar one already on its way.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var byte: UInt8 = 0
        _ = write(wakeWrite, &byte, 1)
        drained.signal()
    }
}
