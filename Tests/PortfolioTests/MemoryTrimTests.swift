import Foundation
import Testing

@testable import Portfolio

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Memory trim")
struct MemoryTrimTests {
    /// One mapping of a `/proc/PID/smaps` listing: its header, a few of its fields, its anonymous pages.
    private func mapping(_ header: String, anonymous: Int) -> String {
        "\(header)\nSize:                 24 kB\nRss:                  24 kB\nAnonymous:            \(anonymous) kB\n"
            + "KSM:                   0 kB\nTHPeligible:           0\nVmFlags: rd ex mr mw me\n"
    }

    @Test("only file-backed mappings that cannot be written and hold no page of their own are unmapped")
    func choosesCode() {
        let smaps = [
            mapping("55e9b58a3000-55e9b7188000 r-xp 00000000 fe:00 5310333                    /usr/local/bin/ibdash", anonymous: 0),
            mapping("55e9b7188000-55e9b7249000 r--p 018e5000 fe:00 5310333                    /usr/local/bin/ibdash", anonymous: 0),
            // Relocated at load time (RELRO): its pages are copies, and unmapping them would lose the relocations.
            mapping("55e9b7249000-55e9b7250000 r--p 019a5000 fe:00 5310333                    /usr/local/bin/ibdash", anonymous: 28),
            mapping("55e9b7250000-55e9b73ff000 rw-p 019ac000 fe:00 5310333                    /usr/local/bin/ibdash", anonymous: 0),
            mapping("55e9e6bc2000-55e9e715b000 rw-p 00000000 00:00 0                          [heap]", anonymous: 4000),
            mapping("7f811c200000-7f811e771000 r-xp 00000000 fe:00 2257                       /opt/swift/usr/lib/lib_FoundationICU.so", anonymous: 0),
            mapping("7f811e771000-7f811e772000 rwxp 00000000 00:00 0", anonymous: 4),
            mapping("7f811e772000-7f811e773000 r-xp 00000000 fe:00 2258                       /tmp/with space", anonymous: 0),
            mapping("7ffdabfb0000-7ffdabfb1000 r-xp 00000000 00:00 0                          [vdso]", anonymous: 0),
            mapping("zzzz-55e9b7188000 r-xp 00000000 fe:00 5310333                            /broken", anonymous: 0),
            mapping("55e9b7188000-55e9b7188000 r-xp 00000000 fe:00 5310333                    /empty", anonymous: 0),
        ].joined()
        #expect(
            MemoryTrim.filePages(in: smaps) == [
                0x55e9_b58a_3000..<0x55e9_b718_8000, 0x55e9_b718_8000..<0x55e9_b724_9000,
                0x7f81_1c20_0000..<0x7f81_1e77_1000, 0x7f81_1e77_2000..<0x7f81_1e77_3000,
            ])
    }

    #if os(Linux)
        @Test("the own file pages are found whole, the C library's code among them; a trim leaves them runnable")
        func findsRunningCode() throws {
            let code = MemoryTrim.ownFilePages()
            // The test process maps dozens of libraries: more than one page of the listing.
            #expect(code.count > 20)
            for symbol in ["malloc", "swift_retain", "curses_version", "wcwidth"] {
                let address = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol), "\(symbol)")
                #expect(code.contains { $0.contains(UInt(bitPattern: address)) }, "\(symbol)")
            }

            MemoryTrim.afterBurst()
            let after = (0..<1_000).map { String($0) }.joined()
            #expect(after.count == 2_890)
        }
    #endif
}
