import Portfolio

extension Duration {
    /// Ages and cadences in the status documents: whole seconds, rounded down, so `4.9 s` is `4`.
    var wholeSeconds: Int { Int(timeInterval.rounded(.down)) }
}
