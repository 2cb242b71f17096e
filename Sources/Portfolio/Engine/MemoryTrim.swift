import CLibc

#if canImport(Glibc)
    import Glibc
#endif

/// Hands memory that a burst of work left behind back to the system: after start-up and after each Flex statement
/// is parsed, the dashboard settles into a small loop (poll, value, draw) that uses a fraction of what it touched.
///
/// - The heap: glibc keeps freed memory for reuse, so without a trim the resident size stays at the burst's
///   high-water mark.
/// - Code: every page of machine code that ran once (argument parsing, the demo's certificate, the TLS handshake,
///   the XML parser) stays mapped in and counted as resident until the system is short of memory. Asking the
///   kernel to reclaim the executable mappings now (`MADV_PAGEOUT`) leaves resident only the code that runs again,
///   which faults back in from the page cache or the disk as it is needed. Only read-only executable mappings are
///   asked: their pages are never written, so nothing is lost, and the kernel leaves alone pages that other
///   processes share and files this user could not write.
public enum MemoryTrim {
    public static func afterBurst() {
        #if os(Linux)
            _ = malloc_trim(0)
            releaseCode()
        #endif
    }

    #if os(Linux)
        private static func releaseCode() {
            for range in ownCode() {
                guard let start = UnsafeMutableRawPointer(bitPattern: range.lowerBound) else { continue }
                _ = madvise(start, Int(range.upperBound - range.lowerBound), MADV_PAGEOUT)
            }
        }

        /// This process's code mappings. The listing is read to its end by hand: the kernel makes it a page at a
        /// time and reports no size, and Foundation's file reading stops after the first read.
        static func ownCode() -> [Range<UInt>] {
            let file = open("/proc/self/maps", O_RDONLY | O_CLOEXEC)
            guard file >= 0 else { return [] }
            defer { close(file) }
            var listing: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                listing += chunk[..<count]
            }
            return codeMappings(in: String(decoding: listing, as: UTF8.self))
        }
    #endif

    /// The address ranges of the file-backed, executable, unwritable mappings in a `/proc/PID/maps` listing.
    static func codeMappings(in maps: String) -> [Range<UInt>] {
        maps.split(separator: "\n").compactMap { line in
            // Address range, permissions, offset, device, inode, then the path (which may hold spaces).
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[5].hasPrefix("/") else { return nil }
            let permissions = fields[1]
            guard permissions.count == 4, permissions.contains("x"), !permissions.contains("w") else { return nil }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16),
                start < end
            else { return nil }
            return start..<end
        }
    }
}
