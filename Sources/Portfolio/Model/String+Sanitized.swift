/// Text that came from the network (or from anything else outside) can carry escape sequences that would drive the
/// terminal, split a log line, or reorder what is shown. Everything that reaches a screen, a log or a hook goes
/// through `sanitized` first.
extension String {
    /// The text without control characters or bidirectional overrides; line breaks and tabs become spaces.
    public var sanitized: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: scalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            // Bidirectional embeddings, overrides and isolates can make a line read backwards.
            case 0x202A...0x202E, 0x2066...0x2069: continue
            case 0x2028, 0x2029: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
