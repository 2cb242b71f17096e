/// An age as a few characters: `4s`, `2m`, `3h`, `2d`. Rounded down, so a value never looks younger than it is
/// by more than the unit shown.
public enum AgeText {
    public static func of(_ age: Duration) -> String {
        let seconds = max(0, age.components.seconds)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }
}
