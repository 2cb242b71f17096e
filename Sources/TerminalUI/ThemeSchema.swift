import TOML

/// The format of `themes/*.toml`, as a schema: it validates theme files and documents them.
public enum ThemeSchema {
    public static let summary = SchemaKey("description", .string, default: "", "One line shown when themes are listed")

    public static let foreground = OptionalSchemaKey("fg", .color, "Text colour; left out, the terminal's own")
    public static let background = OptionalSchemaKey("bg", .color, "Background colour; left out, the terminal's own")
    public static let attributes: [(key: SchemaKey<Bool>, attribute: Style.Attributes)] = [
        (SchemaKey("bold", .boolean, default: false, "Bold text"), .bold),
        (SchemaKey("dim", .boolean, default: false, "Dim text"), .dim),
        (SchemaKey("underline", .boolean, default: false, "Underlined text"), .underline),
        (SchemaKey("reverse", .boolean, default: false, "Text and background swapped"), .reverse),
        (SchemaKey("italic", .boolean, default: false, "Italic text (not every terminal has it)"), .italic),
    ]

    public static let gain = glyph("gain", \.gain, "Before a gain")
    public static let loss = glyph("loss", \.loss, "Before a loss")
    public static let unchanged = glyph("unchanged", \.unchanged, "Before an unchanged value")
    public static let live = glyph("live", \.live, "Data within its refresh cadence")
    public static let aging = glyph("aging", \.aging, "Data older than its cadence")
    public static let stale = glyph("stale", \.stale, "Data too old to trust, or whose refresh failed")
    public static let missing = glyph("missing", \.missing, "Data not fetched yet (shown as `◌ loading`): never a hyphen, which reads as a minus")
    public static let error = glyph("error", \.error, "Data that could not be fetched at all")
    public static let box = SchemaKey("box", .word, default: ThemeGlyphs.standard.box, "Line set of pane borders")

    public static let schema = Schema(
        keys: [summary],
        tables: [
            SchemaTable(
                "roles", "One inline table per role; a role left out uses the terminal's own colours",
                tables: ThemeRole.allCases.map { role in
                    SchemaTable(
                        role.rawValue, role.summary, keys: [foreground, background] + attributes.map(\.key))
                }),
            SchemaTable(
                "glyphs", "Symbols that carry meaning besides colour, one column each",
                keys: [gain, loss, unchanged, live, aging, stale, missing, error, box]),
        ])

    /// A string one column wide; a wider one would shift every column after it.
    static let glyphType = SchemaType<String>(
        name: "glyph", expectation: "a single one-column character such as \"▲\"",
        read: { value in value.string.flatMap { TextWidth.of($0) == 1 && $0.count == 1 ? $0 : nil } },
        write: TOMLKey.quoted)

    private static func glyph(_ name: String, _ path: KeyPath<ThemeGlyphs, String>, _ summary: String) -> SchemaKey<String> {
        SchemaKey(name, glyphType, default: ThemeGlyphs.standard[keyPath: path], summary)
    }
}
