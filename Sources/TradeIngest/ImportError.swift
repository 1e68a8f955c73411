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
        /// A code outside its codelist (SDMX `DATAFLOW`, `FREQ`, `OBS_STATUS`, `ACTION` …).
        case unknownCode
        /// A flag that is not `1`/`0`/`true`/`false`.
        case badFlag
        /// Rows of one stored series disagree on an attribute the store keeps once per series.
        case conflictingAttribute
        /// Line ends the reader does not read (a carriage return alone).
        case unsupportedLineEnds
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

extension ImportError {
    /// The error for a failure of the CSV scanner: one line with file:line:column, the column's name
    /// (`field`, when known) and how to fix the file.
    init(_ failure: CSVScanner.Failure, file: String, field: String?) {
        let kind: Kind
        switch failure.kind {
        case .invalidUTF8: kind = .notUTF8
        case .unterminatedQuote: kind = .unterminatedQuote
        case .textAfterClosingQuote: kind = .textAfterQuote
        case .unreadable: kind = .unreadableFile
        }
        if case .unreadable = failure.kind {
            self.init(kind, file: file, line: failure.line, message: failure.kind.explanation)
        } else {
            self.init(
                kind, file: file, line: failure.line, column: failure.column, field: field,
                message: failure.kind.explanation)
        }
    }

    /// The error for a field that holds a carriage return alone: a file with old Mac line ends reads
    /// as one long line.
    static func carriageReturn(file: String, line: Int, column: Int, field: String?) -> ImportError {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return ImportError(
            .unsupportedLineEnds, file: file, line: line, column: column, field: field,
            message:
                "a line ends in a carriage return alone (old Mac line ends), which svctrade does not read; save the file with LF or CRLF line ends (e.g. tr '\\r' '\\n' < \(name) > fixed.csv)"
        )
    }
}
