/// A key the UI can act on, decoded from what the terminal sends.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    /// Ctrl with a letter, as the lowercase letter: Ctrl-L is `.control("l")`. Ctrl-H, Ctrl-I, Ctrl-J and
    /// Ctrl-M send the same codes as Backspace, Tab and Enter and arrive as those.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab
    case enter, escape, backspace, delete
    /// F1 is `.function(1)`.
    case function(Int)
    /// The terminal changed size: re-read it and lay out again.
    case resize
}
