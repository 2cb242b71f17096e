import TOML

/// A theme as its file gives it, before it meets a terminal: `resolved(colorCount:)` makes the `Theme`.
public struct ThemeDefinition: Hashable, Sendable {
    public var name: String
    public var summary: String
    /// Roles the file left out are drawn in the terminal's own colours.
    public var roles: [ThemeRole: RoleStyle]
    public var glyphs: ThemeGlyphs

    public init(name: String, summary: String, roles: [ThemeRole: RoleStyle], glyphs: ThemeGlyphs) {
        self.name = name
        self.summary = summary
        self.roles = roles
        self.glyphs = glyphs
    }

    /// Reads a theme file; every problem names the file, the line and the key.
    public static func load(name: String, path: String, home: String?) throws(TOMLError) -> ThemeDefinition {
        try read(ThemeSchema.schema.load(path: path, home: home), name: name)
    }

    public static func parse(_ text: String, name: String, file: String) throws(TOMLError) -> ThemeDefinition {
        try read(ThemeSchema.schema.validate(TOMLDocument.parse(text, file: file)), name: name)
    }

    private static func read(_ file: ValidatedTable, name: String) -> ThemeDefinition {
        let rolesTable = file.table("roles")
        var roles: [ThemeRole: RoleStyle] = [:]
        for role in ThemeRole.allCases {
            let table = rolesTable.table(role.rawValue)
            guard table.position != nil else { continue }
            var attributes: Style.Attributes = []
            for (key, attribute) in ThemeSchema.attributes where table[key] {
                attributes.insert(attribute)
            }
            roles[role] = RoleStyle(
                foreground: table[ThemeSchema.foreground], background: table[ThemeSchema.background],
                attributes: attributes)
        }
        let glyphs = file.table("glyphs")
        return ThemeDefinition(
            name: name, summary: file[ThemeSchema.summary], roles: roles,
            glyphs: ThemeGlyphs(
                gain: glyphs[ThemeSchema.gain], loss: glyphs[ThemeSchema.loss],
                unchanged: glyphs[ThemeSchema.unchanged], live: glyphs[ThemeSchema.live],
                aging: glyphs[ThemeSchema.aging], stale: glyphs[ThemeSchema.stale],
                missing: glyphs[ThemeSchema.missing], error: glyphs[ThemeSchema.error],
                box: glyphs[ThemeSchema.box]))
    }

    /// The theme on a terminal of `colorCount` colours (0, 8 or 256).
    public func resolved(colorCount: Int) -> Theme {
        var styles: [ThemeRole: Style] = [:]
        for role in ThemeRole.allCases {
            styles[role] = (roles[role] ?? RoleStyle()).resolved(colorCount: colorCount)
        }
        return Theme(name: name, summary: summary, styles: styles, glyphs: glyphs)
    }
}
