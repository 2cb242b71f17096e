import Foundation
import Portfolio

/// `ibdash snapshot --csv`: five tables, always in this order and always with their header row, each separated
/// from the next by one empty line: accounts, summary, datasets, positions, orders. The first column of every
/// table but `accounts`' is the account; the consolidated summary's account is `ALL`.
///
/// RFC 4180 quoting, `\n` line ends, amounts as exact decimals, times ISO 8601 UTC, unknown values empty. A text
/// cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`) gets a leading `'`.
struct SnapshotCSV {
    var document: SnapshotDocument

    func rendered() -> String {
        [accounts(), summaries(), datasets(), positions(), orders()]
            .map { $0.map { $0.joined(separator: ",") + "\n" }.joined() }
            .joined(separator: "\n")
    }

    private func accounts() -> [[String]] {
        [["account", "name", "base_currency", "type", "paper"]]
            + document.accounts.map { account in
                [text(account.id), text(account.name), text(account.baseCurrency), text(account.type), "\(account.paper)"]
            }
    }

    private func summaries() -> [[String]] {
        let header = [
            "account", "currency", "net_liquidation", "cash", "excess_liquidity", "cushion", "daily_pnl",
            "unrealized_pnl", "realized_today", "realized_ytd",
        ]
        func row(_ account: String, _ summary: SnapshotTotals) -> [String] {
            [
                text(account), text(summary.currency), number(summary.netLiquidation), number(summary.cash),
                number(summary.excessLiquidity), number(summary.cushion), number(summary.dailyPnl),
                number(summary.unrealizedPnl), number(summary.realizedToday), number(summary.realizedYearToDate),
            ]
        }
        let all = document.consolidated.map { [row("ALL", $0.summary)] } ?? []
        return [header] + all + document.accounts.map { row($0.id, $0.summary) }
    }

    private func datasets() -> [[String]] {
        [["account", "dataset", "freshness", "age_seconds", "fetched_at", "cadence_seconds", "error"]]
            + document.accounts.flatMap { account in
                account.datasets.all.map { name, age in
                    [
                        text(account.id), name, age.freshness.rawValue, age.ageSeconds.map(String.init) ?? "",
                        time(age.fetchedAt), "\(age.cadenceSeconds)", text(age.error ?? ""),
                    ]
                }
            }
    }

    private func positions() -> [[String]] {
        [
            [
                "account", "conid", "symbol", "asset_class", "currency", "quantity", "market_price", "market_value",
                "average_cost", "unrealized_pnl", "weight_percent", "description",
            ]
        ]
            + document.accounts.flatMap { account in
                account.positions.map { position in
                    [
                        text(account.id), "\(position.conid)", text(position.symbol), text(position.assetClass),
                        text(position.currency), number(position.quantity), number(position.marketPrice),
                        number(position.marketValue), number(position.averageCost), number(position.unrealizedPnl),
                        number(position.weightPercent), text(position.description),
                    ]
                }
            }
    }

    private func orders() -> [[String]] {
        [
            [
                "account", "order_id", "conid", "symbol", "side", "type", "quantity", "filled", "remaining",
                "limit_price", "stop_price", "average_price", "status", "working", "time_in_force", "last_update",
                "reason", "description",
            ]
        ]
            + document.accounts.flatMap { account in
                account.orders.map { order in
                    [
                        text(account.id), "\(order.id)", "\(order.conid)", text(order.symbol), text(order.side),
                        text(order.type), number(order.quantity), number(order.filled), number(order.remaining),
                        number(order.limitPrice), number(order.stopPrice), number(order.averagePrice),
                        text(order.status), "\(order.working)", text(order.timeInForce), time(order.lastUpdate),
                        text(order.reason ?? ""), text(order.description),
                    ]
                }
            }
    }

    private func number(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "" }

    private func time(_ date: Date?) -> String {
        date.map(ISO8601Text.utc) ?? ""
    }

    /// A quoted cell when it needs quotes, defused when a spreadsheet would take it for a formula.
    private func text(_ value: String) -> String {
        var cell = value
        if let first = cell.first, "=+-@".contains(first) { cell = "'" + cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
