/// One `String` per distinct value of the repetitive attributes (symbols, descriptions, currencies, codes).
///
/// A statement repeats the same few hundred values tens of thousands of times; looking the bytes up is
/// cheaper than making (and for long values allocating) a new string each time, and the rows then share
/// storage. Strings are cleaned of control characters once, when first seen. Past `limit` distinct values
/// (a hostile or unusual document) new values are simply not remembered.
struct FlexStringInterner {
    private struct Entry {
        var first: UInt64
        var last: UInt64
        var length: Int32
        var offset: Int32
    }

    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var entries: [Entry] = []
    private var strings: [String] = []
    private var bytes: [UInt8] = []
    private let limit = 1 << 16

    /// `readable`: bytes that may be read from the start of `value` (see `FlexNameTable.lookup`).
    mutating func string(_ value: UnsafeBufferPointer<UInt8>, readable: Int = 0) -> String {
        let (first, last) = FlexNameTable.words(value, readable: readable)
        let hash = FlexNameTable.hash(first, last, value.count)
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash >> 40) & mask
        while true {
            let index = Int(slots[position])
            if index < 0 { break }
            let entry = entries[index]
            if entry.first == first, entry.last == last, Int(entry.length) == value.count,
                value.count <= 16 || middleMatches(value, at: Int(entry.offset))
            {
                return strings[index]
            }
            position = (position + 1) & mask
        }
        let text = FlexText.string(value)
        guard entries.count < limit else { return text }
        slots[position] = Int32(entries.count)
        entries.append(Entry(first: first, last: last, length: Int32(value.count), offset: Int32(bytes.count)))
        strings.append(text)
        if value.count > 16 { bytes.append(contentsOf: value) }
        if entries.count * 2 > slots.count { grow() }
        return text
    }

    private func middleMatches(_ value: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var index = 8
        while index < value.count - 8 {
            if bytes[offset + index] != value[index] { return false }
            index += 1
        }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var position = Int(truncatingIfNeeded: FlexNameTable.hash(entry.first, entry.last, Int(entry.length)) >> 40) & mask
            while slots[position] >= 0 { position = (position + 1) & mask }
            slots[position] = Int32(index)
        }
    }
}
