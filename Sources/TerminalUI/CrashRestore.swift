import Glibc

/// Gives the terminal back when ibdash crashes: on SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE or SIGABRT it puts the
/// terminal modes saved before ncurses started back, leaves the alternate screen, shows the cursor and resets the
/// attributes, then lets the signal go on to whoever had it before (Swift's backtracer, or the default action). So
/// the shell gets a usable terminal, the exit status stays 128 + the signal, and a crash report lands on the normal
/// screen where it can be read, instead of in the alternate one that is about to vanish.
///
/// A signal handler may only make async-signal-safe calls: this one uses tcsetattr, write, sigaction, signal and
/// raise, and reads memory allocated before the handler was installed, through a pointer that never changes.
enum CrashRestore {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Saves the terminal modes of `descriptor` as they are now (call it before ncurses changes them) and
    /// installs the handler for the fatal signals. Does nothing when `descriptor` is not a terminal.
    static func install(descriptor: Int32) {
        let saved = CrashRestoreState.shared
        guard saved.pointee.armed == 0, tcgetattr(descriptor, &saved.pointee.modes) == 0 else { return }
        saved.pointee.descriptor = descriptor
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = handle
        sigemptyset(&action.sa_mask)
        // With the signal's details, to hand them on to the handler before ours. It runs on the alternate stack
        // when the crashing thread has one (a stack overflow leaves no room on the normal one).
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        for signal in signals {
            _ = sigaction(signal, &action, &saved.pointee.previous[Int(signal)])
        }
        saved.pointee.armed = 1
    }

    /// Gives each signal its previous handler back: after the screen ended, a crash needs no restoring.
    static func remove() {
        let saved = CrashRestoreState.shared
        guard saved.pointee.armed != 0 else { return }
        saved.pointee.armed = 0
        for signal in signals {
            _ = sigaction(signal, &saved.pointee.previous[Int(signal)], nil)
        }
    }

    /// The handler itself. Then it calls the handler there was before, if any: Swift's backtracer when
    /// `SWIFT_BACKTRACE` enabled it, which prints its report and returns. Returning is not enough to end the process
    /// when the signal was sent (`kill -SEGV`) rather than caused, so it always ends with the default action: the
    /// signal raised again, delivered as soon as the handler returns, ends the process with it (and a core dump
    /// where those are allowed).
    private static let handle: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?)
        -> Void = { signal, info, context in
            // Reset attributes, leave keypad-transmit mode, show the cursor, leave the alternate screen: what
            // `endwin` sends on an xterm-like terminal, as a constant in the binary so the handler needs neither
            // terminfo nor memory of its own.
            let sequence: StaticString = "\u{1B}[0m\u{1B}[?1l\u{1B}>\u{1B}[?25h\u{1B}[?1049l"
            let saved = CrashRestoreState.shared
            if saved.pointee.armed != 0 {
                saved.pointee.armed = 0
                _ = tcsetattr(saved.pointee.descriptor, TCSANOW, &saved.pointee.modes)
                _ = write(saved.pointee.descriptor, sequence.utf8Start, sequence.utf8CodeUnitCount)
            }
            guard signal > 0 && signal < 32 else { return }
            let previous = saved.pointee.previous[Int(signal)]
            _ = sigaction(signal, &saved.pointee.previous[Int(signal)], nil)
            // SIG_DFL is 0 and SIG_IGN 1: anything else is a function to call.
            if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) > 1 {
                if previous.sa_flags & SA_SIGINFO != 0 {
                    previous.__sigaction_handler.sa_sigaction?(signal, info, context)
                } else {
                    previous.__sigaction_handler.sa_handler?(signal)
                }
            }
            Glibc.signal(signal, SIG_DFL)
            _ = raise(signal)
        }
}

/// What the crash handler reads, in memory of its own that lives as long as the process.
struct CrashRestoreState {
    /// Every standard signal number is below this.
    static let signalSlots = 32

    var armed: Int32 = 0
    var descriptor: Int32 = -1
    var modes = termios()
    /// The handlers before ours, by signal number.
    var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)

    /// Made when first touched, which `install` does before any handler can run, so the handler only ever reads a
    /// pointer that is already there.
    nonisolated(unsafe) static let shared: UnsafeMutablePointer<CrashRestoreState> = {
        let state = UnsafeMutablePointer<CrashRestoreState>.allocate(capacity: 1)
        state.initialize(to: CrashRestoreState())
        state.pointee.previous.initialize(repeating: sigaction(), count: signalSlots)
        return state
    }()
}
