import Foundation
import Testing
import TradeCore
import TradeIngest

/// Every file under BadFiles/ must be rejected with exactly this message (file:line:column: field: what).
@Suite struct BadFileCorpusTests {
    static let expected: [(String, String)] = [
        (
            "01-missing-header.csv",
            "01-missing-header.csv:1:1: the first line must be a header naming the columns, found data \"2021-04\"; expected e.g. period,region,sector,flow,value"
        ),
        (
            "02-unknown-column.csv",
            "02-unknown-column.csv:1:27: unknown column \"valeu\" (did you mean \"value\"?); the columns svctrade reads are: period, period_from, period_to, period_kind, region, scope, sector, flow, currency, unit, value, release, release_date, source, source_url, publisher, published_on, yoy_pct, vs2019_pct, two_year_avg_pct, share_pct, share_change_pp, balance_change"
        ),
        (
            "03-missing-column.csv",
            "03-missing-column.csv:1: the header has no \"flow\" column; found: period,region,sector,value"
        ),
        ("04-duplicate-column.csv", "04-duplicate-column.csv:1:33: column \"flow\" appears twice in the header"),
        (
            "05-too-few-fields.csv",
            "05-too-few-fields.csv:3: expected 5 fields (period,region,sector,flow,value), found 4; quote fields that contain commas"
        ),
        (
            "06-unquoted-comma.csv",
            "06-unquoted-comma.csv:2:31: expected 6 fields (period,region,sector,flow,value,source), found 7; quote fields that contain commas"
        ),
        (
            "07-unparseable-number.csv",
            "07-unparseable-number.csv:2:20: value: \"12.3.4\" is not a number; expected a plain decimal such as 12345.67 (no thousands separators or exponents)"
        ),
        (
            "08-exponent-number.csv",
            "08-exponent-number.csv:2:20: value: \"1e5\" is not a number; expected a plain decimal such as 12345.67 (no thousands separators or exponents)"
        ),
        ("09-month-13.csv", "09-month-13.csv:3:1: period: \"2021-13\": expected a month number from 01 to 12"),
        (
            "10-month-one-digit.csv",
            "10-month-one-digit.csv:2:1: period: \"2021-4\": expected a month as YYYY-MM, e.g. 2021-04"
        ),
        (
            "11-span-across-years.csv",
            "11-span-across-years.csv:2:1: period: \"2020-11/2021-02\": expected a span inside one calendar year (a span may not cross a year boundary)"
        ),
        (
            "12-span-backwards.csv",
            "12-span-backwards.csv:2:1: period_from: \"2021-05/2021-03\": expected a span whose first month is not after its last"
        ),
        (
            "13-span-not-published-shape.csv",
            "13-span-not-published-shape.csv:2:1: period: \"2021-03/2021-05\": expected a single month, a January-to-month total, a quarter, a half or a year"
        ),
        (
            "14-unknown-sector-code.csv",
            "14-unknown-sector-code.csv:2:12: sector: unknown sector \"SZ\" (did you mean \"S\" or \"SA\" or \"SAZ\"?); expected an EBOPS 2010 code such as S, SC, SD, SI2, a group such as KIS, or a published name such as travel"
        ),
        (
            "15-unknown-sector-name.csv",
            "15-unknown-sector-name.csv:2:34: sector: unknown sector \"travle\" (did you mean \"Travel\" or \"TRAD3\" or \"TRAD4\"?); expected an EBOPS 2010 code such as S, SC, SD, SI2, a group such as KIS, or a published name such as travel"
        ),
        (
            "16-unknown-region.csv",
            "16-unknown-region.csv:2:9: region: unknown region \"beijng\" (did you mean \"beijing\"?); expected a region code such as CN, beijing or xixian (the nation, the pilot localities and published aggregates), or R and digits for a numbered panel"
        ),
        (
            "17-unknown-flow.csv",
            "17-unknown-flow.csv:2:14: flow: unknown flow \"exportz\"; expected export, import, total or balance (or X, M, T, B)"
        ),
        (
            "18-unknown-unit.csv",
            "18-unknown-unit.csv:2:24: unit: unknown unit \"CNY gazillion\"; expected CNY or USD followed by 10k, m, 100m, bn or trillion (e.g. \"CNY 100m\"), or 元, 万元, 亿元, 万亿元, 美元, 亿美元"
        ),
        (
            "19-unknown-currency.csv",
            "19-unknown-currency.csv:2:24: currency: unknown currency \"EUR\"; expected CNY or USD"
        ),
        (
            "20-currency-unit-mismatch.csv",
            "20-currency-unit-mismatch.csv:2:28: unit: the unit CNY 100m is not in the row's currency USD"
        ),
        (
            "21-negative-export.csv",
            "21-negative-export.csv:2:21: value: -5 is negative, but export levels cannot be; only a balance may be negative"
        ),
        (
            "22-duplicate-key-different-value.csv",
            "22-duplicate-key-different-value.csv:4:20: value: CN/S/total/CNY 2021-04 appears twice with different values (100 earlier in the file, 101 here); keep one row, or put the other in a separate release"
        ),
        (
            "23-same-source-conflict.csv",
            "23-same-source-conflict.csv:3: CN/S/total/CNY 2021-01/2021-04 appears twice from the same source with different figures (line 2 and line 3); keep one row or give each its source"
        ),
        (
            "24-bom-crlf-bad-month.csv",
            "24-bom-crlf-bad-month.csv:3:1: period: \"2021-99\": expected a month number from 01 to 12"
        ),
        (
            "25-crlf-unknown-flow.csv",
            "25-crlf-unknown-flow.csv:3:14: flow: unknown flow \"both\"; expected export, import, total or balance (or X, M, T, B)"
        ),
        (
            "26-quoted-number-with-comma.csv",
            "26-quoted-number-with-comma.csv:2:20: value: \"1,234.5\" is not a number; expected a plain decimal such as 12345.67 (no thousands separators or exponents)"
        ),
        (
            "27-unterminated-quote.csv",
            "27-unterminated-quote.csv:2:24: source: a quoted field is never closed; add the closing \""
        ),
        (
            "28-text-after-closing-quote.csv",
            "28-text-after-closing-quote.csv:2:13: region: text after a closing quote; quote the whole field and write an inner quote as \"\""
        ),
        (
            "29-empty.csv",
            "29-empty.csv: the file is empty; expected a header such as period,region,sector,flow,value and data rows"
        ),
        ("30-header-only.csv", "30-header-only.csv:1: the file has a header but no data rows"),
        (
            "31-not-utf8.csv",
            "31-not-utf8.csv:2:12: sector: bytes that are not UTF-8; save the file as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)"
        ),
        (
            "32-too-precise.csv",
            "32-too-precise.csv:2:20: value: 0.001 CNY has digits below 0.01 of a currency unit, which svctrade does not keep; round it or use a larger unit"
        ),
        (
            "33-period-kind-mismatch.csv",
            "33-period-kind-mismatch.csv:2:17: period_kind: \"quarter\" does not match the span 2021-01/2021-04, which is a year-to-date total"
        ),
        (
            "34-no-value-no-rate.csv",
            "34-no-value-no-rate.csv:2:51: value: the row carries neither a value nor a rate; fill one in or leave the row out"
        ),
        (
            "35-empty-value-tidy.csv",
            "35-empty-value-tidy.csv:2:20: value: empty value; a row of a tidy file must carry a number (leave the row out for a missing month)"
        ),
        (
            "36-rate-with-percent-sign.csv",
            "36-rate-with-percent-sign.csv:2:67: yoy_pct: \"3.3%\" is not a number; expected a rate in percent such as 23.2 or -10 (no % sign)"
        ),
        (
            "37-value-without-unit.csv",
            "37-value-without-unit.csv:2:50: unit: a value needs a unit; expected CNY or USD followed by 10k, m, 100m, bn or trillion (e.g. \"CNY 100m\"), or 元, 万元, 亿元, 万亿元, 美元, 亿美元"
        ),
        (
            "38-blank-first-line.csv",
            "38-blank-first-line.csv:1: the first line is blank; expected a header such as period,region,sector,flow,value"
        ),
    ]

    static func path(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "BadFiles/\(name)", withExtension: nil))
        return url.path
    }

    @Test(arguments: expected)
    func rejectsWithExactMessage(file: String, message: String) throws {
        let path = try Self.path(file)
        #expect(throws: ImportError.self) { try ObservationReader().read(path: path, displayName: file) }
        do {
            _ = try ObservationReader().read(path: path, displayName: file)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func everyFileInTheCorpusHasAnExpectation() throws {
        let folder = try #require(Bundle.module.url(forResource: "BadFiles", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
            .sorted()
        #expect(names == Self.expected.map(\.0).sorted())
        #expect(names.count >= 25)
    }
}
