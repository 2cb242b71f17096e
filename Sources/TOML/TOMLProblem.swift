/// A problem found while reading, before the file name is known to the piece of code that found it.
struct TOMLProblem: Error {
    var message: String
    var key: [String]?
    var position: TOMLPosition

    init(_ message: String, key: [String]? = nil, at position: TOMLPosition) {
        self.message = message
        self.key = key
        self.position = position
    }

    /// The same problem, with its key (if any) seen from an enclosing table or key.
    func under(_ prefix: [String]) -> TOMLProblem {
        var problem = self
        problem.key = prefix + (key ?? [])
        return problem
    }

    func diagnostic(file: String) -> TOMLDiagnostic {
        TOMLDiagnostic(
            file: file, position: position, key: key.flatMap { $0.isEmpty ? nil : TOMLKey.path($0) }, message: message)
    }
}
