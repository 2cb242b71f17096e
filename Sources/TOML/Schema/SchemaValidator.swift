/// Checks a table against its schema, collecting every problem rather than stopping at the first.
struct SchemaValidator {
    let file: String

    func validate(
        _ table: TOMLTable?, against schema: SchemaTable, path: [String], diagnostics: inout [TOMLDiagnostic]
    ) -> ValidatedTable {
        var result = ValidatedTable(file: file, path: path, position: table?.position)
        for entry in table?.entries ?? [] {
            let keyPath = path + [entry.key]
            if let key = schema.key(entry.key) {
                if let value = key.read(entry.value) {
                    result.values[entry.key] = value
                    result.valuePositions[entry.key] = entry.value.position
                } else {
                    diagnostics.append(
                        problem(keyPath, entry.value.position, "expected \(key.expectation), found \(entry.value.summary)"))
                }
            } else if let subschema = schema.table(entry.key) {
                validateTable(entry, against: subschema, path: keyPath, into: &result, diagnostics: &diagnostics)
            } else {
                let hint = Spelling.closest(to: entry.key, among: schema.names).map { ", did you mean '\($0)'?" } ?? ""
                diagnostics.append(problem(keyPath, entry.keyPosition, "unknown key" + hint))
            }
        }
        return result
    }

    private func validateTable(
        _ entry: TOMLTable.Entry, against schema: SchemaTable, path: [String], into result: inout ValidatedTable,
        diagnostics: inout [TOMLDiagnostic]
    ) {
        if schema.isArray {
            let elements = entry.value.array?.compactMap(\.table)
            guard let elements, elements.count == entry.value.array?.count else {
                let expected = "expected an array of tables, written [[\(TOMLKey.path(path))]]"
                diagnostics.append(problem(path, entry.value.position, "\(expected), found \(entry.value.summary)"))
                return
            }
            result.arrays[entry.key] = elements.map {
                validate($0, against: schema, path: path, diagnostics: &diagnostics)
            }
        } else {
            guard let table = entry.value.table else {
                let expected = "expected a table, written [\(TOMLKey.path(path))]"
                diagnostics.append(problem(path, entry.value.position, "\(expected), found \(entry.value.summary)"))
                return
            }
            result.tables[entry.key] = validate(table, against: schema, path: path, diagnostics: &diagnostics)
        }
    }

    private func problem(_ path: [String], _ position: TOMLPosition, _ message: String) -> TOMLDiagnostic {
        TOMLDiagnostic(file: file, position: position, key: TOMLKey.path(path), message: message)
    }
}
