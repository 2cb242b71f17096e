/// Cleans text that came from the network (or anything else outside) before it can reach the screen, a log, an
/// alert hook or an error message: escape
/// sequences (CSI, OSC such as OSC 52 clipboard writes, DCS, SOS, PM, APC, and the short forms), C0 and C1
/// control characters, DEL, and bidi overrides and isolates. Ordinary text (accents, CJK, emoji) is kept.
public enum TextSanitizer {
    public static func clean(_ text: String) -> String {
        // Most text is printable ASCII, which needs nothing taken out: given back as it is, not rebuilt.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x9B:
                skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipControlString(&scalars)
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                // Line and tab breaks separate words: keep the separation, not the control character.
                output.append(" ")
            case 0x00..<0x20, 0x7F...0x9F:
                break
            case 0x2028, 0x2029:
                output.append(" ")
            default:
                if !isBidiControl(scalar) { output.append(scalar) }
            }
        }
        return String(output)
    }

    /// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates): they reorder the text after them.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// After ESC: `[` starts a CSI, `]` `P` `X` `^` `_` a string that runs to its terminator, intermediates
    /// (0x20–0x2F) precede a final byte, and anything else is a two-character sequence.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next() else { return }
        switch next {
        case "[":
            skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_":
            skipControlString(&scalars)
        case " "..."/":
            while let scalar = scalars.next(), (0x20...0x2F).contains(scalar.value) {}
        default:
            break
        }
    }

    /// CSI parameters and intermediates up to the final byte (0x40–0x7E); anything else also ends it.
    private static func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next(), (0x20...0x3F).contains(scalar.value) {}
    }

    /// OSC, DCS, SOS, PM, APC: everything up to BEL, ST (ESC \ or U+009C), or the end of the text.
    private static func skipControlString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x07, 0x9C: return
            case 0x1B:
                if scalars.next() == "\\" { return }
            default: break
            }
        }
    }
}

extension String {
    /// The text as `TextSanitizer` cleans it: safe for the screen, a log line or a hook's environment.
    public var sanitized: String { TextSanitizer.clean(self) }
}
