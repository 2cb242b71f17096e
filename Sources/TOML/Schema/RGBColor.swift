/// A colour as theme files write it, `#rrggbb`; the terminal layer maps it to what the terminal can show.
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#5faf87` (either case); nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.unicodeScalars)
        guard digits.count == 7, digits[0] == "#", digits.dropFirst().allSatisfy(\.properties.isASCIIHexDigit),
            let value = UInt32(String(hex.dropFirst()), radix: 16)
        else { return nil }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// `#5faf87`.
    public var hex: String {
        "#" + [red, green, blue].map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    public var description: String { hex }
}
