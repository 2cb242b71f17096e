import Foundation
import TOML
import Portfolio

/// Every key of `config.toml`, with its type, default and meaning: the one description that validates the file and
/// writes the README's table of keys (`ConfigSchema.schema.markdown()`).
enum ConfigSchema {
    enum Gateway {
        static let url = OptionalSchemaKey(
            "url", .string, "Client Portal gateway: `https://host:port` (adds `/v1/api`) or a full base URL; default `https://localhost:5000`")
        static let cacert = OptionalSchemaKey(
            "cacert", .string, "PEM certificate file to pin instead of trusting the loopback gateway's self-signed one")
        static let insecure = SchemaKey(
            "insecure", .boolean, default: false, "Turn TLS certificate checks off (shown on screen); never needed for localhost")
        static let bearerTokenFile = OptionalSchemaKey(
            "bearer_token_file", .string, "File (mode 0600) holding an OAuth 2.0 bearer token for api.ibkr.com; `IBDASH_BEARER_TOKEN` wins")
        static let table = SchemaTable(
            "gateway", "Where the Client Portal API is", keys: [url, cacert, insecure, bearerTokenFile])
    }

    enum Flex {
        static let endpoint = OptionalSchemaKey(
            "endpoint", .string, "Flex Web Service base URL, the part before `/SendRequest`; default IBKR's")
        static let tokenFile = OptionalSchemaKey(
            "token_file", .string, "File (mode 0600) holding the Flex Web Service token; `IBDASH_FLEX_TOKEN` wins")
        static let queries = SchemaKey(
            "queries", .strings, default: [], "Activity Flex query ids to fetch; none turns history off")
        static let maxWait = SchemaKey(
            "max_wait", .duration, default: .seconds(600), "How long to wait while IBKR generates a statement (error 1019)")
        static let table = SchemaTable(
            "flex", "Account history from the Flex Web Service", keys: [endpoint, tokenFile, queries, maxWait])
    }

    enum Cadence {
        static let defaults = Cadences()
        static let tickle = SchemaKey("tickle", .duration, default: defaults.tickle, "Keep-alive and session check")
        static let summary = SchemaKey("summary", .duration, default: defaults.summary, "Account summary (net liquidation, margin, cushion)")
        static let ledger = SchemaKey("ledger", .duration, default: defaults.ledger, "Cash and exchange rates by currency")
        static let positions = SchemaKey("positions", .duration, default: defaults.positions, "Positions (every page)")
        static let pnl = SchemaKey("pnl", .duration, default: defaults.pnl, "Daily and unrealized P&L")
        static let orders = SchemaKey("orders", .duration, default: defaults.orders, "Orders")
        static let trades = SchemaKey("trades", .duration, default: defaults.trades, "Executions of the last days")
        static let quotes = SchemaKey("quotes", .duration, default: defaults.quotes, "Market data for each position's day change")
        static let history = SchemaKey("history", .duration, default: defaults.history, "Flex statement (and at start when the kept one is older)")
        static let table = SchemaTable(
            "cadence",
            "How often each dataset is refreshed; with many accounts ibdash stretches them to stay inside IBKR's pacing limits",
            keys: [tickle, summary, ledger, positions, pnl, orders, trades, quotes, history])
    }

    enum Alerts {
        static let cushionBelow = SchemaKey(
            "cushion_below", .percent, default: Decimal(10) / 100,
            "Alert when an account's cushion (excess liquidity ÷ net liquidation) falls below this; \"0%\" turns it off")
        static let dailyLossPercent = OptionalSchemaKey(
            "daily_loss_percent", .percent, "Alert when the day's P&L falls below minus this share of net liquidation")
        static let dailyLossAmount = OptionalSchemaKey(
            "daily_loss_amount", .amount, "Alert when the day's P&L falls below minus this amount (account base currency)")
        static let positionAbove = OptionalSchemaKey(
            "position_above", .percent, "Alert when one position is worth more than this share of net liquidation")
        static let excessLiquidityBelow = OptionalSchemaKey(
            "excess_liquidity_below", .amount, "Alert when excess liquidity falls below this amount (account base currency)")
        static let hysteresis = SchemaKey(
            "hysteresis", .percent, default: Decimal(10) / 100,
            "How far past its threshold a value must come back before the same rule fires again")
        static let hook = OptionalSchemaKey(
            "hook", .strings, "Command run for every alert, as an argv array (no shell); the alert is in IBDASH_ALERT_* variables")
        static let hookTimeout = SchemaKey(
            "hook_timeout", .duration, default: .seconds(10), "The hook is stopped after this long")
        static let tmux = SchemaKey(
            "tmux", .boolean, default: false, "Also show each alert with `tmux display-message` when running inside tmux")
        static let logFile = OptionalSchemaKey(
            "log_file", .string, "Where alerts are appended; default `$XDG_STATE_HOME/ibdash/alerts.log`")
        static let table = SchemaTable(
            "alerts", "Risk thresholds and where alerts go",
            keys: [
                cushionBelow, dailyLossPercent, dailyLossAmount, positionAbove, excessLiquidityBelow, hysteresis, hook,
                hookTimeout, tmux, logFile,
            ])
    }

    enum Display {
        static let theme = OptionalSchemaKey(
            "theme", .string, "Colour theme; `--theme` wins, and NO_COLOR picks `mono` when neither is given")
        static let currency = OptionalSchemaKey(
            "currency", .string, "Currency of the all-accounts view; default the first account's base currency")
        static let table = SchemaTable("display", "How things look", keys: [theme, currency])
    }

    static let schema = Schema(tables: [Gateway.table, Flex.table, Cadence.table, Alerts.table, Display.table])
}

extension SchemaType where Value == Decimal {
    /// A plain number such as `5000` or `2500.50`, kept as the exact decimal the file wrote.
    static var amount: SchemaType<Decimal> {
        SchemaType(
            name: "number", expectation: "a number such as 5000",
            read: { value in
                switch value.kind {
                case .integer(let number): Decimal(number)
                case .float(let number) where number.isFinite: Decimal(string: String(number))
                default: nil
                }
            },
            write: { "\($0)" })
    }
}
