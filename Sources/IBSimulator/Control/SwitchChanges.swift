import Foundation

/// A partial update of `GatewaySwitches`: the fields that are set replace the running values.
public struct SwitchChanges: Sendable, Hashable {
    public var noSessionTickle: GatewaySwitches.NoSessionTickle?
    public var brokerageRefusal: GatewaySwitches.BrokerageRefusal?
    public var competingAccounts: GatewaySwitches.CompetingAccounts?
    public var strictPrerequisites: Bool?
    public var pacing: Bool?
    /// Zero turns the penalty box off.
    public var penaltyBox: Duration?
    public var idleTimeout: Duration?
    public var reauthenticationDelay: Duration?
    public var positionsCacheLifetime: Duration?
    public var partialPositionProbability: Double?

    public init() {}

    init(_ fields: FlatJSONObject) throws(ControlError) {
        func choice<T: RawRepresentable>(_ key: String, _: T.Type) throws(ControlError) -> T? where T.RawValue == String {
            guard let name = try fields.optionalString(key) else { return nil }
            guard let value = T(rawValue: name) else { throw ControlError("unknown value '\(name)' for '\(key)'") }
            return value
        }
        func seconds(_ key: String) throws(ControlError) -> Duration? {
            guard let value = try fields.optionalNumber(key) else { return nil }
            guard value >= 0 else { throw ControlError("'\(key)' must not be negative") }
            return .milliseconds(Int(value * 1000))
        }
        noSessionTickle = try choice("noSessionTickle", GatewaySwitches.NoSessionTickle.self)
        brokerageRefusal = try choice("brokerageRefusal", GatewaySwitches.BrokerageRefusal.self)
        competingAccounts = try choice("competingAccounts", GatewaySwitches.CompetingAccounts.self)
        strictPrerequisites = try fields.optionalBool("strictPrerequisites")
        pacing = try fields.optionalBool("pacing")
        penaltyBox = try seconds("penaltyBoxSeconds")
        idleTimeout = try seconds("idleTimeoutSeconds")
        reauthenticationDelay = try seconds("reauthenticationDelaySeconds")
        positionsCacheLifetime = try seconds("positionsCacheSeconds")
        partialPositionProbability = try fields.optionalNumber("partialPositionProbability")
        if let probability = partialPositionProbability, !(0...1).contains(probability) {
            throw ControlError("'partialPositionProbability' must be between 0 and 1")
        }
    }

    func applied(to switches: GatewaySwitches) -> GatewaySwitches {
        var result = switches
        if let noSessionTickle { result.noSessionTickle = noSessionTickle }
        if let brokerageRefusal { result.brokerageRefusal = brokerageRefusal }
        if let competingAccounts { result.competingAccounts = competingAccounts }
        if let strictPrerequisites { result.strictPrerequisites = strictPrerequisites }
        if let pacing { result.pacing = pacing }
        if let penaltyBox { result.penaltyBox = penaltyBox == .zero ? nil : penaltyBox }
        if let idleTimeout { result.idleTimeout = idleTimeout }
        if let reauthenticationDelay { result.reauthenticationDelay = reauthenticationDelay }
        if let positionsCacheLifetime { result.positionsCacheLifetime = positionsCacheLifetime }
        if let partialPositionProbability { result.partialPositionProbability = partialPositionProbability }
        return result
    }
}
