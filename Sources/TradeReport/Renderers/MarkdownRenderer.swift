/// Renders a table as a GitHub-flavoured Markdown pipe table (numbers right-aligned).
public enum MarkdownRenderer {
    /// The Markdown text.
    public static func render(_ table: Table) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + table.columns.map { escape($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined() + "\n"
        for row in table.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }
}
