import Foundation
import Testing

@testable import Portfolio

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Memory trim")
struct MemoryTrimTests {
    @Test("only file-backed executable mappings that cannot be written are asked to go")
    func choosesCode() {
        let maps = """
            55e9b58a3000-55e9b7188000 r-xp 00000000 fe:00 5310333                    /usr/local/bin/ibdash
            55e9b7188000-55e9b7249000 r--p 018e5000 fe:00 5310333                    /usr/local/bin/ibdash
            55e9b7249000-55e9b73ff000 rw-p 019a5000 fe:00 5310333                    /usr/local/bin/ibdash
            55e9e6bc2000-55e9e715b000 rw-p 00000000 00:00 0                          [heap]
            7f811c200000-7f811e771000 r-xp 00000000 fe:00 2257                       /opt/swift/usr/lib/lib_FoundationICU.so
            7f811e771000-7f811e772000 rwxp 00000000 00:00 0
            7f811e772000-7f811e773000 rwxp 00000000 fe:00 2258                       /tmp/jit code
            7ffdabfb0000-7ffdabfb1000 r-xp 00000000 00:00 0                          [vdso]
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            zzzz-55e9b7188000 r-xp 00000000 fe:00 5310333                            /broken
            55e9b7188000-55e9b7188000 r-xp 00000000 fe:00 5310333                    /empty
            """
        #expect(
            MemoryTrim.codeMappings(in: maps) == [
                0x55e9_b58a_3000..<0x55e9_b718_8000, 0x7f81_1c20_0000..<0x7f81_1e77_1000,
            ])
    }

    #if os(Linux)
        @Test("this process's own code is found whole, the C library's and the test's, and a trim leaves it runnable")
        func findsRunningCode() throws {
            let code = MemoryTrim.ownCode()
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
