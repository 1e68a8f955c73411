/// An error a command shows its user as it is: one line that says what, where and how to fix, and
/// exit status 1 (the input was read and rejected). Library errors that are not programming errors
/// conform.
public protocol UserFacingError: Error, CustomStringConvertible {}

/// Escaping of control characters in text shown on a terminal: a NUL byte or an escape sequence from
/// a bad file is printed as `\u{0}` / `\u{1B}`, never raw.
public enum ControlCharacters {
    /// The text with every control character except tab written as `\u{…}`.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control && scalar != "\t" {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
