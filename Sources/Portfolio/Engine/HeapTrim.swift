import CLibc

/// Hands the free memory at the top of malloc's heaps back to the system after a burst of allocation, such as
/// parsing a Flex statement: glibc keeps freed memory for reuse, so without this the dashboard's resident size
/// stays at the burst's high-water mark. It walks the heaps once, which is cheap beside the parse.
enum HeapTrim {
    static func afterBurst() {
        #if os(Linux)
            _ = malloc_trim(0)
        #endif
    }
}
