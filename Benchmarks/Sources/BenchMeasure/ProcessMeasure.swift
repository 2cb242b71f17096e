import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the benchmark executables read about themselves: the calling thread's CPU time, and the process's
/// resident memory from /proc.
public enum ProcessMeasure {
    /// CPU time of this thread in seconds (wall time where there is no per-thread clock).
    public static func threadCPUSeconds() -> Double {
        #if canImport(Glibc)
        var time = timespec()
        if clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 { return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9 }
        #endif
        return Date().timeIntervalSince1970
    }

    /// Peak resident set size of this process in bytes (VmHWM), or nil where there is no /proc.
    public static func peakResidentBytes() -> Int? { statusKilobytes("VmHWM:").map { $0 * 1024 } }

    /// Resident set size of this process now in bytes (VmRSS), or nil where there is no /proc.
    public static func residentBytes() -> Int? { statusKilobytes("VmRSS:").map { $0 * 1024 } }

    private static func statusKilobytes(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return line.split(separator: " ").compactMap { Int($0) }.first
        }
        return nil
    }
}
