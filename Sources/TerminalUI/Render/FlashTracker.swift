/// Remembers the text each flashing value had in the last frame, so that a value that changed is drawn in the
/// theme's flash style for a moment. A value seen for the first time does not flash: nothing changed.
public final class FlashTracker {
    private struct Entry {
        var text: String
        var until: ContinuousClock.Instant?
        var frame: Int
    }

    public let duration: Duration
    private var entries: [String: Entry] = [:]
    private var frame = 0
    /// How many entries the last sweep kept.
    private var swept = 0
    private var now: ContinuousClock.Instant
    private var recorded: (keys: [String], flashed: Bool)?

    public init(duration: Duration = .milliseconds(1200), now: ContinuousClock.Instant = .now) {
        self.duration = duration
        self.now = now
    }

    /// Starts a frame drawn at `now`; values not drawn in the last two frames are forgotten. Forgetting is by
    /// frame number, checked where an entry is read, so a frame costs nothing for the values it does not draw; the
    /// dictionary is swept only when it has doubled.
    public func beginFrame(at now: ContinuousClock.Instant) {
        self.now = now
        frame += 1
        if entries.count > 2 * max(256, swept) {
            entries = entries.filter { isCurrent($0.value) }
            swept = entries.count
        }
    }

    private func isCurrent(_ entry: Entry) -> Bool { entry.frame >= frame - 2 }

    /// Runs `body` and returns the keys of the values it drew, and whether any of them was flashing: what a part
    /// of the screen needs to be reused in a later frame.
    func recording(_ body: () -> Void) -> (keys: [String], flashed: Bool) {
        recorded = ([], false)
        body()
        let result = recorded ?? ([], false)
        recorded = nil
        return result
    }

    /// For a part of the screen reused from an earlier frame instead of drawn: its values count as drawn in this
    /// frame, so they are not forgotten. False when one of them flashes now or was forgotten: the part is drawn again.
    func carryOver(_ keys: [String]) -> Bool {
        for key in keys {
            guard let index = entries.index(forKey: key), isCurrent(entries.values[index]),
                entries.values[index].until.map({ now >= $0 }) ?? true
            else { return false }
            entries.values[index].frame = frame
        }
        return true
    }

    /// True while the value under `key` is flashing; `text` is what is drawn now.
    public func isFlashing(_ key: String, _ text: String) -> Bool {
        let flashing = flashState(key, text)
        recorded?.keys.append(key)
        if flashing { recorded?.flashed = true }
        return flashing
    }

    private func flashState(_ key: String, _ text: String) -> Bool {
        guard var entry = entries[key], isCurrent(entry) else {
            entries[key] = Entry(text: text, until: nil, frame: frame)
            return false
        }
        if entry.text != text {
            entry.text = text
            entry.until = now + duration
        }
        entry.frame = frame
        entries[key] = entry
        guard let until = entry.until else { return false }
        return now < until
    }

    /// When the next flash ends and the screen must be drawn again; `nil` when nothing flashes.
    public var nextDeadline: ContinuousClock.Instant? {
        entries.values.compactMap { isCurrent($0) ? $0.until : nil }.filter { $0 > now }.min()
    }
}
