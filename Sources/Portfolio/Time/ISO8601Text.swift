import Foundation

/// Instants written as ISO 8601 in UTC, `2026-11-22T02:15:09Z`: what `Date.formatted(.iso8601)` writes, without
/// the format style, which loads ICU (see `CivilDate`). For logs, the alert log and the alert hook's environment.
public enum ISO8601Text {
    public static func utc(_ date: Date) -> String {
        let seconds = CivilDate.secondsOfDay(date)
        return CivilDate(containing: date).description + "T" + CivilDate.padded(seconds / 3600, 2) + ":"
            + CivilDate.padded(seconds / 60 % 60, 2) + ":" + CivilDate.padded(seconds % 60, 2) + "Z"
    }
}
