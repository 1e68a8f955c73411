/// A calendar month, the atom of every services-trade series.
///
/// Text form `YYYY-MM` (ISO 8601 calendar month), e.g. `2021-04`.
///
/// ```swift
/// let april = try Period(parsing: "2021-04")
/// april.advanced(by: -12)   // 2020-04
/// ```
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The calendar year, 1900...9999.
    public let year: Int
    /// The month of the year, 1...12.
    public let month: Int

    /// Creates a month, or `nil` when the year or month is out of range.
    public init?(year: Int, month: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Creates a month from its running index (`year * 12 + month - 1`).
    public init?(index: Int) {
        self.init(year: index / 12, month: index % 12 + 1)
    }

    /// Parses `YYYY-MM`.
    ///
    /// - Throws: ``PeriodParseError`` naming what was expected.
    public init(parsing text: some StringProtocol) throws(PeriodParseError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else {
            throw PeriodParseError(text: String(text), expected: "a month as YYYY-MM, e.g. 2021-04")
        }
        var year = 0
        for b in bytes[0..<4] {
            guard b >= 48, b <= 57 else {
                throw PeriodParseError(text: String(text), expected: "a month as YYYY-MM, e.g. 2021-04")
            }
            year = year * 10 + Int(b - 48)
        }
        var month = 0
        for b in bytes[5..<7] {
            guard b >= 48, b <= 57 else {
                throw PeriodParseError(text: String(text), expected: "a month as YYYY-MM, e.g. 2021-04")
            }
            month = month * 10 + Int(b - 48)
        }
        guard let period = Period(year: year, month: month) else {
            throw PeriodParseError(
                text: String(text),
                expected: month < 1 || month > 12 ? "a month number from 01 to 12" : "a year from 1900 to 9999")
        }
        self = period
    }

    /// The running month index, `year * 12 + month - 1`; consecutive months differ by one.
    public var index: Int { year * 12 + month - 1 }

    /// The integer `yyyymm`, the form used in the store.
    public var yyyymm: Int { year * 100 + month }

    /// Creates a month from `yyyymm`, or `nil` when it is not a valid month.
    public init?(yyyymm: Int) {
        self.init(year: yyyymm / 100, month: yyyymm % 100)
    }

    /// The month `n` months later (earlier for negative `n`), clamped to the valid range.
    public func advanced(by n: Int) -> Period {
        Period(index: index + n) ?? self
    }

    /// The same month one year earlier: the calendar-matched base of a year-on-year comparison.
    public var yearAgo: Period { advanced(by: -12) }

    /// `YYYY-MM`.
    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        return "\(y)-\(m)"
    }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.index < rhs.index }
}

/// A text that is not a valid month or period span.
public struct PeriodParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text that was read.
    public let text: String
    /// What was expected instead.
    public let expected: String

    /// Creates the error.
    public init(text: String, expected: String) {
        self.text = text
        self.expected = expected
    }

    /// `"2021-13": expected a month number from 01 to 12`.
    public var description: String { "\"\(text)\": expected \(expected)" }
}
