/// A fixed set of names (element or attribute names) looked up straight from document bytes.
///
/// Built once; a lookup hashes the first and last eight bytes of the name and compares at most the middle
/// bytes, so no `String` is made for a name the parser meets. Open addressing, load factor at most one half.
struct FlexNameTable: Sendable {
    private struct Slot: Sendable {
        var first: UInt64 = 0
        var last: UInt64 = 0
        var length: Int32 = 0
        /// Where the name's bytes start in `bytes` (needed only for names longer than 16 bytes).
        var offset: Int32 = 0
        var index: Int32 = -1
    }

    private var slots: [Slot]
    private var bytes: [UInt8] = []
    private let shift: UInt64
    /// Names made of a known name and one of these suffixes count as known (`stockLong`, `dividendsMTD`).
    private let suffixes: [[UInt8]]
    let names: [String]

    /// `names[i]` is found as index `i`.
    init(_ names: [String], suffixes: [String] = []) {
        self.names = names
        self.suffixes = suffixes.map { Array($0.utf8) }
        var bits: UInt64 = 4
        while (1 << bits) < names.count * 2 { bits += 1 }
        shift = 64 - bits
        slots = Array(repeating: Slot(), count: 1 << bits)
        for (index, name) in names.enumerated() {
            let utf8 = Array(name.utf8)
            let offset = Int32(bytes.count)
            bytes += utf8
            utf8.withUnsafeBufferPointer { buffer in
                guard buffer.baseAddress != nil, lookup(buffer) == nil else { return }
                let (first, last) = Self.words(buffer)
                var position = Int(truncatingIfNeeded: Self.hash(first, last, buffer.count) >> shift)
                while slots[position].index >= 0 { position = (position + 1) & (slots.count - 1) }
                slots[position] = Slot(first: first, last: last, length: Int32(buffer.count), offset: offset, index: Int32(index))
            }
        }
    }

    /// The index of the name, or nil when it is not in the table. `readable`: how many bytes from the start of
    /// `name` may be read (at least its length), which lets a short name be loaded as one word.
    @inline(__always)
    func lookup(_ name: UnsafeBufferPointer<UInt8>, readable: Int = 0) -> Int? {
        guard !name.isEmpty else { return nil }
        let (first, last) = Self.words(name, readable: readable)
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: Self.hash(first, last, name.count) >> shift)
        while true {
            let slot = slots[position]
            if slot.index < 0 { return nil }
            if slot.first == first, slot.last == last, Int(slot.length) == name.count,
                name.count <= 16 || middleMatches(name, at: Int(slot.offset))
            {
                return Int(slot.index)
            }
            position = (position + 1) & mask
        }
    }

    /// For a name that is a known name followed by one of the table's suffixes: the known name's index.
    func lookupStem(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        for suffix in suffixes where name.count > suffix.count && name.suffix(suffix.count).elementsEqual(suffix) {
            if let index = lookup(UnsafeBufferPointer(rebasing: name.dropLast(suffix.count))) { return index }
        }
        return nil
    }

    private func middleMatches(_ name: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            var index = 8
            while index < name.count - 8 {
                if stored[offset + index] != name[index] { return false }
                index += 1
            }
            return true
        }
    }

    /// The first and last eight bytes of a name (for shorter names: the bytes, zero-padded, twice).
    @inline(__always)
    static func words(_ name: UnsafeBufferPointer<UInt8>, readable: Int = 0) -> (UInt64, UInt64) {
        let count = name.count
        guard let base = name.baseAddress else { return (0, 0) }
        if count < 8, readable >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) & ((1 << (UInt64(count) * 8)) - 1)
            return (word, word)
        }
        if count >= 8 {
            let raw = UnsafeRawPointer(base)
            return (
                UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            )
        }
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(base[index]) << (8 * UInt64(index)) }
        return (word, word)
    }

    @inline(__always)
    static func hash(_ first: UInt64, _ last: UInt64, _ count: Int) -> UInt64 {
        (first ^ ((last << 29) | (last >> 35)) ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15
    }
}
