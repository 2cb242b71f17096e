/// One column of one row of the screen.
///
/// Packed into 24 bytes of plain integers with no padding: a grid of them is copied with `memcpy`, compared with
/// `memcmp` exactly, and never retains or releases anything. A frame is 12,000 of them at 200×60, made, copied and
/// compared on every frame, so this layout is most of what makes a frame cheap.
public struct Cell: Hashable, Sendable {
    /// Up to five Unicode scalars of 21 bits each, the first in the low bits: scalars 0–2 in `low`, 3–4 in `high`.
    /// A zero scalar ends the text (the grid never stores U+0000: control characters become U+FFFD).
    private var low: UInt64
    private var high: UInt64
    /// Foreground and background (9 bits each: bit 8 set for a palette index in bits 0–7, clear for the terminal's
    /// own colour), attributes (5 bits), the wide flag (1 bit) and box-line directions (4 bits).
    private var packed: UInt32
    /// Zero; spelled out so that the struct has no padding bytes for `memcmp` to trip on.
    private var reserved: UInt32 = 0

    /// ncurses keeps at most CCHARW_MAX (5) code points in a cell.
    static let maxScalars = 5

    private static let scalarBits: UInt64 = 21
    private static let scalarMask: UInt64 = (1 << 21) - 1
    private static let wideBit: UInt32 = 1 << 23
    private static let linesShift: UInt32 = 24

    init(scalar: Unicode.Scalar, style: Style, isWide: Bool = false, lines: BoxStyle.Directions = []) {
        low = UInt64(scalar.value)
        high = 0
        packed = Self.pack(style) | (isWide ? Self.wideBit : 0) | UInt32(lines.rawValue) << Self.linesShift
    }

    public static func blank(_ style: Style) -> Cell { Cell(scalar: " ", style: style) }

    static func continuation(_ style: Style) -> Cell {
        var cell = Cell(scalar: " ", style: style)
        cell.low = 0
        return cell
    }

    /// One character and up to four combining marks after it (what an ncurses cell holds); empty for the right
    /// half of a wide character.
    public var text: String {
        var text = String.UnicodeScalarView()
        forEachScalar { text.append($0) }
        return String(text)
    }

    /// Calls `body` with each scalar of the text in order, without making a string.
    @inline(__always)
    func forEachScalar(_ body: (Unicode.Scalar) -> Void) {
        for index in 0..<Self.maxScalars {
            let value = scalarValue(at: index)
            guard value != 0, let scalar = Unicode.Scalar(value) else { return }
            body(scalar)
        }
    }

    public var isContinuation: Bool { low == 0 }

    /// The five scalar values, zero after the last: what an ncurses `cchar_t` holds, read without a loop.
    var scalarValues: (UInt32, UInt32, UInt32, UInt32, UInt32) {
        (scalarValue(at: 0), scalarValue(at: 1), scalarValue(at: 2), scalarValue(at: 3), scalarValue(at: 4))
    }

    /// True for a character two columns wide; the cell to its right is its continuation.
    public var isWide: Bool { packed & Self.wideBit != 0 }

    /// For a box-drawing cell, where its lines leave it, so that a line drawn over it joins it exactly.
    var lines: BoxStyle.Directions { BoxStyle.Directions(rawValue: UInt8(truncatingIfNeeded: packed >> Self.linesShift)) }

    public var style: Style {
        get { Self.unpack(packed) }
        set { packed = packed & ~Self.styleMask | Self.pack(newValue) }
    }

    /// True when both cells are drawn in the same colours and attributes.
    func hasSameStyle(as other: Cell) -> Bool { (packed ^ other.packed) & Self.styleMask == 0 }

    /// The colours and attributes as one number, equal for cells of the same style: a key for what a backend
    /// makes once per style.
    var styleBits: UInt32 { packed & Self.styleMask }

    /// Appends a combining mark; false when the cell is full or holds nothing to combine with.
    mutating func appendMark(_ mark: Unicode.Scalar) -> Bool {
        guard !isContinuation else { return false }
        for index in 1..<Self.maxScalars where scalarValue(at: index) == 0 {
            setScalarValue(UInt64(mark.value), at: index)
            return true
        }
        return false
    }

    private func scalarValue(at index: Int) -> UInt32 {
        let word = index < 3 ? low : high
        return UInt32((word >> (UInt64(index % 3) * Self.scalarBits)) & Self.scalarMask)
    }

    private mutating func setScalarValue(_ value: UInt64, at index: Int) {
        let shift = UInt64(index % 3) * Self.scalarBits
        if index < 3 { low |= value << shift } else { high |= value << shift }
    }

    // MARK: Style packing

    private static let styleMask: UInt32 = (1 << 23) - 1

    private static func pack(_ style: Style) -> UInt32 {
        pack(style.foreground) | pack(style.background) << 9 | UInt32(style.attributes.rawValue & 0x1F) << 18
    }

    private static func pack(_ color: Color) -> UInt32 {
        switch color {
        case .terminalDefault: 0
        case .index(let index): 0x100 | UInt32(index)
        }
    }

    private static func unpack(_ packed: UInt32) -> Style {
        Style(
            foreground: unpackColor(packed), background: unpackColor(packed >> 9),
            attributes: Style.Attributes(rawValue: UInt8(truncatingIfNeeded: (packed >> 18) & 0x1F)))
    }

    private static func unpackColor(_ bits: UInt32) -> Color {
        bits & 0x100 == 0 ? .terminalDefault : .index(UInt8(truncatingIfNeeded: bits))
    }
}
