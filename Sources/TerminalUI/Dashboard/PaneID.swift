/// The parts of the main screen. The account bar and the three lists can have the keyboard; the P&L pane cannot.
public enum PaneID: String, Hashable, Sendable, CaseIterable {
    case accounts, positions, pnl, orders, alerts

    /// The order Tab visits them in.
    public static let focusOrder: [PaneID] = [.accounts, .positions, .orders, .alerts]

    /// Lists that `/` filters and `s` sorts.
    public var isList: Bool { self == .positions || self == .orders || self == .alerts }
}
