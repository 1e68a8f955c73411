import Testing
import TradeCore

@Suite struct PeriodTests {
    @Test func parsesAMonth() throws {
        let p = try Period(parsing: "2021-04")
        #expect(p.year == 2021 && p.month == 4)
        #expect(p.description == "2021-04")
        #expect(p.yyyymm == 202104)
        #expect(p.yearAgo.description == "2020-04")
        #expect(p.advanced(by: -4).description == "2020-12")
        #expect(p.advanced(by: 9).description == "2022-01")
    }

    @Test(arguments: [
        ("2021-13", "a month number from 01 to 12"),
        ("2021-00", "a month number from 01 to 12"),
        ("21-04", "a month as YYYY-MM, e.g. 2021-04"),
        ("2021/04", "a month as YYYY-MM, e.g. 2021-04"),
        ("2021-4", "a month as YYYY-MM, e.g. 2021-04"),
        ("", "a month as YYYY-MM, e.g. 2021-04"),
        ("0999-01", "a year from 1900 to 9999"),
    ])
    func rejectsMalformedMonths(text: String, expected: String) {
        #expect(throws: PeriodParseError(text: text, expected: expected)) { try Period(parsing: text) }
    }

    @Test func ordersByCalendar() throws {
        let months = try ["2021-02", "2020-12", "2021-01"].map { try Period(parsing: $0) }
        #expect(months.sorted().map(\.description) == ["2020-12", "2021-01", "2021-02"])
        #expect(try Period(parsing: "2021-01").index - Period(parsing: "2020-12").index == 1)
    }
}

@Suite struct PeriodSpanTests {
    @Test(arguments: [
        ("2021-04", PeriodSpan.Kind.month),
        ("2021-01/2021-02", .janFeb),
        ("2021-01/2021-04", .yearToDate),
        ("2021-01/2021-03", .quarter),
        ("2021-04/2021-06", .quarter),
        ("2021-01/2021-06", .half),
        ("2021-07/2021-12", .half),
        ("2021-01/2021-12", .year),
        ("2021-01/2021-11", .yearToDate),
    ])
    func classifiesSpans(text: String, kind: PeriodSpan.Kind) throws {
        let span = try PeriodSpan(parsing: text)
        #expect(span.kind == kind)
        #expect(span.description == text)
    }

    @Test func janFebIsYearToDateAndHasNoJanuaryMonth() throws {
        let s = try PeriodSpan(parsing: "2021-01/2021-02")
        #expect(s.isYearToDate)
        #expect(s.monthCount == 2)
        #expect(s.months.map(\.description) == ["2021-01", "2021-02"])
        #expect(s.yearAgo.description == "2020-01/2020-02")
    }

    @Test func rejectsSpanAcrossTwoYears() {
        #expect(
            throws: PeriodParseError(
                text: "2020-11/2021-02",
                expected: "a span inside one calendar year (a span may not cross a year boundary)")
        ) { try PeriodSpan(parsing: "2020-11/2021-02") }
    }

    @Test func rejectsBackwardsAndOddSpans() {
        #expect(throws: PeriodParseError.self) { try PeriodSpan(parsing: "2021-05/2021-03") }
        #expect(
            throws: PeriodParseError(
                text: "2021-03/2021-05",
                expected: "a single month, a January-to-month total, a quarter, a half or a year")
        ) { try PeriodSpan(parsing: "2021-03/2021-05") }
    }

    @Test func yearToDateThroughAMonth() throws {
        let s = PeriodSpan.yearToDate(through: try Period(parsing: "2021-04"))
        #expect(s.description == "2021-01/2021-04")
        #expect(PeriodSpan.yearToDate(through: try Period(parsing: "2021-01")).description == "2021-01")
    }
}
