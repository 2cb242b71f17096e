import NIOCore

/// Who may drive the control listener: loopback peers only (127.0.0.0/8, ::1, and 127.x mapped into IPv6).
/// The listener also binds 127.0.0.1 alone; this check is the second lock on the door.
public enum LoopbackPolicy {
    public static func allows(_ address: SocketAddress?) -> Bool {
        guard let address else { return false }
        switch address {
        case .v4:
            return address.ipAddress?.hasPrefix("127.") ?? false
        case .v6:
            guard let ip = address.ipAddress?.lowercased() else { return false }
            return ip == "::1" || ip.hasPrefix("::ffff:127.")
        case .unixDomainSocket:
            return false
        }
    }
}
