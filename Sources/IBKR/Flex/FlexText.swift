/// Making text from IBKR safe to show: whatever came over the network may carry terminal control sequences.
enum FlexText {
    /// `text` without control characters (C0, DEL, C1) and bidirectional overrides; tabs and line breaks,
    /// which XML treats as spaces inside attribute values, become spaces.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                scalars.append(" ")
            } else if !isUnsafe(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A string from UTF-8 bytes, cleaned; invalid UTF-8 becomes U+FFFD.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return mayNeedCleaning(bytes) ? clean(text) : text
    }

    /// A cheap byte test that is true for every unsafe string (and for a few safe ones, which `clean` keeps).
    @inline(__always)
    static func mayNeedCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 { return true }
        return false
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
