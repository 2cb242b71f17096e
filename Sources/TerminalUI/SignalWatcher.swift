import Dispatch
import Glibc

/// Receives SIGINT, SIGTERM, SIGHUP and SIGWINCH as events through Dispatch signal sources.
/// Create it before `NcursesTerminal`: it sets the four signals to SIG_IGN first, because ncurses installs its
/// own handlers for any still at SIG_DFL (libdispatch still delivers ignored signals to its sources).
public final class SignalWatcher {
    private var sources: [any DispatchSourceSignal] = []

    /// `handler` runs on `queue`; it should only pass the signal on (into an `AsyncStream`).
    public init(queue: DispatchQueue = .global(), handler: @escaping @Sendable (TerminalSignal) -> Void) {
        for signal in TerminalSignal.allCases {
            _ = Glibc.signal(signal.number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal.number, queue: queue)
            // @Sendable is essential: without it a closure written in main-actor code is inferred main-actor
            // isolated, and Swift 6 crashes at run time when Dispatch calls it on another queue.
            source.setEventHandler { @Sendable in handler(signal) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops the sources and gives the signals their default actions back.
    public func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for signal in TerminalSignal.allCases { _ = Glibc.signal(signal.number, SIG_DFL) }
    }
}
