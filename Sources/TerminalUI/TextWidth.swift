import Portfolio
import CLibc
import Glibc

/// Display width exactly as ncurses measures it (libc `wcwidth`), in the one place layout asks, so that wide
/// characters keep columns aligned. Needs a UTF-8 `LC_CTYPE`: the app calls `setlocale(LC_ALL, "")`, tests
/// `setlocale(LC_CTYPE, "C.UTF-8")`.
public enum TextWidth {
    /// What the grid stores for `scalar` and the columns it takes (0 joins the previous cell as a mark);
    /// nil for what it drops. Control and unprintable characters become U+FFFD, so they can never reach the
    /// terminal; bidi overrides and isolates are dropped, so they cannot reorder what follows them.
    public static func glyph(for scalar: Unicode.Scalar) -> (scalar: Unicode.Scalar, width: Int)? {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return (scalar, 1) }
        if TextSanitizer.isBidiControl(scalar) { return nil }
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return (replacement, 1) }
        let width = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
        return width < 0 ? (replacement, 1) : (scalar, min(width, 2))
    }

    /// Columns `text` takes on screen.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += glyph(for: scalar)?.width ?? 0
        }
        return total
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        let room = width - of(ellipsis)
        var kept = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let columns = glyph(for: scalar)?.width ?? 0
            if used + columns > room { break }
            kept.unicodeScalars.append(scalar)
            used += columns
        }
        return kept + ellipsis
    }

    /// True when the locale encodes text as UTF-8. Otherwise ncurses draws nothing beyond ASCII: box lines,
    /// arrows and CJK vanish, and the UI should switch to `ThemeGlyphs.ascii`, as htop does.
    public static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset) == "UTF-8"
    }

    public static let ellipsis = "…"
    static let replacement: Unicode.Scalar = "\u{FFFD}"
}
