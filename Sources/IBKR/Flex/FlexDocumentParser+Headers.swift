/// The attributes of the elements around the sections: the root, `FlexStatements` and `FlexStatement`.
extension FlexDocumentParser {
    static let responseSchema = FlexRowSchema<FlexQueryResponse> { row in
        row.field("queryName") { $0.queryName = $2.string($1) }
        row.field("type") { $0.type = $2.string($1) }
        row.field("Message") { $0.message = $2.string($1) }
    }

    static let statementsSchema = FlexRowSchema<FlexQueryResponse> { row in
        row.field("count") { $0.declaredStatementCount = $2.integer($1) }
    }

    static let statementSchema = FlexRowSchema<FlexStatement> { row in
        row.field("accountId") { $0.accountId = $2.interned($1) }
        row.field("fromDate") { $0.fromDate = $2.date($1) }
        row.field("toDate") { $0.toDate = $2.date($1) }
        row.field("period") { $0.period = $2.string($1) }
        row.field("whenGenerated") { $0.whenGenerated = $2.dateTime($1) }
    }
}

extension FlexQueryResponse: FlexAttributes {}
extension FlexStatement: FlexAttributes {}
extension FlexEnvelope: FlexAttributes {}
