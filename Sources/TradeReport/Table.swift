import TradeCore

/// A table of text cells with typed columns: what every output format renders.
public struct Table: Sendable, Equatable {
    /// How a column's cells line up in text output.
    public enum Alignment: Sendable, Equatable {
        /// Text columns.
        case left
        /// Number columns.
        case right
    }

    /// A column: its stable name, whether its cells are numbers, and its header for readers.
    public struct Column: Sendable, Equatable {
        /// The column's name: the CSV/JSON field name, and the header of English readers.
        public var name: String
        /// Whether the cells are numbers (right-aligned; unquoted in JSON; numbers in Excel).
        public var isNumeric: Bool
        /// The header of Chinese readers (text, Markdown, HTML); `nil` shows the name.
        public var chineseHeader: String?

        /// Creates a column.
        public init(_ name: String, numeric: Bool = false, zh chineseHeader: String? = nil) {
            self.name = name
            self.isNumeric = numeric
            self.chineseHeader = chineseHeader
        }

        /// Text alignment: numbers right, text left.
        public var alignment: Alignment { isNumeric ? .right : .left }

        /// The header a reader of `language` sees.
        public func header(_ language: Language) -> String { language == .zh ? chineseHeader ?? name : name }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows; each has one cell per column (empty text for "not applicable").
    public var rows: [[String]]

    /// Creates a table.
    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The same table with the columns named `names`, in that order (names it lacks are left out).
    public func selecting(_ names: [String]) -> Table {
        let indices = names.compactMap { name in columns.firstIndex { $0.name == name } }
        return Table(
            columns: indices.map { columns[$0] },
            rows: rows.map { row in indices.map { $0 < row.count ? row[$0] : "" } })
    }

    /// The same table with the headers of `language` as column names (what readers' formats print).
    public func headed(in language: Language) -> Table {
        var t = self
        t.columns = columns.map { Column($0.header(language), numeric: $0.isNumeric) }
        return t
    }
}
