import Testing
import TOML

/// One fixture per TOML rule, read and checked value by value.
@Suite struct TOMLParserValidTests {
    @Test func comments() throws {
        let root = try Fixture.load("valid/comments.toml").root
        #expect(root.keys == ["key", "other"])
        #expect(root["key"]?.string == "value")
        #expect(root["other"]?.integer == 1)
    }

    @Test func bareQuotedAndDottedKeys() throws {
        let root = try Fixture.load("valid/keys.toml").root
        #expect(root.keys == ["bare_key", "bare-key", "1234", "quoted key", "literal \"key\"", "", "site", "fruit"])
        #expect(root["1234"]?.integer == 3)
        #expect(root[""]?.integer == 6)
        #expect(root["site"]?.table?["google.com"]?.boolean == true)
        let fruit = try #require(root["fruit"]?.table)
        #expect(fruit.keys == ["color", "shape"])
        #expect(fruit["shape"]?.string == "round")
    }

    @Test func tables() throws {
        let root = try Fixture.load("valid/tables.toml").root
        #expect(root["table"]?.table?["key"]?.integer == 1)
        #expect(root["table"]?.table?["sub"]?.table?["key"]?.integer == 2)
        #expect(root["dog"]?.table?["tater.man"]?.table?["type"]?.table?["name"]?.string == "pug")
        let x = try #require(root["x"]?.table)
        #expect(x.keys == ["y", "w"])
        #expect(x.position == TOMLPosition(line: 11, column: 1))
        let apple = try #require(root["fruit"]?.table?["apple"]?.table)
        #expect(apple["color"]?.string == "red")
        #expect(apple["texture"]?.table?["smooth"]?.boolean == true)
    }

    @Test func arraysOfTables() throws {
        let root = try Fixture.load("valid/arrays-of-tables.toml").root
        let products = try #require(root["products"]?.array)
        #expect(products.map { $0.table?["name"]?.string } == ["Hammer", nil, "Nail"])
        #expect(products.map(\.position.line) == [1, 4, 6])
        let fruits = try #require(root["fruits"]?.array?.compactMap { $0.table })
        #expect(fruits.count == 2)
        #expect(fruits[0]["physical"]?.table?["color"]?.string == "red")
        let varieties = fruits[0]["varieties"]?.array?.compactMap { $0.table?["name"]?.string }
        #expect(varieties == ["red delicious", "granny smith"])
        #expect(fruits[1]["name"]?.string == "banana")
        #expect(fruits[1]["varieties"] == nil)
    }

    @Test func basicAndLiteralStrings() throws {
        let root = try Fixture.load("valid/strings.toml").root
        #expect(root["escapes"]?.string == "tab\there \"quoted\" back\\slash é 😀 line\nend")
        #expect(root["literal"]?.string == #"C:\Users\nodejs\templates"#)
        #expect(root["literal-quotes"]?.string == #"Tom "Dubs" Preston-Werner"#)
        #expect(root["unicode"]?.string == "日本語 ✓")
        #expect(root["empty"]?.string == "")
    }

    @Test func multiLineStrings() throws {
        let root = try Fixture.load("valid/multiline-strings.toml").root
        #expect(root["basic"]?.string == "Roses are red\nViolets are blue")
        #expect(root["folded"]?.string == "The quick brown fox jumps over the lazy dog.")
        #expect(root["quotes"]?.string == #"Here are two quotation marks: "". Simple enough."#)
        #expect(root["ending"]?.string == #"a""#)
        #expect(
            root["literal"]?.string
                == "The first newline is\ntrimmed in raw strings.\n   All other whitespace \\n\n   is preserved.\n")
        #expect(root["literal-quotes"]?.string == "'That,' she said, 'is still pointless.'")
        #expect(root["folded"]?.position == TOMLPosition(line: 4, column: 10))
    }

    @Test func integers() throws {
        let root = try Fixture.load("valid/integers.toml").root
        let expected: [String: Int64] = [
            "positive": 99, "plain": 42, "zero": 0, "negative": -17, "thousands": 1000, "grouped": 5_349_221,
            "largest": .max, "smallest": .min, "hex": 0xDEAD_BEEF, "octal": 0o755, "binary": 0b1101_0110,
        ]
        for (key, value) in expected {
            #expect(root[key]?.integer == value, "\(key)")
        }
    }

    @Test func floats() throws {
        let root = try Fixture.load("valid/floats.toml").root
        let expected: [String: Double] = [
            "positive": 1.0, "pi": 3.1415, "negative": -0.01, "exponent": 5e22, "exponent-leading-zero": 1e6,
            "negative-exponent": -2e-2, "both": 6.626e-34, "grouped": 224_617.445_991, "infinity": .infinity,
            "negative-infinity": -.infinity,
        ]
        for (key, value) in expected {
            #expect(root[key]?.number == value, "\(key)")
        }
        #expect(root["not-a-number"]?.number?.isNaN == true)
        #expect(root["positive"]?.integer == nil)
    }

    @Test func booleans() throws {
        let root = try Fixture.load("valid/booleans.toml").root
        #expect(root["yes"]?.boolean == true)
        #expect(root["no"]?.boolean == false)
    }

    @Test func arrays() throws {
        let root = try Fixture.load("valid/arrays.toml").root
        #expect(root["integers"]?.array?.compactMap(\.integer) == [1, 2, 3])
        #expect(root["colors"]?.array?.compactMap(\.string) == ["red", "yellow", "green"])
        #expect(root["nested"]?.array?.map { $0.array?.count } == [2, 3])
        let mixed = try #require(root["mixed"]?.array)
        #expect(mixed.count == 4)
        #expect(mixed[3].table?["four"]?.integer == 4)
        #expect(root["empty"]?.array?.isEmpty == true)
        let spread = try #require(root["spread"]?.array)
        #expect(spread.compactMap(\.integer) == [1, 2, 3])
        #expect(spread.map(\.position.line) == [7, 8, 10])
    }

    @Test func inlineTables() throws {
        let root = try Fixture.load("valid/inline-tables.toml").root
        #expect(root["name"]?.table?.keys == ["first", "last"])
        #expect(root["point"]?.table?["y"]?.integer == 2)
        #expect(root["animal"]?.table?["type"]?.table?["name"]?.string == "pug")
        #expect(root["animal"]?.table?["quoted key"]?.boolean == true)
        #expect(root["empty"]?.table?.entries.isEmpty == true)
        #expect(root["nested"]?.table?["inner"]?.table?["deep"]?.array?.count == 2)
    }

    @Test func keysAndValuesKeepTheirPlace() throws {
        let root = try TOMLDocument.parse("\n  [cadence]\n  summary =   \"15s\"\n", file: "x.toml").root
        let cadence = try #require(root.entry("cadence"))
        #expect(cadence.value.position == TOMLPosition(line: 2, column: 3))
        let summary = try #require(cadence.value.table?.entry("summary"))
        #expect(summary.keyPosition == TOMLPosition(line: 3, column: 3))
        #expect(summary.value.position == TOMLPosition(line: 3, column: 15))
    }

    @Test func crlfLineEndsAndByteOrderMark() throws {
        let root = try TOMLDocument.parse("\u{FEFF}a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n", file: "x.toml").root
        #expect(root["a"]?.integer == 1)
        #expect(root["b"]?.string == "x\ny")
        #expect(root["b"]?.position.line == 2)
    }
}
