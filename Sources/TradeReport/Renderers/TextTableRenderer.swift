import Foundation

/// Renders a table for a terminal: columns aligned by display width (CJK counts two), numbers right.
public enum TextTableRenderer: TableRenderer {
    public static var name: String { "text" }
    public static var mediaType: String { "text/plain; charset=utf-8" }
    public static var fileExtension: String { "txt" }
    public static var isForReaders: Bool { true }
    public static var columns: [String]? { BulletinTableBuilder.terminalColumns }
    public static func render(_ table: Table, context: TableContext) -> Data {
        Data((render(table) + context.footnotes.map { "\n" + $0 }.joined() + "\n").utf8)
    }

    /// The table as lines of text, header underlined, two spaces between columns.
    public static func render(_ table: Table) -> String {
        let columns = table.columns.count
        // Each cell's width measured once, then every line written into one string.
        var cellWidths = [Int](repeating: 0, count: table.rows.count * columns)
        var widths = table.columns.map { DisplayWidth.of($0.name) }
        for (r, row) in table.rows.enumerated() {
            for i in 0..<min(row.count, columns) {
                let w = DisplayWidth.of(row[i])
                cellWidths[r * columns + i] = w
                widths[i] = max(widths[i], w)
            }
        }
        var out = ""
        out.reserveCapacity((widths.reduce(0, +) + 2 * columns + 1) * (table.rows.count + 2))
        func line(_ cells: [String], width: (Int) -> Int) {
            for (i, c) in table.columns.enumerated() {
                if i > 0 { out += "  " }
                let cell = i < cells.count ? cells[i] : ""
                if i == columns - 1 && c.alignment == .left {
                    out += cell
                } else {
                    DisplayWidth.append(cell, width: width(i), paddedTo: widths[i], c.alignment, to: &out)
                }
            }
            out += "\n"
        }
        line(table.columns.map(\.name)) { DisplayWidth.of(table.columns[$0].name) }
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (r, row) in table.rows.enumerated() {
            line(row) { i in i < row.count ? cellWidths[r * columns + i] : 0 }
        }
        return out
    }
}
