import Foundation
import TradeCore

/// Renders a table as an HTML `<table>` fragment (escaped, numbers right-aligned), or a whole page.
public enum HTMLRenderer: TableRenderer {
    public static var name: String { "html" }
    public static var mediaType: String { "text/html; charset=utf-8" }
    public static var isForReaders: Bool { true }
    public static func render(_ table: Table, context: TableContext) -> Data {
        Data(page(table, title: context.title, lang: context.language.tag).utf8)
    }

    /// Escapes `& < > "`.
    public static func escape(_ s: String) -> String { MarkupEscaping.escape(s) }

    /// The `<table>` element.
    public static func render(_ table: Table, caption: String? = nil) -> String {
        var out = "<table>\n"
        if let caption { out += "<caption>\(escape(caption))</caption>\n" }
        out +=
            "<thead><tr>" + table.columns.map { "<th scope=\"col\">\(escape($0.name))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let right = i < table.columns.count && table.columns[i].alignment == .right
                out += right ? "<td class=\"num\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A standalone UTF-8 page holding the table.
    public static func page(_ table: Table, title: String, lang: String = "en") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 1.5rem; }
        table { border-collapse: collapse; font-size: 0.85rem; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left; white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        \(render(table))</body>
        </html>

        """
    }
}
