import Foundation

/// The faults in force, oldest first; each matching request takes the first one that still applies.
struct FaultPlan: Sendable {
    private struct Active: Sendable {
        let fault: Fault
        var remaining: Int?
        let until: Date?
    }

    private var active: [Active] = []

    var isEmpty: Bool { active.isEmpty }

    mutating func add(_ fault: Fault, at now: Date) {
        let until = fault.duration.map { now.addingTimeInterval($0.seconds) }
        let remaining = fault.count ?? (fault.duration == nil ? 1 : nil)
        active.append(Active(fault: fault, remaining: remaining, until: until))
    }

    mutating func clear() { active.removeAll() }

    /// The fault for a request to `fullPath` (and `apiPath`, the part after the base path), used up by it.
    mutating func take(fullPath: String, apiPath: String, at now: Date) -> Fault.Kind? {
        active.removeAll { entry in
            if let until = entry.until, now >= until { return true }
            if let remaining = entry.remaining, remaining <= 0 { return true }
            return false
        }
        guard
            let index = active.firstIndex(where: { entry in
                guard let prefix = entry.fault.pathPrefix else { return true }
                return fullPath.hasPrefix(prefix) || apiPath.hasPrefix(prefix)
            })
        else { return nil }
        if let remaining = active[index].remaining { active[index].remaining = remaining - 1 }
        return active[index].fault.kind
    }
}
