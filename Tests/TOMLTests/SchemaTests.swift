import Foundation
import Testing
import TOML

/// A schema of every type, shaped like a config file.
enum TestConfig {
    enum Layout: String, CaseIterable, Sendable {
        case wide, compact
    }

    static let theme = SchemaKey("theme", .string, default: "default", "Colour theme, by name")
    static let accounts = SchemaKey("accounts", .strings, default: [], "Accounts to show, in order; empty for all")
    static let summary = SchemaKey("summary", .duration, default: .seconds(15), "Account summary refresh")
    static let ledger = SchemaKey("ledger", .duration, default: .seconds(60), "Ledger refresh")
    static let flex = OptionalSchemaKey("flex", .duration, "Flex statement refresh; left out, never")
    static let cushionBelow = SchemaKey("cushion-below", .percent, default: Decimal(string: "0.05") ?? 0, "Cushion alert")
    static let dailyLoss = SchemaKey("daily-loss", .percent, default: Decimal(string: "0.02") ?? 0, "Daily loss | alert")
    static let maxRows = SchemaKey("max-rows", .integer(in: 10...1000), default: 500, "Alert log length")
    static let ratio = SchemaKey("ratio", .number, default: 0.5, "A plain number")
    static let sound = SchemaKey("sound", .boolean, default: false, "Ring the bell")
    static let colour = SchemaKey("colour", .color, default: RGBColor(red: 255, green: 95, blue: 95), "Alert colour")
    static let layout = SchemaKey("layout", .word, default: Layout.wide, "Alert pane layout")
    static let command = OptionalSchemaKey("command", .string, "Program to run")

    static let schema = Schema(
        keys: [theme, accounts],
        tables: [
            SchemaTable("cadence", "How often each dataset is fetched", keys: [summary, ledger, flex]),
            SchemaTable(
                "alerts", "Alert rules", keys: [cushionBelow, dailyLoss, maxRows, ratio, sound, colour, layout]),
            SchemaTable("hooks", "Programs run on each alert", keys: [command], isArray: true),
        ])
}

@Suite struct SchemaTests {
    @Test func validFileGivesTypedValues() throws {
        let config = try TestConfig.schema.validate(Fixture.load("schema/valid.toml"))
        #expect(config[TestConfig.theme] == "gruvbox")
        #expect(config[TestConfig.accounts] == ["U1234567", "U7654321"])
        let cadence = config.table("cadence")
        #expect(cadence[TestConfig.summary] == .seconds(15))
        #expect(cadence[TestConfig.ledger] == .seconds(90))
        #expect(cadence[TestConfig.flex] == .seconds(6 * 3600))
        let alerts = config.table("alerts")
        #expect(alerts[TestConfig.cushionBelow] == Decimal(string: "0.1"))
        #expect(alerts[TestConfig.dailyLoss] == Decimal(string: "0.025"))
        #expect(alerts[TestConfig.maxRows] == 200)
        #expect(alerts[TestConfig.ratio] == 0.75)
        #expect(alerts[TestConfig.sound] == true)
        #expect(alerts[TestConfig.colour] == RGBColor(red: 0x5F, green: 0xAF, blue: 0x87))
        #expect(alerts[TestConfig.layout] == .wide)
        #expect(config.tables("hooks").map { $0[TestConfig.command] } == ["notify-send", "logger"])
        #expect(alerts.diagnostic(key: "max-rows", "too many").description == "~/schema/valid.toml:13: alerts.max-rows: too many")
    }

    @Test func leftOutKeysGiveTheirDefaults() throws {
        let config = try TestConfig.schema.validate(Fixture.load("schema/defaults.toml"))
        #expect(config[TestConfig.theme] == "default")
        #expect(!config.isSet(TestConfig.theme))
        #expect(config.table("cadence")[TestConfig.summary] == .seconds(15))
        #expect(config.table("cadence")[TestConfig.flex] == nil)
        #expect(config.table("alerts")[TestConfig.layout] == .wide)
        #expect(config.tables("hooks").isEmpty)
        #expect(config.table("alerts").diagnostic(key: "ratio", "x").description == "~/schema/defaults.toml:1: alerts.ratio: x")
    }

