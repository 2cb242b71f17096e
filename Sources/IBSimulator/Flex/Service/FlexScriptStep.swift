import Foundation

/// One answer of a scripted sequence: a given error code, or the service's own answer.
public enum FlexScriptStep: Sendable, Hashable {
    case answer(FlexErrorCode)
    case proceed

    /// Reads `1019,1019,1018,OK`: codes of reference §4 and `OK` for the normal answer; empty for none.
    public static func parse(_ text: String) throws(ControlError) -> [FlexScriptStep] {
        var steps: [FlexScriptStep] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if item.uppercased() == "OK" {
                steps.append(.proceed)
            } else if let number = Int(item), let code = FlexErrorCode(rawValue: number) {
                steps.append(.answer(code))
            } else {
                throw ControlError("'\(item)' is neither OK nor a Flex error code")
            }
        }
        return steps
    }
}
