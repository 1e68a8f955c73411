/// A table of text cells with named columns: what every output format renders.
public struct Table: Sendable, Equatable {
    /// How a column's cells line up in text output.
    public enum Alignment: Sendable, Equatable {
        /// Text columns.
        case left
        /// Number columns.
        case right
    }

    /// A column.
    public struct Column: Sendable, Equatable {
        /// Header text (also the CSV/JSON field name).
        public var name: String
        /// Text alignment.
        public var alignment: Alignment

        /// Creates a column.
        public init(_ name: String, _ alignment: Alignment = .left) {
            self.name = name
            self.alignment = alignment
        }
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
}
