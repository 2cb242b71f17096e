import Foundation

/// Account objects of `/portfolio/accounts` (reference §4.6) and the body of `/iserver/accounts` (§4.8).
enum AccountJSON {
    static func portfolioAccount(_ account: SimulatedAccount) -> JSONValue {
        .object([
            ("id", .string(account.id)),
            ("PrepaidCrypto-Z", .bool(false)),
            ("PrepaidCrypto-P", .bool(false)),
            ("brokerageAccess", .bool(true)),
            ("accountId", .string(account.id)),
            ("accountVan", .string(account.id)),
            ("accountTitle", .string(account.title)),
            ("displayName", .string(account.title)),
            ("accountAlias", .null),
            ("accountStatus", .int(WireTime.milliseconds(account.openedAt))),
            ("currency", .string(account.baseCurrency)),
            ("type", .string(account.isPaper ? "DEMO" : "INDIVIDUAL")),
            ("tradingType", .string("STKNOPT")),
            ("businessType", .string("IB_PROSERVE")),
            ("ibEntity", .string(account.baseCurrency == "EUR" ? "IB-IE" : "IBLLC-US")),
            ("faclient", .bool(false)),
            ("clearingStatus", .string("O")),
            ("covestor", .bool(false)),
            ("noClientTrading", .bool(false)),
            ("trackVirtualFXPortfolio", .bool(true)),
            ("parent", .object([
                ("mmc", .array([])), ("accountId", .string("")), ("isMParent", .bool(false)),
                ("isMChild", .bool(false)), ("isMultiplex", .bool(false)),
            ])),
            ("desc", .string(account.id)),
        ])
    }

    static func iserverAccounts(_ accounts: [SimulatedAccount], selected: String, sessionID: String) -> JSONValue {
        let props: JSONValue = .object(accounts.map { account in
            (account.id, .object([
                ("hasChildAccounts", .bool(false)), ("supportsCashQty", .bool(true)), ("supportsFractions", .bool(true)),
                ("allowCustomerTime", .bool(false)), ("noFXConv", .bool(false)), ("isProp", .bool(false)),
                ("autoFx", .bool(true)), ("liteUnderPro", .bool(false)),
            ]))
        })
        return .object([
            ("accounts", .array(accounts.map { .string($0.id) })),
            ("acctProps", props),
            ("aliases", .object(accounts.map { ($0.id, .string($0.id)) })),
            ("allowFeatures", .object([
                ("showGFIS", .bool(true)), ("allowFXConv", .bool(true)), ("allowTypeAhead", .bool(true)),
                ("snapshotRefreshTimeout", .int(30)), ("liteUser", .bool(false)), ("allowCrypto", .bool(false)),
                ("allowedAssetTypes", .string("STK,OPT,FUT,CASH,BOND,FUND")),
            ])),
            ("chartPeriods", .object([
                ("STK", .array([.string("*")])),
                ("OPT", .array(["2h", "1d", "2d", "1w", "1m"].map(JSONValue.string))),
                ("FUT", .array([.string("*")])),
            ])),
            ("groups", .array([])),
            ("profiles", .array([])),
            ("selectedAccount", .string(selected)),
            ("serverInfo", GatewayEngine.serverInfo),
            ("sessionId", .string(String(sessionID.prefix(8)) + ".0000001e")),
            ("isFT", .bool(false)),
            ("isPaper", .bool(accounts.first { $0.id == selected }?.isPaper ?? false)),
        ])
    }
}
