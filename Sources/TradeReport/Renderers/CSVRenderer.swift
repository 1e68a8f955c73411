/// Renders a table as RFC 4180 CSV with LF line ends: a header, then one line per row.
public enum CSVRenderer {
    /// The CSV text.
    public static func render(_ table: Table) -> String {
        var out = table.columns.map { escape($0.name) }.joined(separator: ",") + "\n"
        for row in table.rows { out += row.map(escape).joined(separator: ",") + "\n" }
        return out
    }

    /// Quotes a field when it holds a comma, quote or line break; inner quotes are doubled.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
