/// A run of consecutive months inside one calendar year: the period a published figure covers.
///
/// Bulletins publish single months, January-to-month totals (year to date, 累计), the combined
/// January–February release (1–2月), quarters, halves and years. Text form: `YYYY-MM` for a single
/// month, `YYYY-MM/YYYY-MM` (ISO 8601 interval) otherwise, e.g. `2021-01/2021-04`.
///
/// Definitions follow <doc:Methodology>: `C(y,m) = Σ x(y,1…m)`; Jan–Feb is `C(y,2)`.
public struct PeriodSpan: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The first month.
    public let start: Period
    /// The last month (inclusive).
    public let end: Period

    /// What a span is, as a bulletin names it.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// One month (当月).
        case month
        /// January and February together (1–2月), MOFCOM's first release of a year.
        case janFeb = "jan-feb"
        /// January to a month other than February, March, June or December (累计, 1–N月).
        case yearToDate = "year-to-date"
        /// A calendar quarter; Q1 is also the year to March.
        case quarter
        /// A half year; H1 is also the year to June.
        case half
        /// The calendar year; also the year to December.
        case year

        /// English words for messages: "a single month", "a year-to-date total", …
        public var label: String {
            switch self {
            case .month: "a single month"
            case .janFeb: "January–February combined"
            case .yearToDate: "a year-to-date total"
            case .quarter: "a quarter"
            case .half: "a half year"
            case .year: "a calendar year"
            }
        }
    }

    /// Creates a span, or throws when it crosses a year boundary, runs backwards or is not one of the
    /// published shapes (month, year to date, quarter, half, year).
    public init(start: Period, end: Period) throws(PeriodParseError) {
        let text = "\(start)/\(end)"
        guard start.year == end.year else {
            throw PeriodParseError(
                text: text, expected: "a span inside one calendar year (a span may not cross a year boundary)")
        }
        guard start <= end else {
            throw PeriodParseError(text: text, expected: "a span whose first month is not after its last")
        }
        let s = start.month, e = end.month
        let isQuarter = e - s == 2 && s % 3 == 1
        let isHalf = e - s == 5 && (s == 1 || s == 7)
        guard s == e || s == 1 || isQuarter || isHalf else {
            throw PeriodParseError(
                text: text,
                expected: "a single month, a January-to-month total, a quarter, a half or a year")
        }
        self.start = start
        self.end = end
    }

    /// A single month.
    public init(month: Period) {
        start = month
        end = month
    }

    /// January to `month` of the same year (year to date).
    public static func yearToDate(through month: Period) -> PeriodSpan {
        PeriodSpan(unchecked: Period(year: month.year, month: 1) ?? month, month)
    }

    private init(unchecked start: Period, _ end: Period) {
        self.start = start
        self.end = end
    }

    /// Parses `YYYY-MM` or `YYYY-MM/YYYY-MM`.
    public init(parsing text: some StringProtocol) throws(PeriodParseError) {
        if let slash = text.firstIndex(of: "/") {
            let a = try Period(parsing: text[..<slash])
            let b = try Period(parsing: text[text.index(after: slash)...])
            try self.init(start: a, end: b)
        } else {
            self.init(month: try Period(parsing: text))
        }
    }

    /// The kind of span.
    public var kind: Kind {
        let s = start.month, e = end.month
        if s == e { return .month }
        if s == 1 && e == 12 { return .year }
        if e - s == 5 && (s == 1 || s == 7) { return .half }
        if e - s == 2 && s % 3 == 1 { return .quarter }
        if s == 1 && e == 2 { return .janFeb }
        return .yearToDate
    }

    /// True when the span starts in January (a year-to-date total, including Q1, H1 and the year).
    public var isYearToDate: Bool { start.month == 1 && end.month > 1 }

    /// True for a single month.
    public var isMonth: Bool { start == end }

    /// Number of months covered.
    public var monthCount: Int { end.index - start.index + 1 }

    /// The months covered, in order.
    public var months: [Period] { (start.index...end.index).compactMap { Period(index: $0) } }

    /// The same span one year earlier: the calendar-matched base of a year-on-year comparison.
    public var yearAgo: PeriodSpan { shifted(years: -1) }

    /// The same span `n` years later (earlier when negative).
    public func shifted(years n: Int) -> PeriodSpan {
        PeriodSpan(unchecked: start.advanced(by: 12 * n), end.advanced(by: 12 * n))
    }

    /// `YYYY-MM` for a month, `YYYY-MM/YYYY-MM` otherwise.
    public var description: String { isMonth ? start.description : "\(start)/\(end)" }

    /// Orders by end month, then by length (shorter first).
    public static func < (lhs: PeriodSpan, rhs: PeriodSpan) -> Bool {
        (lhs.end, rhs.start) < (rhs.end, lhs.start)
    }
}
