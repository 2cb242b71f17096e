import Foundation

/// What the control endpoint and the public API can do to the running gateway.
extension GatewayEngine {
    func sessionState(at now: Date) -> SimulatedSession {
        advance(to: now)
        return session.state
    }

    func setSession(_ state: SimulatedSession, at now: Date) {
        advance(to: now)
        session.set(state, at: now)
    }

    func triggerDailyReset(at now: Date) {
        advance(to: now)
        session.reset(at: now, next: switches.dailyReset)
    }

    func movePrices(percent: Double, conid: Int?, at now: Date) throws(ControlError) {
        guard percent > -100, percent.isFinite else { throw ControlError("the move must be above -100 %") }
        if let conid, market.universe[conid] == nil { throw ControlError("unknown conid \(conid)") }
        advance(to: now)
        market.move(percent: percent, conid: conid, at: now)
    }

    /// Fills what is left of a working order at the market now; `nil` picks the oldest working order.
    func fillOrder(id: Int?, at now: Date) throws(ControlError) -> Int {
        advance(to: now)
        let index = id.map { wanted in orders.firstIndex { $0.id == wanted && $0.status.isWorking } }
            ?? orders.indices.filter { orders[$0].status.isWorking }.min { orders[$0].submittedAt < orders[$1].submittedAt }
        guard let index else {
            throw ControlError(id.map { "no working order \($0)" } ?? "no working order to fill")
        }
        execute(orderAt: index, quantity: orders[index].remaining, at: now)
        return orders[index].id
    }

    func placeOrder(account: String?, at now: Date) throws(ControlError) -> Int {
        if let account, accountIndex(account) == nil { throw ControlError("unknown account \(account)") }
        advance(to: now)
        guard let id = placeRandomOrder(account: account, at: now) else { throw ControlError("no order could be placed") }
        return id
    }

    func inject(_ fault: Fault, at now: Date) { faults.add(fault, at: now) }

    func clearFaults() { faults.clear() }

    func change(_ changes: SwitchChanges) {
        switches = changes.applied(to: switches)
        if switches.penaltyBox == nil { penaltyUntil = nil }
    }

    func currentSwitches() -> GatewaySwitches { switches }

    func currentStatistics() -> SimulatorStatistics { statistics }
}
