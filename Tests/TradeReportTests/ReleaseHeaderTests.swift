import Foundation
import Testing
import TradeCore
import TradeReport

@Suite struct ReleaseHeaderTests {
    @Test func keysSectionsLanguagesAndDefaults() throws {
        let header = try ReleaseHeader(
            parsing: """
                # comment
                issuer = "Services Trade Statistics Office"
                issuer_zh = "服务贸易统计处"
                status = "preliminary"

                [2021-04]
                release_date = "2021-06-03"
                release_time = "15:00"
                next_release = "2021-07-02"
                status = "revised"
                """)
        let april = try Period(parsing: "2021-04")
        let zh = header.lines(through: april, zh: true)
        #expect(zh.map(\.0) == ["发布单位", "统计期", "发布日期", "数据状态", "下次发布"])
        #expect(zh[0].1 == "服务贸易统计处")
        #expect(zh[1].1 == "2021年1—4月")
        #expect(zh[2].1 == "2021-06-03 15:00 UTC+08:00")
        #expect(zh[3].1 == "修订数据")
        // The next release by what it will cover, not by its date (2021-07-02 is after 2021-06-03).
        #expect(zh[4].1 == "2021年1—5月数据")
        #expect(header.lines(through: april, zh: false).last?.1 == "January–May 2021 data")
        let en = header.lines(through: try Period(parsing: "2021-05"), zh: false)
        #expect(en.map(\.0) == ["Issued by", "Reference period", "Status"])
        #expect(en[1].1 == "January–May 2021")
        #expect(en[2].1 == "Preliminary; may be revised")
        // No file: no issuer, and the header says plainly that the document is a draft.
        #expect(ReleaseHeader().lines(through: april, zh: false)[0].1 == "DRAFT: no issuer set")
        #expect(ReleaseHeader().issuer(through: april, zh: true) == nil)
    }

    @Test func aMalformedLineIsNamedWithItsColumnAndFix() {
        #expect(
            throws: ReleaseHeader.ParseFailure(
                file: "templates/release.toml", line: 2, column: 1,
                problem: "expected key = \"value\", [section] or # comment, found issuer: MOFCOM",
                fix: "write key = \"value\"")
        ) {
            try ReleaseHeader(parsing: "# header\nissuer: MOFCOM\n", file: "templates/release.toml")
        }
        // A calendar value that is not valid: the column of its first character, and how to write it.
        let cases: [(String, Int, Int, String)] = [
            ("[2021-04]\nrelease_date = \"2021-6-3\"\n", 2, 17, "write it YYYY-MM-DD"),
            ("[2021-04]\n  release_time = \"3pm\"\n", 2, 19, "write it HH:MM on a 24-hour clock"),
            ("time_zone = \"Beijing\"\n", 1, 14, "give an offset such as \"+08:00\""),
            ("[2021-04]\nnext_release = \"soon\"\n", 2, 17, "write YYYY-MM-DD, YYYY-MM"),
            ("[April]\n", 1, 2, "name a section after its month"),
        ]
        for (text, line, column, fix) in cases {
            do {
                _ = try ReleaseHeader(parsing: text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.line == line && error.column == column, "\(error)")
                #expect(error.fix.hasPrefix(fix), "\(error)")
                #expect(error.description.hasPrefix("release.toml:\(line):\(column): "))
            }
        }
    }

    /// The release moment: date and time in the calendar's zone; a date alone opens at 00:00 there.
    @Test func releaseMomentsAndEmbargo() throws {
        let header = try ReleaseHeader(
            parsing: """
                time_zone = "Asia/Shanghai"
                [2021-04]
                release_date = "2021-06-03"
                release_time = "15:00"
                next_release = "2021-07"
                [2025-10]
                release_date = "2025-12-03"
                next_release = "unannounced"
                [2022-04]
                release_date = "2022-05-31"
                time_zone = "-05:30"
                """)
        let april = try #require(header.releaseMoment(through: try Period(parsing: "2021-04")))
        // 15:00 in Beijing is 07:00 UTC: 2021-06-03T07:00:00Z = 1622703600.
        #expect(april.secondsSince1970 == 1_622_703_600)
        #expect(april.description == "2021-06-03 15:00 UTC+08:00")
        let october = try #require(header.releaseMoment(through: try Period(parsing: "2025-10")))
        // 2025-12-03 00:00 in Beijing is 2025-12-02T16:00:00Z = 1764691200.
        #expect(october.secondsSince1970 == 1_764_691_200)
        #expect(october.description == "2025-12-03 00:00 UTC+08:00")
        let may = try #require(header.releaseMoment(through: try Period(parsing: "2022-04")))
        #expect(may.secondsSince1970 == 1_653_955_200 + 19_800)  // 2022-05-31T05:30:00Z
        #expect(may.description == "2022-05-31 00:00 UTC−05:30")
        let justBefore = Date(timeIntervalSince1970: 1_764_691_199)
        #expect(header.embargo(through: try Period(parsing: "2025-10"), at: justBefore) == october)
        #expect(header.embargo(through: try Period(parsing: "2025-10"), at: october.instant) == nil)
        #expect(header.embargo(through: try Period(parsing: "2021-05"), at: justBefore) == nil)
        // The header: the time with its zone; the next release (a month here) by the period it
        // covers, with "date not announced" when the date is unknown.
        let en = header.lines(through: try Period(parsing: "2021-04"), zh: false)
        #expect(en.first { $0.0 == "Release date" }?.1 == "2021-06-03 15:00 UTC+08:00")
        #expect(en.first { $0.0 == "Next release" }?.1 == "January–May 2021 data")
        let zh = header.lines(through: try Period(parsing: "2021-04"), zh: true)
        #expect(zh.first { $0.0 == "下次发布" }?.1 == "2021年1—5月数据")
        #expect(header.lines(through: try Period(parsing: "2025-10"), zh: true).last?.1 == "2025年1—11月数据（日期尚未公布）")
        #expect(
            header.lines(through: try Period(parsing: "2025-10"), zh: false).last?.1
                == "January–November 2025 data (date not announced)")
        #expect(header.lines(through: try Period(parsing: "2025-10"), zh: false)[2].1 == "2025-12-03")
    }

    /// After a December bulletin the next release covers January of the following year alone; after
    /// January, January–February. The date in the file is never printed.
    @Test func theNextReleaseIsNamedByThePeriodItCovers() throws {
        let header = try ReleaseHeader(
            parsing: """
                [2021-12]
                release_date = "2022-02-03"
                next_release = "2022-03-01"
                [2022-01]
                next_release = "2022-03"
                """)
        let december = try Period(parsing: "2021-12"), january = try Period(parsing: "2022-01")
        #expect(header.lines(through: december, zh: true).last?.1 == "2022年1月数据")
        #expect(header.lines(through: december, zh: false).last?.1 == "January 2022 data")
        #expect(header.lines(through: january, zh: true).last?.1 == "2022年1—2月数据")
        #expect(header.lines(through: january, zh: false).last?.1 == "January–February 2022 data")
        // The wording is the header's reference period of the following month, plus "data".
        #expect(
            ReleaseCalendar.nextReleaseText("2022-03-01", after: december, zh: false)
                == ReleaseHeader.reference(through: january, zh: false) + " data")
        #expect(
            ReleaseCalendar.nextReleaseText(ReleaseCalendar.unannounced, after: december, zh: true)
                == "2022年1月数据（日期尚未公布）")
        #expect(
            ReleaseCalendar.nextReleaseText(ReleaseCalendar.unannounced, after: december, zh: false)
                == "January 2022 data (date not announced)")
    }
}
