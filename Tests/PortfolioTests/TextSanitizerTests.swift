import Testing

@testable import Portfolio

@Suite struct TextSanitizerTests {
    @Test(arguments: [
        ("a\u{1B}[31mred\u{1B}[0m", "ared"),
        ("\u{1B}[2J\u{1B}[H\u{1B}[?1049hscreen", "screen"),
        ("x\u{1B}]52;c;SGVsbG8=\u{07}y", "xy"),
        ("x\u{1B}]52;c;SGVsbG8=\u{1B}\\y", "xy"),
        ("\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\", "click"),
        ("\u{1B}]0;new window title\u{07}AAPL", "AAPL"),
        ("\u{1B}P1$r0m\u{1B}\\ok", "ok"),
        ("\u{1B}_apc\u{1B}\\\u{1B}^pm\u{1B}\\\u{1B}Xsos\u{1B}\\ok", "ok"),
        ("\u{1B}(0qqq\u{1B}(B", "qqq"),
        ("\u{1B}7saved\u{1B}8", "saved"),
        ("\u{9B}31mred\u{9B}0m", "red"),
        ("\u{9D}0;title\u{9C}x", "x"),
        ("a\u{85}b\u{90}dcs\u{9C}c", "abc"),
        ("a\u{0}b\u{7}c\u{8}d\u{1A}e", "abcde"),
        ("a\tb\nc\r\nd", "a b c  d"),
        ("a\u{7F}b", "ab"),
        ("abc\u{202E}fed\u{202C}", "abcfed"),
        ("\u{2066}x\u{2069}\u{2067}y\u{2068}z", "xyz"),
        ("\u{202A}\u{202B}\u{202D}ltr", "ltr"),
        ("ok\u{1B}]0;never terminated", "ok"),
        ("ok\u{1B}", "ok"),
        ("ok\u{1B}[", "ok"),
    ])
    func controlsAndSequencesAreRemoved(input: String, expected: String) {
        #expect(TextSanitizer.clean(input) == expected)
    }

    @Test(arguments: [
        "Café naïve façade", "日本語 テスト 한국어 中文", "😀 👍🏽 👨‍👩‍👧 🇯🇵", "e\u{301}", "مرحبا بالعالم", "€ £ ¥ ₿",
        "Tom \"Dubs\" O'Neil — 5% ▲",
    ])
    func ordinaryTextIsKept(text: String) {
        #expect(TextSanitizer.clean(text) == text)
    }

    @Test func nothingThatCouldDriveATerminalSurvives() {
        let hostile = "\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{07}\u{9B}6n\u{1B}[6n\u{1B}P+q544e\u{1B}\\\u{202E}gnp.exe"
        let cleaned = TextSanitizer.clean(hostile)
        #expect(cleaned == "gnp.exe")
        #expect(cleaned.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
    }
}
