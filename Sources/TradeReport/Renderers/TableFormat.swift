import Foundation
import TradeCore

/// What a table renderer is told besides the table.
public struct TableContext: Sendable {
    /// Language of headers and notes.
    public var language: Language
    /// A title for formats that carry one (an HTML page, an Excel sheet).
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

/// A table output format (DocC article *Adding an output format*): one file with a renderer, and
/// its line in ``TableFormat/allCases``.
public protocol TableRenderer: Sendable {
    /// The format's name: the value of `--format` and of the press API's `format=`.
    static var name: String { get }
    /// The media type of the bytes (the press API's `Content-Type`).
    static var mediaType: String { get }
    /// The file name extension of a file in this format, without the dot.
    static var fileExtension: String { get }
    /// Whether the bytes are not text (a terminal is no place for them).
    static var isBinary: Bool { get }
    /// Whether people read it (headers in the reader's language, footnotes kept) rather than
    /// programs (column names as documented, every column).
    static var isForReaders: Bool { get }
    /// The columns it shows, or `nil` for every column of the table.
    static var columns: [String]? { get }
    /// The bytes of a table (its headers already the reader's when ``isForReaders``).
    static func render(_ table: Table, context: TableContext) throws -> Data
}

extension TableRenderer {
    public static var fileExtension: String { name }
    public static var isBinary: Bool { false }
    public static var columns: [String]? { nil }
}

/// An output format of tables: a registered ``TableRenderer``.
public struct TableFormat: RegisteredCase {
    /// The renderer.
    public let renderer: any TableRenderer.Type

    /// Wraps a renderer.
    public init(_ renderer: any TableRenderer.Type) { self.renderer = renderer }

    /// Every format, in the order help texts list them. A new format registers here, one line:
    /// `TableFormat(TSVRenderer.self),`.
    public static let allCases: [TableFormat] = [
        .text, .csv, .md, .html, .json, .xlsx,
    ]

    /// The format's name.
    public var rawValue: String { renderer.name }

    /// Why this format cannot go to standard output when that is a terminal (`toTerminal`): a binary
    /// format needs a file; `nil` otherwise.
    public func problem(toTerminal: Bool) -> String? {
        renderer.isBinary && toTerminal
            ? "--format \(rawValue) is not text: give -o FILE or redirect standard output" : nil
    }

    /// The bytes of `table` in this format: the renderer's columns, and the reader's headers when
    /// the format is for readers.
    public func render(_ table: Table, context: TableContext) throws -> Data {
        var shown = renderer.columns.map { table.selecting($0) } ?? table
        if renderer.isForReaders { shown = shown.headed(in: context.language) }
        return try renderer.render(shown, context: context)
    }

    /// Plain text.
    public static let text = TableFormat(TextTableRenderer.self)
    /// CSV.
    public static let csv = TableFormat(CSVRenderer.self)
    /// A Markdown pipe table.
    public static let md = TableFormat(MarkdownRenderer.self)
    /// An HTML page.
    public static let html = TableFormat(HTMLRenderer.self)
    /// JSON records.
    public static let json = TableFormat(JSONRenderer.self)
    /// An Excel workbook.
    public static let xlsx = TableFormat(XLSXRenderer.self)
}
