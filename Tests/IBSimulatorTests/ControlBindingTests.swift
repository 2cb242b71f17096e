import Foundation
import Testing

@testable import IBSimulator

/// The control endpoint listens on 127.0.0.1 alone, whatever address the API is given: read from the kernel's
/// table of listening sockets, so no packet has to leave the loopback to show it.
@Suite struct ControlBindingTests {
    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: "/proc/net/tcp"), "needs Linux's /proc/net/tcp"))
    func theControlListenerIsBoundToTheLoopbackOnly() async throws {
        try await SimulatorHarness.with(configuring: { $0.host = "127.0.0.2" }) { harness in
            let control = try Self.listeners(port: harness.endpoints.controlPort)
            #expect(control == ["127.0.0.1"], "the control port listens on \(control)")
            // The API took the address it was given, so the control's address is not just a copy of it.
            let api = try Self.listeners(port: harness.endpoints.apiPort)
            #expect(api == ["127.0.0.2"], "the API listens on \(api)")
        }
    }

    /// The IPv4 and IPv6 addresses with a listening TCP socket on `port`, as the kernel lists them.
    static func listeners(port: Int) throws -> [String] {
        var addresses: [String] = []
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = readAll(table) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                // sl local_address rem_address st …; 0A is LISTEN.
                guard fields.count > 3, fields[3] == "0A" else { continue }
                let local = fields[1].split(separator: ":")
                guard local.count == 2, Int(local[1], radix: 16) == port else { continue }
                addresses.append(address(hex: String(local[0])))
            }
        }
        return addresses
    }

    /// The whole of a /proc file: its size reads as 0, so it is read until the end rather than by its size.
    static func readAll(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer.prefix(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `0100007F` → `127.0.0.1` (the kernel prints the address in host order); IPv6 as its hex words.
    static func address(hex: String) -> String {
        guard hex.count == 8, let value = UInt32(hex, radix: 16) else { return "ipv6:" + hex }
        return (0..<4).map { String((value >> (8 * UInt32($0))) & 0xFF) }.joined(separator: ".")
    }
}
