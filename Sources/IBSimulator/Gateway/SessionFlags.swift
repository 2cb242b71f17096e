/// What a client has done in the current session: the prerequisites and pre-flights of reference §6.3.
struct SessionFlags: Sendable {
    var portfolioAccountsCalled = false
    var iserverAccountsCalled = false
    var pnlPreflightDone = false
    var ordersPreflightDone = false
    /// Snapshot streams opened so far, with the fields attached to each.
    var snapshotFields: [Int: Set<String>] = [:]

    /// A new brokerage session starts its pre-flights and prerequisites again.
    mutating func resetBrokerage() {
        iserverAccountsCalled = false
        pnlPreflightDone = false
        ordersPreflightDone = false
        snapshotFields = [:]
    }
}
