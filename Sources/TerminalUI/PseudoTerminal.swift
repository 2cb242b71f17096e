import CLibc
import Glibc

/// A pseudo-terminal pair for driving the real ncurses backend without a screen: the backend gets the device
/// end as its input and output, and the controller end sees every byte ncurses writes (what a one-price
/// update costs, for the UI benchmark) and can type keys. Used by tests and benchmarks, never by the app.
public final class PseudoTerminal {
    /// The end a program under test uses as its terminal.
    public let device: Int32
    /// The end that plays the user and the screen.
    private let controller: Int32

    public init(size: TerminalSize) throws(TerminalError) {
        let controller = posix_openpt(O_RDWR | O_NOCTTY)
        guard controller >= 0 else { throw .cannotOpen("a pseudo-terminal") }
        var name = [CChar](repeating: 0, count: 128)
        guard grantpt(controller) == 0, unlockpt(controller) == 0, ptsname_r(controller, &name, name.count) == 0
        else {
            close(controller)
            throw .cannotOpen("a pseudo-terminal")
        }
        let device = open(name, O_RDWR | O_NOCTTY)
        guard device >= 0 else {
            close(controller)
            throw .cannotOpen("a pseudo-terminal device")
        }
        self.controller = controller
        self.device = device
        resize(to: size)
    }

    deinit {
        close(device)
        close(controller)
    }

    /// Sets the window size the device reports (no SIGWINCH: the device is nobody's controlling terminal).
    public func resize(to size: TerminalSize) {
        var window = winsize(ws_row: UInt16(clamping: size.rows), ws_col: UInt16(clamping: size.cols), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(device, UInt(TIOCSWINSZ), &window)
    }

    /// Bytes as if typed on the keyboard, e.g. `"\u{1B}[A"` for the up arrow.
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    /// Waits until typed input has reached the device (so that a non-blocking read sees it), or the timeout.
    @discardableResult
    public func waitForInput(milliseconds: Int32 = 2000) -> Bool {
        var watched = pollfd(fd: device, events: Int16(POLLIN), revents: 0)
        return poll(&watched, 1, milliseconds) > 0
    }

    /// Whatever the program wrote that has arrived, waiting up to `timeoutMilliseconds` for the first byte. Unlike
    /// `takeOutput` it writes nothing itself, so it also empties a terminal so full that the program's writes block.
    public func drain(timeoutMilliseconds: Int32 = 50) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var wait = timeoutMilliseconds
        while true {
            var watched = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&watched, 1, wait) > 0 else { return received }
            let count = read(controller, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return received }
            received += buffer[0..<count]
            wait = 0
        }
    }

    /// Everything written to the device since the last call. A marker written after it shows where that
    /// output ends, so the count is exact without guessing how long the kernel takes to pass it on.
    public func takeOutput(timeoutMilliseconds: Int32 = 5000) -> [UInt8] {
        let marker = Array("\u{1}ibdash-pty-marker\u{2}".utf8)
        _ = marker.withUnsafeBytes { write(device, $0.baseAddress, $0.count) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !received.ends(with: marker) {
            var watched = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&watched, 1, timeoutMilliseconds) > 0 else { break }
            let count = read(controller, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return received.ends(with: marker) ? Array(received.dropLast(marker.count)) : received
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
