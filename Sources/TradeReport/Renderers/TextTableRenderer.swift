/// Renders a table for a terminal: columns aligned by display width (CJK counts two), numbers right.
public enum TextTableRenderer {
    /// The table as lines of text, header underlined, two spaces between columns.
    public static func render(_ table: Table) -> String {
        var widths = table.columns.map { DisplayWidth.of($0.name) }
        for row in table.rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, c) in table.columns.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let isLast = i == table.columns.count - 1
                parts.append(isLast && c.alignment == .left ? cell : DisplayWidth.pad(cell, to: widths[i], c.alignment))
            }
            return parts.joined(separator: "  ")
        }
        var out = [
            line(table.columns.map(\.name)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "),
        ]
        out += table.rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}
