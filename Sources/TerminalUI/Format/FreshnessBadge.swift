import Portfolio

/// How a dataset's freshness reads on screen: glyph, words and role together, so that it reads the same without
/// colour: `● 4s`, `◐ 40s`, `○ stale 2m`, `× error`, `◌ loading`.
public struct FreshnessBadge: Hashable, Sendable {
    public var text: String
    public var role: ThemeRole

    public init(_ freshness: Freshness?, glyphs: ThemeGlyphs) {
        guard let freshness else {
            self.init(text: glyphs.missing + " loading", role: .muted)
            return
        }
        let glyph = glyphs.freshness(freshness.level)
        let age = freshness.age.map(AgeText.of)
        switch freshness.level {
        case .live: self.init(text: glyph + " " + (age ?? "now"), role: .muted)
        case .aging: self.init(text: glyph + " " + (age ?? ""), role: .warning)
        case .stale: self.init(text: glyph + " stale" + (age.map { " " + $0 } ?? ""), role: .stale)
        case .missing: self.init(text: glyph + " loading", role: .muted)
        case .error: self.init(text: glyph + " error", role: .error)
        }
    }

    init(text: String, role: ThemeRole) {
        self.text = text
        self.role = role
    }
}
