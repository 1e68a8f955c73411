import TradeCore

/// What a table renderer is told besides the table.
public struct TableContext: Sendable {
    /// Language of headers and notes.
    public var language: Language
    /// A title for formats that carry one (an HTML page).
    public var title: String
    /// Lines under the table for formats a person reads (units, what statuses mean).
    public var footnotes: [String]

    /// Creates a context.
    public init(language: Language, title: String, footnotes: [String] = []) {
        self.language = language
        self.title = title
        self.footnotes = footnotes
    }
}

/// A table output format (DocC article *Adding an output format*): a renderer here plus one case
/// of ``TableFormat``.
public protocol TableRenderer {
    /// Whether people read it (headers translated, footnotes kept) rather than programs (column
    /// names as documented, every column).
    static var isForReaders: Bool { get }
    /// The columns it shows, or `nil` for every documented column.
    static var columns: [String]? { get }
    /// The text of a table.
    static func text(_ table: Table, context: TableContext) -> String
}

extension TableRenderer {
    public static var columns: [String]? { nil }
}

/// Output formats of tables.
public enum TableFormat: String, Sendable, CaseIterable {
    case text, csv, md, html, json

    /// The renderer of the format (the registration line of a new format).
    public var renderer: any TableRenderer.Type {
        switch self {
        case .text: TextTableRenderer.self
        case .csv: CSVRenderer.self
        case .md: MarkdownRenderer.self
        case .html: HTMLRenderer.self
        case .json: JSONRenderer.self
        }
    }
}

extension TextTableRenderer: TableRenderer {
    public static var isForReaders: Bool { true }
    public static var columns: [String]? { BulletinTableBuilder.terminalColumns }
    public static func text(_ table: Table, context: TableContext) -> String {
        render(table) + context.footnotes.map { "\n" + $0 }.joined() + "\n"
    }
}

extension CSVRenderer: TableRenderer {
    public static var isForReaders: Bool { false }
    public static func text(_ table: Table, context: TableContext) -> String { render(table) }
}

extension MarkdownRenderer: TableRenderer {
    public static var isForReaders: Bool { true }
    public static func text(_ table: Table, context: TableContext) -> String { render(table) }
}

extension HTMLRenderer: TableRenderer {
    public static var isForReaders: Bool { true }
    public static func text(_ table: Table, context: TableContext) -> String {
        page(table, title: context.title, lang: context.language.tag)
    }
}

extension JSONRenderer: TableRenderer {
    public static var isForReaders: Bool { false }
    public static func text(_ table: Table, context: TableContext) -> String {
        render(table, isNumeric: BulletinTableBuilder.isNumeric)
    }
}
