import TOML

/// Maps the hex colours of theme files to what a terminal can show.
public enum ColorMapping {
    /// The levels of each channel in the xterm 6×6×6 colour cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The nearest entry of the cube or the grey ramp (232–255). Indices 0–15 are never used: users remap
    /// them, so only the cube and the ramp look the same on every terminal.
    public static func xterm256(_ color: RGBColor) -> UInt8 {
        let channels = [Int(color.red), Int(color.green), Int(color.blue)]
        let levels = channels.map { value in
            cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) } ?? 0
        }
        let cubeIndex = 16 + 36 * levels[0] + 6 * levels[1] + levels[2]
        let cubeDistance = distance(channels, levels.map { cubeLevels[$0] })
        let average = channels.reduce(0, +) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + 10 * greyStep
        let greyDistance = distance(channels, [grey, grey, grey])
        return UInt8(greyDistance < cubeDistance ? 232 + greyStep : cubeIndex)
    }

    /// For a terminal of 8 colours: greys become the terminal's own foreground (for text) or black or white
    /// (for a background), and other colours the basic colour of the nearest hue, so that green stays green
    /// and a dark grey border does not turn black on a black screen.
    public static func ansi8(_ color: RGBColor, isBackground: Bool) -> Color {
        let channels = [Double(color.red), Double(color.green), Double(color.blue)]
        let high = channels.max() ?? 0, low = channels.min() ?? 0
        if high - low < 48 {
            guard isBackground else { return .terminalDefault }
            return .index(high + low >= 255 ? 7 : 0)
        }
        let hue = self.hue(red: channels[0], green: channels[1], blue: channels[2], high: high, low: low)
        // Red, yellow, green, cyan, blue, magenta lie at 0°, 60°, … 300°; ANSI numbers them 1, 3, 2, 6, 4, 5.
        let ansiByHue: [UInt8] = [1, 3, 2, 6, 4, 5]
        let sector = Int((hue / 60).rounded()) % 6
        return .index(ansiByHue[sector])
    }

    private static func hue(red: Double, green: Double, blue: Double, high: Double, low: Double) -> Double {
        let chroma = high - low
        let hue: Double
        if high == red {
            hue = 60 * ((green - blue) / chroma)
        } else if high == green {
            hue = 60 * ((blue - red) / chroma + 2)
        } else {
            hue = 60 * ((red - green) / chroma + 4)
        }
        return hue < 0 ? hue + 360 : hue
    }

    /// The colour xterm shows for a cube or ramp index (16–255), to check the mapping against.
    public static func rgb(ofXterm256 index: UInt8) -> RGBColor? {
        switch index {
        case 16...231:
            let offset = Int(index) - 16
            return RGBColor(
                red: UInt8(cubeLevels[offset / 36]), green: UInt8(cubeLevels[offset / 6 % 6]),
                blue: UInt8(cubeLevels[offset % 6]))
        case 232...255:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return RGBColor(red: level, green: level, blue: level)
        default:
            return nil
        }
    }

    private static func distance(_ a: [Int], _ b: [Int]) -> Int {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}
