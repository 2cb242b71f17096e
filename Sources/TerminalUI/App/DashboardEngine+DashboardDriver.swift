import Portfolio

/// The engine drives the dashboard as it is: its state stream and its intents are what `DashboardDriver` asks.
/// Declared here, beside the protocol, so that the app wiring needs no retroactive conformance.
extension DashboardEngine: DashboardDriver {}
