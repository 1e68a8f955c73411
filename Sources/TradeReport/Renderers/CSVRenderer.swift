import Foundation

/// Renders a table as RFC 4180 CSV with LF line ends: a header, then one line per row.
public enum CSVRenderer: TableRenderer {
    public static var name: String { "csv" }
    public static var mediaType: String { "text/csv; charset=utf-8" }
    public static var isForReaders: Bool { false }
    public static func render(_ table: Table, context: TableContext) -> Data { Data(render(table).utf8) }

    /// The CSV text.
    public static func render(_ table: Table) -> String {
        var out = ""
        out.reserveCapacity(64 * (table.rows.count + 1) * max(1, table.columns.count) / 4)
        append(table.columns.map(\.name), to: &out)
        for row in table.rows { append(row, to: &out) }
        return out
    }

    /// One line: the fields escaped, joined by commas, and a line feed.
    private static func append(_ fields: [String], to out: inout String) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            out += escape(field)
        }
        out += "\n"
    }

    /// Quotes a field when it holds a comma, quote or line break; inner quotes are doubled.
    public static func escape(_ field: String) -> String {
        // Looked for in the UTF-8 bytes: these four are ASCII and never part of another character.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
