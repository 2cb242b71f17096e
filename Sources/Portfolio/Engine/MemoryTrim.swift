import CLibc

#if canImport(Glibc)
    import Glibc
#endif

/// Hands memory that a burst of work left behind back to the system: after start-up and after each Flex statement
/// is parsed, the dashboard settles into a small loop (poll, value, draw) that uses a fraction of what it touched.
///
/// - The heap: glibc keeps freed memory for reuse, so without a trim the resident size stays at the burst's
///   high-water mark.
/// - Code and read-only data: every page of the program that was read once (argument parsing, the demo's
///   certificate, the TLS handshakes, the XML parser) stays mapped in and counted as resident. Unmapping them
///   (`MADV_DONTNEED`) leaves resident only what is read again, which maps back in from the page cache, where the
///   pages stay, at the cost of a minor fault. Only file-backed mappings that cannot be written and hold no page of
///   their own (`Anonymous: 0 kB`) are unmapped: such a page is exactly the file's, so nothing is lost. (Asking
///   the kernel to reclaim them instead, `MADV_PAGEOUT`, also drops them from the page cache: reading them back
///   from the disk cost more CPU than the idle dashboard spends in a minute.)
public enum MemoryTrim {
    public static func afterBurst() {
        #if os(Linux)
            _ = malloc_trim(0)
            for range in ownFilePages() {
                guard let start = UnsafeMutableRawPointer(bitPattern: range.lowerBound) else { continue }
                _ = madvise(start, Int(range.upperBound - range.lowerBound), MADV_DONTNEED)
            }
        #endif
    }

    #if os(Linux)
        /// This process's mappings that can be unmapped safely. The listing is read to its end by hand: the kernel
        /// makes it a page at a time and reports no size, and Foundation's file reading stops after the first read.
        static func ownFilePages() -> [Range<UInt>] {
            let file = open("/proc/self/smaps", O_RDONLY | O_CLOEXEC)
            guard file >= 0 else { return [] }
            defer { close(file) }
            var listing: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                listing += chunk[..<count]
            }
            return filePages(in: String(decoding: listing, as: UTF8.self))
        }
    #endif

    /// The address ranges, in a `/proc/PID/smaps` listing, of the file-backed mappings that cannot be written and
    /// have no anonymous (copied-on-write) page.
    static func filePages(in smaps: String) -> [Range<UInt>] {
        var found: [Range<UInt>] = []
        var candidate: Range<UInt>?
        for line in smaps.split(separator: "\n") {
            if line.hasPrefix("Anonymous:") {
                let pages = line.dropFirst("Anonymous:".count).split(separator: " ").first
                if let range = candidate, pages == "0" { found.append(range) }
                candidate = nil
                continue
            }
            // Address range, permissions, offset, device, inode, then the path (which may hold spaces).
            let fields = line.split(separator: " ")
            guard fields.count >= 5, fields[0].contains("-"), fields[1].count == 4 else { continue }
            candidate = nil
            guard fields.count >= 6, fields[5].hasPrefix("/"), !fields[1].contains("w") else { continue }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16),
                start < end
            else { continue }
            candidate = start..<end
        }
        return found
    }
}
