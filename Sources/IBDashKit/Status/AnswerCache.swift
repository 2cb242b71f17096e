import Foundation
import Portfolio

/// The status server's last answer of each kind, reused within the same second for the same published state:
/// however often scripts ask, the dashboard's state is encoded at most once a second per kind.
struct AnswerCache {
    private struct Key: Hashable {
        var request: StatusRequest
        var generation: Int
        var second: Int64
    }

    private var answers: [StatusRequest: (key: Key, bytes: [UInt8])] = [:]

    mutating func answer(_ request: StatusRequest, state: DashboardState, generation: Int, at now: Date) -> [UInt8] {
        let key = Key(request: request, generation: generation, second: Int64(now.timeIntervalSince1970.rounded(.down)))
        if let kept = answers[request], kept.key == key { return kept.bytes }
        let bytes = Self.encode(request, state: state, at: now)
        answers[request] = (key, bytes)
        return bytes
    }

    private static func encode(_ request: StatusRequest, state: DashboardState, at now: Date) -> [UInt8] {
        do {
            let data =
                switch request {
                case .snapshot:
                    try StatusAnswer.encoder.encode(SnapshotDocument(state: state, at: now, source: .dashboard))
                case .status: try StatusAnswer.encoder.encode(StatusDocument(state: state, at: now))
                }
            return Array(data) + [0x0A]
        } catch {
            return StatusAnswer.failure("cannot encode the \(request.rawValue): \(error)")
        }
    }
}
