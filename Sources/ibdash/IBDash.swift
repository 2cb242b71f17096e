import CLibc
import IBDashKit

#if canImport(Glibc)
    import Glibc
#endif

/// The executable only hands over to IBDashKit, where the commands live and are tested.
@main
enum IBDash {
    static func main() async {
        capMallocArenas()
        await IBDashCommand.main(nil)
    }

    /// glibc gives a thread that finds the arenas busy a new arena, up to 8 per core, and each keeps its own free
    /// memory: with NIO's, the simulator's and Swift concurrency's threads that came to several megabytes of idle
    /// resident memory. One arena measured about 2 MB smaller than glibc's default with no CPU cost that could
    /// be seen (the threads allocate little at a time). Set before the first threads start; MALLOC_ARENA_MAX (or
    /// the glibc.malloc.arena_max tunable), which glibc reads itself, still wins.
    private static func capMallocArenas() {
        #if os(Linux)
            if getenv("MALLOC_ARENA_MAX") != nil { return }
            if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("glibc.malloc.arena_max") {
                return
            }
            _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
