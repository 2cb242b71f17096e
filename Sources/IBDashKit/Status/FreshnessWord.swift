import Portfolio

/// A dataset's freshness as scripts read it (docs/design.md): `live` within its cadence and a grace, `aging`,
/// `stale` from three cadences on or after a failed try, `missing` before anything came, `error` when the last
/// try failed and there is nothing to show.
public enum FreshnessWord: String, Codable, Hashable, Sendable, CaseIterable {
    case live, aging, stale, missing, error

    public init(_ level: Freshness.Level) {
        switch level {
        case .live: self = .live
        case .aging: self = .aging
        case .stale: self = .stale
        case .missing: self = .missing
        case .error: self = .error
        }
    }

    /// For the status line: ● live, ◐ aging, ○ stale or missing (nothing current), ✕ error.
    public var glyph: String {
        switch self {
        case .live: "●"
        case .aging: "◐"
        case .stale, .missing: "○"
        case .error: "✕"
        }
    }
}
