import Foundation

/// Renders a table as a GitHub-flavoured Markdown pipe table (numbers right-aligned).
public enum MarkdownRenderer: TableRenderer {
    public static var name: String { "md" }
    public static var mediaType: String { "text/markdown; charset=utf-8" }
    public static var isForReaders: Bool { true }
    public static func render(_ table: Table, context: TableContext) -> Data { Data(render(table).utf8) }

    /// The Markdown text.
    public static func render(_ table: Table) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + table.columns.map { escape($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined() + "\n"
        for row in table.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }
}
