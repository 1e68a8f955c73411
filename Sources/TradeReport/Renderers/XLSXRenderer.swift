import Foundation
import TradeXLSX

/// Renders a table as an Excel workbook of one sheet: every column under its documented name, as
/// in CSV, with numbers as numbers (``TradeXLSX/XLSXWorkbook``).
public enum XLSXRenderer: TableRenderer {
    public static var name: String { "xlsx" }
    public static var mediaType: String { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
    public static var isBinary: Bool { true }
    public static var isForReaders: Bool { false }

    /// The sheet's name, whatever the table's title: a file written by `svctrade table`.
    public static let sheetName = "svctrade table"

    public static func render(_ table: Table, context: TableContext) throws -> Data {
        try XLSXWorkbook.data([XLSXWorkbook.Sheet(name: sheetName, table: table)])
    }
}

extension XLSXWorkbook.Sheet {
    /// A sheet of a table: its column names as the header row, under `title` when given.
    public init(name: String, table: Table, notes: [String] = [], title: String? = nil) {
        self.init(name: name, header: table.columns.map(\.name), rows: table.rows, notes: notes, title: title)
    }
}
