import Portfolio

extension Account {
    /// An account of `/portfolio/accounts`: the alias when the user set one, else the holder's name.
    public init(_ row: PortfolioAccount) {
        let alias = row.alias.flatMap { $0 == row.id.rawValue ? nil : $0 }
        let type = row.type ?? ""
        self.init(
            id: row.id, displayName: alias ?? row.title ?? row.displayName ?? row.id.rawValue,
            baseCurrency: row.currency, type: type,
            isPaper: row.id.looksLikePaper || type.uppercased() == "DEMO")
    }
}
