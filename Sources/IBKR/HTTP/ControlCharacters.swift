extension String {
    /// The text without control characters (C0, DEL, C1) and without bidirectional overrides, so that text from
    /// the network cannot move the cursor, change colours or reorder what a terminal shows.
    public var strippingControlCharacters: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars where !scalar.isTerminalHazard {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

extension Unicode.Scalar {
    fileprivate var isTerminalHazard: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true
        // LRE…RLO, LRI…PDI: they make a terminal line read differently from its bytes.
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
