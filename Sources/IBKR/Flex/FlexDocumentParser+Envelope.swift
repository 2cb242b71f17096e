/// Reading a `FlexStatementResponse`: the only Flex document whose data is element text.
extension FlexDocumentParser {
    /// The envelope whose root start tag was just read (its attributes come next).
    mutating func parseEnvelope(_ root: Bytes) throws(FlexParseError) -> FlexEnvelope {
        var envelope = FlexEnvelope()
        try readAttributes(into: &envelope, schema: Self.envelopeSchema)
        if !scanner.tagWasEmpty {
            while case .startTag(let child) = try nextChild(of: root) {
                guard let index = EnvelopeField.names.lookup(child), let field = EnvelopeField(rawValue: index) else {
                    _ = try skipElement(child)
                    continue
                }
                let text = try scanner.skipAttributes() ? "" : try readText(of: child)
                let value = text.isEmpty ? nil : text
                switch field {
                case .status: envelope.status = value.map(FlexEnvelope.Status.init)
                case .referenceCode: envelope.referenceCode = value
                case .url: envelope.url = value
                case .errorCode, .code: envelope.errorCode = value.flatMap { Int($0) }
                case .errorMessage: envelope.errorMessage = value
                }
            }
        }
        try finishDocument()
        return envelope
    }

    private enum EnvelopeField: Int, CaseIterable {
        /// `code` is the error element of the old version 2 protocol.
        case status, referenceCode, url, errorCode, errorMessage, code

        static let names = FlexNameTable(["Status", "ReferenceCode", "Url", "ErrorCode", "ErrorMessage", "code"])
    }

    private static let envelopeSchema = FlexRowSchema<FlexEnvelope> { row in
        row.field("timestamp") { $0.timestamp = $2.string($1) }
    }
}
