import Foundation

/// The times requests were granted or are booked for, per rule, and the earliest time a new one fits.
///
/// A sliding log rather than a token bucket: a bucket lets a burst through at the start of a window and a
/// steady stream right after it, which puts up to twice the limit into some windows; the log keeps every
/// window of every rule within its limit.
struct SlotCalendar: Sendable {
    private var booked: [String: [Date]] = [:]

    /// The earliest time at or after `now` when one more request fits every rule, given everything booked.
    func earliestSlot(from now: Date, rules: [String: PacingRule], margin: Duration) -> Date {
        var candidates = [now]
        for (name, rule) in rules {
            let span = (rule.window + margin).timeInterval
            for time in booked[name, default: []] where time.addingTimeInterval(span) > now {
                candidates.append(time.addingTimeInterval(span))
            }
        }
        candidates.sort()
        // The latest candidate always fits: every booking is then at least one window in the past.
        return candidates.first { candidate in
            rules.allSatisfy { name, rule in
                Self.fits(candidate, into: booked[name, default: []], rule: rule, margin: margin)
            }
        } ?? candidates[candidates.count - 1]
    }

    mutating func book(_ time: Date, rules: some Sequence<String>) {
        for name in rules {
            var times = booked[name, default: []]
            times.insert(time, at: times.firstIndex { $0 > time } ?? times.endIndex)
            booked[name] = times
        }
    }

    /// Gives back a booking that will not be used, or that moves later; either can only loosen every window.
    mutating func release(_ time: Date, rules: some Sequence<String>) {
        for name in rules {
            if let index = booked[name]?.firstIndex(of: time) { booked[name]?.remove(at: index) }
        }
    }

    /// Forgets bookings older than `horizon`: no window reaches back that far.
    mutating func forget(before horizon: Date) {
        for name in booked.keys { booked[name]?.removeAll { $0 < horizon } }
    }

    /// Every `limit + 1` consecutive bookings, the new one among them, must span at least a window.
    private static func fits(_ time: Date, into times: [Date], rule: PacingRule, margin: Duration) -> Bool {
        let span = (rule.window + margin).timeInterval
        var all = times
        let position = all.firstIndex { $0 > time } ?? all.endIndex
        all.insert(time, at: position)
        let first = max(0, position - rule.limit)
        for start in first...position where start + rule.limit < all.count {
            // The tolerance absorbs rounding in Date arithmetic, far below the margin.
            if all[start + rule.limit].timeIntervalSince(all[start]) < span - 1e-6 { return false }
        }
        return true
    }
}
