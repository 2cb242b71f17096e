import Testing

@testable import TerminalUI

/// The codes `wget_wch` hands the backend, as ncurses 6.4 numbers them in curses.h.
@Suite struct KeyDecodingTests {
    static let functionKeyCodes: [(Int32, Key)] = [
        (259, .up), (258, .down), (260, .left), (261, .right), (339, .pageUp), (338, .pageDown), (262, .home),
        (360, .end), (353, .backTab), (343, .enter), (263, .backspace), (330, .delete), (410, .resize),
        (265, .function(1)), (276, .function(12)),
    ]

    @Test(arguments: functionKeyCodes)
    func functionKeys(code: Int32, key: Key) {
        #expect(NcursesTerminal.key(forFunctionKey: code) == key)
    }

    @Test func unhandledFunctionKeysAreDropped() {
        #expect(NcursesTerminal.key(forFunctionKey: 264) == nil)  // KEY_F0
        #expect(NcursesTerminal.key(forFunctionKey: 409) == nil)  // KEY_MOUSE
    }

    static let characterCodes: [(UInt32, Key)] = [
        (9, .tab), (13, .enter), (10, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (12, .control("l")), (1, .control("a")), (26, .control("z")), (0x71, .character("q")), (0x20, .character(" ")),
        (0x65E5, .character("日")), (0xE9, .character("é")),
    ]

    @Test(arguments: characterCodes)
    func characters(code: UInt32, key: Key) {
        #expect(NcursesTerminal.key(forCharacter: code) == key)
    }

    @Test(arguments: [0, 0x1C, 0x1F, 0x85, 0x9B, 0x202E, 0x2066, 0xD800, 0x110000] as [UInt32])
    func controlCharactersAreDropped(code: UInt32) {
        #expect(NcursesTerminal.key(forCharacter: code) == nil)
    }
}
