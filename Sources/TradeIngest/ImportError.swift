/// Why an input file was rejected: what, where (file:line:column, field) and how to fix it.
///
/// ```
/// bad.csv:3:1: period: "2021-13" is not a month: expected a month number from 01 to 12
/// ```
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: String, Sendable, Equatable {
        case unreadableFile, emptyFile, notUTF8, missingHeader, unknownColumn, missingColumn, duplicateColumn
        case wrongFieldCount, unterminatedQuote, textAfterQuote
        case badNumber, badPeriod, badSpan, periodKindMismatch
        case unknownSector, unknownRegion, unknownFlow, unknownCurrency, unknownUnit, missingUnit, currencyMismatch
        case negativeLevel, tooPrecise, noValue, conflictingDuplicate, badDate, releaseExists
    }

    /// The class of problem.
    public let kind: Kind
    /// The file, as given on the command line.
    public let file: String
    /// 1-based line (0 when the whole file is concerned).
    public let line: Int
    /// 1-based character column (0 when the whole line or file is concerned).
    public let column: Int
    /// The column name from the header, if a single field is concerned.
    public let field: String?
    /// What is wrong and what was expected.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, file: String, line: Int = 0, column: Int = 0, field: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, the form compilers use so editors can jump to it.
    public var description: String {
        var place = file
        if line > 0 { place += ":\(line)" }
        if column > 0 { place += ":\(column)" }
        if let field { return "\(place): \(field): \(message)" }
        return "\(place): \(message)"
    }
}
