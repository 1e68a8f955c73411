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
        #expect(zh[2].1 == "2021-06-03 15:00")
        #expect(zh[3].1 == "修订数据")
        let en = header.lines(through: try Period(parsing: "2021-05"), zh: false)
        #expect(en.map(\.0) == ["Issued by", "Reference period", "Status"])
        #expect(en[1].1 == "January–May 2021")
        #expect(en[2].1 == "Preliminary; may be revised")
        // No file: no issuer, and the header says plainly that the document is a draft.
        #expect(ReleaseHeader().lines(through: april, zh: false)[0].1 == "DRAFT: no issuer set")
        #expect(ReleaseHeader().issuer(through: april, zh: true) == nil)
    }

    @Test func aMalformedLineIsNamed() {
        #expect(throws: ReleaseHeader.ParseFailure(line: 2, text: "issuer: MOFCOM")) {
            try ReleaseHeader(parsing: "# header\nissuer: MOFCOM\n")
        }
    }
}
