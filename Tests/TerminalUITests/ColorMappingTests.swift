import TOML
import Testing

@testable import TerminalUI

@Suite struct ColorMappingTests {
    private func rgb(_ hex: String) throws -> RGBColor { try #require(RGBColor(hex: hex)) }

    @Test(arguments: [
        ("#000000", 16), ("#ffffff", 231), ("#ff0000", 196), ("#00ff00", 46), ("#0000ff", 21), ("#5f87af", 67),
        ("#808080", 244), ("#080808", 232), ("#eeeeee", 255), ("#d0d0d0", 252), ("#005f87", 24), ("#303030", 236),
        ("#5fd75f", 77), ("#ff5f5f", 203), ("#fabd2f", 214), ("#002b36", 234),
    ])
    func hexMapsToTheNearestXterm256Colour(hex: String, index: Int) throws {
        #expect(ColorMapping.xterm256(try rgb(hex)) == UInt8(index))
    }

    @Test func everyCubeAndRampColourMapsToItself() throws {
        for index in UInt8(16)...UInt8(255) {
            let color = try #require(ColorMapping.rgb(ofXterm256: index))
            #expect(ColorMapping.xterm256(color) == index, "\(index)")
        }
        #expect(ColorMapping.rgb(ofXterm256: 7) == nil)
    }

    @Test(arguments: [
        ("#5fd75f", false, Color.index(2)), ("#ff5f5f", false, .index(1)), ("#ffaf00", false, .index(3)),
        ("#0000ff", false, .index(4)), ("#ff00ff", false, .index(5)), ("#00ffff", false, .index(6)),
        ("#268bd2", false, .index(6)), ("#808080", false, .terminalDefault), ("#ffffff", false, .terminalDefault),
        ("#303030", true, .index(0)), ("#d0d0d0", true, .index(7)), ("#005f87", true, .index(6)),
    ])
    func hexMapsToABasicColourOnEightColourTerminals(hex: String, isBackground: Bool, expected: Color) throws {
        #expect(ColorMapping.ansi8(try rgb(hex), isBackground: isBackground) == expected)
    }

    @Test func textOnABackgroundStaysReadableWithEightColours() throws {
        let selection = RoleStyle(foreground: try rgb("#ffffff"), background: try rgb("#005f87"))
        #expect(selection.resolved(colorCount: 8) == Style(foreground: .index(0), background: .index(6)))
        let status = RoleStyle(foreground: try rgb("#d0d0d0"), background: try rgb("#303030"), attributes: .bold)
        #expect(status.resolved(colorCount: 8) == Style(foreground: .index(7), background: .index(0), attributes: .bold))
        let sameHue = RoleStyle(foreground: try rgb("#00ff00"), background: try rgb("#008700"))
        #expect(sameHue.resolved(colorCount: 8) == Style(foreground: .index(0), background: .index(2)))
    }

    @Test func rolesResolvePerColourDepth() throws {
        let gain = RoleStyle(foreground: try rgb("#5fd75f"), attributes: [.bold])
        #expect(gain.resolved(colorCount: 256) == Style(foreground: .index(77), attributes: .bold))
        #expect(gain.resolved(colorCount: 8) == Style(foreground: .index(2), attributes: .bold))
        #expect(gain.resolved(colorCount: 0) == Style(attributes: .bold))
        #expect(RoleStyle().resolved(colorCount: 256) == .plain)
    }
}
