import Foundation

/// A simulated order, from PreSubmitted through Submitted to Filled, Cancelled or Inactive (rejected).
struct SimulatedOrder: Sendable {
    enum Status: String, Sendable {
        case preSubmitted = "PreSubmitted"
        case submitted = "Submitted"
        case filled = "Filled"
        case cancelled = "Cancelled"
        case inactive = "Inactive"

        var isWorking: Bool { self == .preSubmitted || self == .submitted }

        /// The `filters` query value that selects this status.
        var filterName: String {
            switch self {
            case .preSubmitted: "pre_submitted"
            case .submitted: "submitted"
            case .filled: "filled"
            case .cancelled: "cancelled"
            case .inactive: "inactive"
            }
        }
    }

    let id: Int
    let account: String
    let conid: Int
    let isBuy: Bool
    /// `nil` for a market order.
    let limitPrice: Decimal?
    let quantity: Decimal
    let timeInForce: String
    let orderRef: String
    let submittedAt: Date
    var status = Status.preSubmitted
    var filled: Decimal = 0
    var averagePrice: Decimal?
    var updatedAt: Date
    var lastExecution: Date?
    var rejectionReason: String?

    var remaining: Decimal { quantity - filled }
}
