import Foundation
import Glibc
import Synchronization
import TerminalUI

/// A pseudo-terminal whose screen end is read all the time by a thread of its own, counting the bytes. A whole
/// 200×60 frame is more than the kernel buffers between the two ends, so ncurses would block in the middle of
/// it if nobody read while it writes (`PseudoTerminal` reads only when asked, which suits small frames).
final class DrainedPseudoTerminal: Sendable {
    /// The end ncurses writes to.
    let device: Int32
    private let controller: Int32
    private let counted = Mutex<(bytes: Int, tail: [UInt8])>((0, []))
    private static let marker = Array("\u{1}ibdash-bench-marker\u{2}".utf8)

    init(size: TerminalSize) throws(TerminalError) {
        // posix_openpt and its kin are not in Swift's Glibc module: the same through Linux's ioctls
        // (TIOCSPTLCK unlocks the device end, TIOCGPTN names it; both _IOW/_IOR of an Int32 on 'T').
        let controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: Int32 = 0
        guard controller >= 0, ioctl(controller, 0x4004_5431, &unlock) == 0, ioctl(controller, 0x8004_5430, &number) == 0
        else { throw .cannotOpen("a pseudo-terminal") }
        let name = "/dev/pts/\(number)"
        let device = open(name, O_RDWR | O_NOCTTY)
        guard device >= 0 else { throw .cannotOpen("a pseudo-terminal device") }
        var window = winsize(ws_row: UInt16(clamping: size.rows), ws_col: UInt16(clamping: size.cols), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(device, UInt(TIOCSWINSZ), &window)
        self.controller = controller
        self.device = device
        let thread = Thread { [self] in drain() }
        thread.start()
    }

    /// The bytes written to the device since the last call: a marker written after them shows where they end.
    func takeByteCount() -> Int {
        _ = Self.marker.withUnsafeBytes { write(device, $0.baseAddress, $0.count) }
        while true {
            let count: Int? = counted.withLock { counted in
                guard counted.tail == Self.marker else { return nil }
                defer { counted = (0, []) }
                return counted.bytes - Self.marker.count
            }
            if let count { return count }
            usleep(50)
        }
    }

    /// Reads until the process ends: the benchmark keeps its terminal to the end.
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(controller, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            counted.withLock { counted in
                counted.bytes += count
                counted.tail = Array((counted.tail + buffer[0..<count]).suffix(Self.marker.count))
            }
        }
    }
}