    @Test func everyWrongTypeIsReportedWithLineAndKey() throws {
        #expect(
            try Fixture.problems("schema/wrong-types.toml", schema: TestConfig.schema) == [
                "~/schema/wrong-types.toml:1: theme: expected a string, found 7",
                #"~/schema/wrong-types.toml:2: accounts: expected an array of strings, found ["U1234567", 2]"#,
                #"~/schema/wrong-types.toml:5: cadence.summary: expected a duration such as "15s", found 15"#,
                #"~/schema/wrong-types.toml:6: cadence.ledger: expected a duration such as "15s", found "1 minute""#,
                #"~/schema/wrong-types.toml:9: alerts.cushion-below: expected a percentage such as "2.5%", found 0.1"#,
                #"~/schema/wrong-types.toml:10: alerts.daily-loss: expected a percentage such as "2.5%", found "2.5""#,
                "~/schema/wrong-types.toml:11: alerts.max-rows: expected an integer from 10 to 1000, found 2000",
                #"~/schema/wrong-types.toml:12: alerts.ratio: expected a number, found "high""#,
                #"~/schema/wrong-types.toml:13: alerts.sound: expected true or false, found "yes""#,
                ##"~/schema/wrong-types.toml:14: alerts.colour: expected a colour such as "#5faf87", found "#5faf8""##,
                #"~/schema/wrong-types.toml:15: alerts.layout: expected one of "wide", "compact", found "narrow""#,
            ])
    }

    @Test func unknownKeysAreFlaggedWithASuggestion() throws {
        #expect(
            try Fixture.problems("schema/unknown-keys.toml", schema: TestConfig.schema) == [
                "~/schema/unknown-keys.toml:3: cadance: unknown key, did you mean 'cadence'?",
                "~/schema/unknown-keys.toml:7: alerts.cushion-bellow: unknown key, did you mean 'cushion-below'?",
                "~/schema/unknown-keys.toml:9: alerts.frobnicate: unknown key",
            ])
    }

    @Test func tablesMustHaveTheShapeTheSchemaGives() throws {
        #expect(
            try Fixture.problems("schema/wrong-shapes.toml", schema: TestConfig.schema) == [
                #"~/schema/wrong-shapes.toml:1: cadence: expected a table, written [cadence], found "15s""#,
                "~/schema/wrong-shapes.toml:3: hooks: expected an array of tables, written [[hooks]], found a table",
            ])
    }

    @Test func schemaWritesItsReadmeTable() {
        #expect(
            TestConfig.schema.markdown() == """
                | Key | Type | Default | Description |
                | --- | --- | --- | --- |
                | `theme` | string | `"default"` | Colour theme, by name |
                | `accounts` | array of strings | `[]` | Accounts to show, in order; empty for all |
                | `[cadence]` | table |  | How often each dataset is fetched |
                | `cadence.summary` | duration | `"15s"` | Account summary refresh |
                | `cadence.ledger` | duration | `"1m"` | Ledger refresh |
                | `cadence.flex` | duration | (none) | Flex statement refresh; left out, never |
                | `[alerts]` | table |  | Alert rules |
                | `alerts.cushion-below` | percent | `"5%"` | Cushion alert |
                | `alerts.daily-loss` | percent | `"2%"` | Daily loss \\| alert |
                | `alerts.max-rows` | integer 10…1000 | `500` | Alert log length |
                | `alerts.ratio` | number | `0.5` | A plain number |
                | `alerts.sound` | boolean | `false` | Ring the bell |
                | `alerts.colour` | colour | `"#ff5f5f"` | Alert colour |
                | `alerts.layout` | one of: wide, compact | `"wide"` | Alert pane layout |
                | `[[hooks]]` | array of tables |  | Programs run on each alert |
                | `[[hooks]].command` | string | (none) | Program to run |

                """)
    }
}

@Suite struct ValueTextTests {
    @Test(arguments: [
        ("15s", Duration.seconds(15)), ("500ms", .milliseconds(500)), ("6h", .seconds(21600)),
        ("1h30m", .seconds(5400)), ("2d", .seconds(172_800)), ("0s", .zero),
    ])
    func durationsReadAndWriteBack(text: String, duration: Duration) {
        #expect(DurationText.parse(text) == duration)
        #expect(DurationText.format(duration) == text)
    }

    @Test(arguments: ["", "15", "s", "15 s", "1.5s", "-5s", "15sec", "15S", "1h30", "9999999999s"])
    func durationsRefused(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test func percentages() {
        #expect(PercentText.parse("2.5%") == Decimal(string: "0.025"))
        #expect(PercentText.parse("-3%") == Decimal(string: "-0.03"))
        #expect(PercentText.parse("100%") == 1)
        for refused in ["2.5", "%", "2.%", ".5%", "1e2%", "2,5%", "five%"] {
            #expect(PercentText.parse(refused) == nil, "\(refused)")
        }
        #expect(PercentText.format(Decimal(string: "0.025") ?? 0) == "2.5%")
    }

    @Test func colours() {
        #expect(RGBColor(hex: "#5FaF87") == RGBColor(red: 0x5F, green: 0xAF, blue: 0x87))
        #expect(RGBColor(hex: "#0a0b0c")?.hex == "#0a0b0c")
        for refused in ["5faf87", "#5faf8", "#5faf877", "#gggggg", "#+fffff", "red"] {
            #expect(RGBColor(hex: refused) == nil, "\(refused)")
        }
    }

    @Test func spellingSuggestions() {
        #expect(Spelling.closest(to: "cadance", among: ["theme", "cadence", "alerts"]) == "cadence")
        #expect(Spelling.closest(to: "Theme", among: ["theme", "cadence"]) == "theme")
        #expect(Spelling.closest(to: "zz", among: ["fg", "bg"]) == nil)
        #expect(Spelling.closest(to: "gian", among: ["gain", "loss"]) == "gain")
        #expect(Spelling.closest(to: "frobnicate", among: ["colour", "sound"]) == nil)
    }
}
