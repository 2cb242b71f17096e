import Foundation

/// What happened to an order between two polls of the order list.
struct OrderChange: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case placed, filled, partiallyFilled, cancelled, rejected }

    var kind: Kind
    var order: Order

    var isFill: Bool { kind == .filled || kind == .partiallyFilled }

    /// Changes from `previous` to `current`. Orders that vanish (IBKR drops finished orders at the day's end)
    /// are not changes.
    static func between(previous: [Order], current: [Order]) -> [OrderChange] {
        let before = Dictionary(previous.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        return current.compactMap { order in
            guard let old = before[order.id] else {
                return OrderChange(kind: kindOfFinished(order) ?? .placed, order: order)
            }
            if order.status == .filled && old.status != .filled { return OrderChange(kind: .filled, order: order) }
            if order.filled > old.filled { return OrderChange(kind: .partiallyFilled, order: order) }
            if isRejected(order) && !isRejected(old) { return OrderChange(kind: .rejected, order: order) }
            if order.status == .cancelled && old.status != .cancelled {
                return OrderChange(kind: .cancelled, order: order)
            }
            return nil
        }
    }

    private static func kindOfFinished(_ order: Order) -> Kind? {
        if order.status == .filled { return .filled }
        if isRejected(order) { return .rejected }
        if order.status == .cancelled { return .cancelled }
        return nil
    }

    /// IBKR has no "rejected" status: a rejected order is `Inactive` with the system's reason, or a status we do
    /// not know that says so.
    static func isRejected(_ order: Order) -> Bool {
        switch order.status {
        case .inactive: order.reason.map { !$0.isEmpty } ?? false
        case .other(let status): status.lowercased().contains("reject")
        default: false
        }
    }
}
