import Foundation

/// Renders a table as a JSON array of objects, keys in column order, numbers as JSON numbers and
/// empty cells as `null`; byte-stable for the same table.
public enum JSONRenderer: TableRenderer {
    public static var name: String { "json" }
    public static var mediaType: String { "application/json" }
    public static var isForReaders: Bool { false }
    public static func render(_ table: Table, context: TableContext) -> Data { Data(render(table).utf8) }

    /// The JSON text; cells of numeric columns are written as numbers.
    public static func render(_ table: Table) -> String {
        var out = "[\n"
        for (r, row) in table.rows.enumerated() {
            out += "  {"
            for (i, column) in table.columns.enumerated() {
                let cell = i < row.count ? row[i] : ""
                let value: String
                if cell.isEmpty {
                    value = "null"
                } else if cell == "true" || cell == "false" {
                    value = cell
                } else if column.isNumeric {
                    value = cell
                } else {
                    value = quote(cell)
                }
                out += (i == 0 ? "" : ", ") + quote(column.name) + ": " + value
            }
            out += r == table.rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
