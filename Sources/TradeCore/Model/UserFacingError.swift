/// An error a command shows its user as it is: one line that says what, where and how to fix, and
/// exit status 1 (the input was read and rejected). Library errors that are not programming errors
/// conform.
public protocol UserFacingError: Error, CustomStringConvertible {}

extension UserFacingError {
    /// The message as a command shows it: each line escaped (``ControlCharacters``), the first
    /// starting with `error: ` once (never `error: error: …`).
    public var shown: String {
        let lines = description.split(separator: "\n", omittingEmptySubsequences: false)
        let text = lines.map { ControlCharacters.escaped(String($0)) }.joined(separator: "\n")
        return text.hasPrefix("error: ") ? text : "error: " + text
    }
}

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

/// Store addresses as they may be shown: a password is never printed, whatever else is wrong with
/// the address (`postgres://press:secret@127.0.0.1:notaport/db` → `postgres://press:…@127.0.0.1:notaport/db`).
public enum AddressRedaction {
    /// `text` with the password of a `scheme://user:password@host…` address replaced by "…"; other
    /// text unchanged.
    public static func redacted(_ text: String) -> String {
        let chars = Array(text)
        guard
            let mark = (0..<max(0, chars.count - 2)).first(where: {
                chars[$0] == ":" && chars[$0 + 1] == "/" && chars[$0 + 2] == "/"
            })
        else { return text }
        let start = mark + 3
        // The user information ends at the last "@" before any query (a password may hold "@" or "/").
        let end = chars[start...].firstIndex(of: "?") ?? chars.count
        guard let at = chars[start..<end].lastIndex(of: "@"), let colon = chars[start..<at].firstIndex(of: ":") else {
            return text
        }
        return String(chars[...colon]) + "…" + String(chars[at...])
    }
}
