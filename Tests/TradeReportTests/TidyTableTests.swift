import Foundation
import Testing
import TradeCore
import TradeReport

/// The tidy table of `svctrade export --format csv|json`: exact numbers in their unit, ISO periods,
/// the cumulation spelled out, a published month before a panel value, rows in a fixed order.
@Suite struct TidyTableTests {
    let yi = MonetaryUnit(.cny, .hundredMillion)

    func book() throws -> FigureBook {
        let cn = SeriesKey(region: "CN", sector: "S", flow: .total, currency: .cny)
        let balance = SeriesKey(region: "CN", sector: "S", flow: .balance, currency: .cny)
        let jan = try #require(Period(year: 2021, month: 1))
        let apr = try #require(Period(year: 2021, month: 4))
        let figures = [
            Observation(
                key: cn, span: try PeriodSpan(start: jan, end: apr), value: try Level(parsing: "15644.5", in: yi),
                unit: yi, decimals: 1, rates: PublishedRates(yearOnYear: DecimalNumber(parsing: "3.3")),
                source: "http://example.org/a", release: "r1", publisher: "MOFCOM", publishedOn: "2021-05-28"),
            // 3.39 万亿元 kept in 亿元: 33900 with decimals −2.
            Observation(
                key: cn, span: PeriodSpan(month: apr), value: try Level(parsing: "33900", in: yi), unit: yi,
                decimals: -2, source: "http://example.org/b", release: "r1"),
            // Only a balance change was printed.
            Observation(
                key: balance, span: try PeriodSpan(start: jan, end: apr), value: nil, unit: nil, decimals: nil,
                rates: PublishedRates(balanceChange: try Level(parsing: "874.9", in: yi)), release: "r1"),
        ]
        var series = MonthlyPanel.Series(key: cn, unit: yi, decimals: 1, release: "p", source: "gen")
        series.set(try Level(parsing: "3000.5", in: yi).hundredths, at: apr.index - 1)
        series.set(try Level(parsing: "1", in: yi).hundredths, at: apr.index)  // published month wins
        return FigureBook(figures: figures, panel: MonthlyPanel(series: [series]))
    }

    @Test func csvRowsAreExactAndOrdered() throws {
        let table = TidyTable(
            book: try book(), releases: [StoredRelease(name: "r1", published: "2021-06-03", file: "a.csv")])
        let lines = table.render(.csv).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == TidyTable.columns.joined(separator: ","))
        #expect(
            Array(lines.dropFirst()) == [
                "CN,S,balance,CNY,2021-01/2021-04,2021-01,2021-04,year-to-date,,CNY,0,,,,,,,,87490000000,published,r1,2021-06-03,,,,,,,,,,",
                "CN,S,total,CNY,2021-03,2021-03,2021-03,month,3000.5,CNY 100m,8,1,300050000000,,,,,,,published,p,,gen,,,,,,,,,",
                "CN,S,total,CNY,2021-04,2021-04,2021-04,month,33900,CNY 100m,8,-2,3390000000000,,,,,,,published,r1,2021-06-03,http://example.org/b,,,,,,,,,",
                "CN,S,total,CNY,2021-01/2021-04,2021-01,2021-04,year-to-date,15644.5,CNY 100m,8,1,1564450000000,3.3,,,,,,published,r1,2021-06-03,http://example.org/a,MOFCOM,2021-05-28,http://example.org/a,,,,,,",
                "",
            ])
        #expect(table.rowCount == 4)
    }

    @Test func jsonHasNumbersNullsAndTheSameRows() throws {
        let table = TidyTable(book: try book(), releases: [])
        let text = table.render(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(rows.count == 4)
        #expect(rows[3]["value"] as? Double == 15644.5 && rows[3]["yoy_pct"] as? Double == 3.3)
        #expect(rows[3]["cumulation"] as? String == "year-to-date" && rows[3]["release_date"] is NSNull)
        #expect(rows[0]["value"] is NSNull && rows[0]["balance_change"] as? Double == 87_490_000_000)
        #expect(text.hasPrefix("[\n{\"region\":\"CN\",\"sector\":\"S\",\"flow\":\"balance\""))
        #expect(TidyTable(book: FigureBook(figures: []), releases: []).render(.json) == "[]\n")
    }

    /// A copy read at a mirror cites its publisher, never the mirror; a rate lent by another page of the
    /// release is under that page; the mirror's address is kept in `mirror_url`. The January–April 2021
    /// total as the shipped file holds it: read at crapshirt.com (line 424), and the rates against 2019
    /// here lent by MOFCOM's own page.
    @Test func aMirrorIsNotCitedAndEachMeasureNamesItsPage() throws {
        let key = SeriesKey(region: "CN", sector: "S", flow: .total, currency: .cny)
        let span = try PeriodSpan(parsing: "2021-01/2021-04")
        let mirror = "http://www.crapshirt.com/article/newsrelease/press/202106/20210603069409.shtml"
        let page = "http://english.mofcom.gov.cn/article/newsrelease/press/202106/20210603069409.shtml"
        var kept = Observation(
            key: key, span: span, value: try Level(parsing: "15644.5", in: yi), unit: yi, decimals: 1,
            rates: PublishedRates(yearOnYear: DecimalNumber(parsing: "3.3")), source: mirror, release: "r1",
            publisher: "MOFCOM")
        let lender = Observation(
            key: key, span: span, value: nil, unit: nil, decimals: nil,
            rates: PublishedRates(versus2019: DecimalNumber(parsing: "-10.3")), source: page, release: "r1")
        kept.borrowRates(from: lender)
        let table = TidyTable(book: FigureBook(figures: [kept]), releases: [])
        let lines = table.render(.csv).split(separator: "\n").map(String.init)
        #expect(
            lines.dropFirst().first
                == "CN,S,total,CNY,2021-01/2021-04,2021-01,2021-04,year-to-date,15644.5,CNY 100m,8,1,1564450000000,3.3,-10.3,,,,,published,r1,,MOFCOM,MOFCOM,,MOFCOM,\(page),,,,,\(mirror)"
        )
        // Without the classification the address is cited as it is, and no mirror is kept.
        let plain = TidyTable(book: FigureBook(figures: [kept]), releases: [], hosts: SourceHosts([:]))
        let cells =
            plain.render(.csv).split(separator: "\n").dropFirst().first?.split(
                separator: ",", omittingEmptySubsequences: false) ?? []
        #expect(cells.count == TidyTable.columns.count)
        #expect(
            cells.count == 32 && cells[22] == Substring(mirror) && cells[25] == Substring(mirror) && cells[31] == "")
    }

    @Test(arguments: [
        ("2021-04", "month"), ("2021-01/2021-02", "year-to-date"), ("2021-01/2021-12", "year-to-date"),
        ("2021-04/2021-06", "quarter"), ("2021-07/2021-12", "half"),
    ])
    func cumulationIsSpelledOut(span: String, expected: String) throws {
        #expect(TidyTable.cumulation(try PeriodSpan(parsing: span)) == expected)
    }
}
