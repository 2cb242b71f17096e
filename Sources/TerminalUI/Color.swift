/// A colour as the terminal knows it: its own default, or an entry of its 256-colour palette.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background, so that ibdash sits on whatever the user chose.
    case terminalDefault
    /// 0–7 are the basic ANSI colours, 16–231 the 6×6×6 cube, 232–255 the grey ramp.
    case index(UInt8)
}
