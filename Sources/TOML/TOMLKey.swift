/// How keys are written back in messages: bare when TOML allows it, quoted otherwise.
public enum TOMLKey {
    public static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy(isBareKeyScalar)
    }

    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    /// `cadence.summary`, `accounts."U1234567"`.
    public static func path(_ parts: [String]) -> String {
        parts.map { isBare($0) ? $0 : quoted($0) }.joined(separator: ".")
    }

    /// A basic string with everything escaped that could break a message line or a terminal.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u" + String(scalar.value, radix: 16, uppercase: true).paddedLeft(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func paddedLeft(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
