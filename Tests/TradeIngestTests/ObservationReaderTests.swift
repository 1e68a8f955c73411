import Foundation
import Testing
import TradeCore
import TradeIngest
import TradeTestSupport

@Suite struct ObservationReaderTests {
    @Test func readsTidyFileWithBOMCRLFQuotesAndBlankLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text =
            "\u{FEFF}period,region,sector,flow,value,unit\r\n"
            + "2021-01,CN,SD,export,\"1.5\",CNY 100m\r\n"
            + "\r\n"
            + "2021-02,\"CN\",SD,export,2.25,亿元\r\n"
            + "2021-03,CN,SD,balance,-7,CNY 100m"  // no final newline
        let path = try folder.write("good.csv", text)
        let batch = try ObservationReader().read(path: path)
        #expect(batch.rowCount == 3)
        #expect(batch.layout == "tidy long")
        #expect(batch.panel.series.count == 2)
        let exports = try #require(batch.panel.series.first { $0.key.flow == .export })
        let yi = MonetaryUnit(.cny, .hundredMillion)
        #expect(exports.value(at: try Period(parsing: "2021-01"))?.formatted(in: yi, places: 2) == "1.50")
        #expect(exports.value(at: try Period(parsing: "2021-02"))?.formatted(in: yi, places: 2) == "2.25")
        #expect(exports.decimals == 2)
        let balance = try #require(batch.panel.series.first { $0.key.flow == .balance })
        #expect(balance.value(at: try Period(parsing: "2021-03"))?.formatted(in: yi, places: 0) == "-7")
        #expect(batch.releases.keys.sorted() == ["good"])
        #expect(batch.releases["good"] == .some(String?.none))
    }

    @Test func defaultUnitIsTenThousandYuanAndReleaseNameIsTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(
            "obs.csv", "period,region,sector,flow,value\n2021-04,R001,SA1,X,12345.67\n2021-04,R001,SA1,M,0\n")
        let batch = try ObservationReader(options: .init(releaseDate: "2021-06-03")).read(path: path)
        let x = try #require(batch.panel.series.first)
        #expect(x.key == SeriesKey(region: "R001", sector: "SA1", flow: .export, currency: .cny))
        #expect(x.unit == MonetaryUnit(.cny, .tenThousand))
        #expect(x.value(at: try Period(parsing: "2021-04")) == Level(hundredths: 12_345_67 * 10_000))
        #expect(batch.panel.series[1].value(at: try Period(parsing: "2021-04")) == .zero)
        #expect(batch.releases == ["obs": .some("2021-06-03")])
    }

    @Test func identicalRepeatedRowsAreStoredOnceWithANote() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("rep.csv", "period,region,sector,flow,value\n2021-04,CN,S,X,1\n2021-04,CN,S,X,1\n")
        let batch = try ObservationReader().read(path: path)
        #expect(batch.panel.observationCount == 1)
        #expect(batch.notes == ["1 rows repeated an earlier row with the same value; each value is stored once"])
    }

    @Test func spansAndSourcesMakeFigures() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(
            "f.csv",
            """
            period,region,sector,flow,value,unit,release,source
            2021-01/2021-04,CN,S,total,15644.5,CNY 100m,2021-06-03,http://example.org/a
            2021-01/2021-04,CN,S,total,1.56,CNY trillion,2021-06-03,http://example.org/b

            """)
        let batch = try ObservationReader().read(path: path)
        #expect(batch.figures.count == 2)
        #expect(batch.figures.map(\.isPreferred) == [true, false])
        #expect(batch.releases == ["2021-06-03": .some("2021-06-03")])
        #expect(batch.notes.isEmpty)  // 1.56 trillion is 15600 ± 50: agrees with 15644.5
    }

    @Test func differentSourcesBeyondRoundingAreReportedNotRejected() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(
            "f.csv",
            """
            period,region,sector,flow,value,unit,source
            2018-01/2018-10,CN,S,total,630,USD bn,http://example.org/a
            2018-01/2018-10,CN,S,total,624,USD bn,http://example.org/b

            """)
        let batch = try ObservationReader().read(path: path)
        #expect(
            batch.notes == [
                "sources disagree beyond rounding on CN/S/total/USD 2018-01/2018-10: 6240 (line 3) vs 6300 (line 2) USD 100m; kept line 3 (unknown site)"
            ])
    }

    @Test func thePublishersOwnSiteWinsWhereCopiesDisagree() throws {
        // The 2021 deficit: 211.28 bn on a news site, 211.27 bn on MOFCOM's own site (datasets lines 579, 582).
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(
            "f.csv",
            """
            period,region,sector,flow,value,unit,source
            2021-01/2021-12,CN,S,balance,-211.28,CNY bn,http://en.people.cn/n3/2022/0131/c90000-9951958.html
            2021-01/2021-12,CN,S,balance,-2112,CNY 100m,https://jcipo.org/?p=3721
            2021-01/2021-12,CN,S,balance,-211.27,CNY bn,http://english.mofcom.gov.cn/article/pressconferencehomepage/servicetrade/202204/20220403301609.shtml

            """)
        let batch = try ObservationReader().read(path: path)
        #expect(batch.figures.map(\.isPreferred) == [false, false, true])
        #expect(batch.figures[2].observation.sourceKind == .publisher)
        #expect(batch.figures[1].observation.sourceKind == .mirror)
    }

    @Test func wholeNumbersClaimNoPrecisionFromTrailingZeros() throws {
        // "1970" CNY bn is "1.97 trillion" printed in billions: ±5 bn, so it agrees with 19741.8 亿元,
        // which is kept as the more precise copy of the same figure.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(
            "f.csv",
            """
            period,region,sector,flow,value,unit,source
            2025-01/2025-03,CN,S,total,1970,CNY bn,https://fra.yidaiyilu.gov.cn/p/0LA7J7OE.html
            2025-01/2025-03,CN,S,total,19741.8,CNY 100m,https://en.jiemian.com/article/12716639.html
            2025-01/2025-03,CN,S,import,4502,CNY 100m,https://en.jiemian.com/article/12716639.html

            """)
        let batch = try ObservationReader().read(path: path)
        #expect(batch.notes.isEmpty)
        #expect(batch.figures.map(\.isPreferred) == [false, true, true])
        #expect(batch.figures[0].observation.roundingHalfWidth == 500_000_000_000)  // 5 bn in hundredths
        #expect(batch.figures[2].observation.roundingHalfWidth == 5_000_000_000)  // 0.5 亿元
    }

    @Test func readsThePublishedFigures() throws {
        let batch = try ObservationReader().read(path: Repository.dataset("mofcom-published-2017-2022.csv"))
        #expect(batch.layout == "published figures")
        #expect(batch.rowCount == 739)
        #expect(batch.figures.count == 739)  // every row with a value or a rate is kept
        #expect(batch.figures.filter { $0.observation.value == nil }.count == 248)  // rates, changes alone
        let span = try PeriodSpan(parsing: "2021-01/2021-04")
        let yi = MonetaryUnit(.cny, .hundredMillion)
        func figure(_ flow: Flow) -> Observation? {
            batch.figures.first {
                $0.isPreferred && $0.observation.span == span
                    && $0.observation.key == SeriesKey(region: "CN", sector: "S", flow: flow, currency: .cny)
            }?.observation
        }
        #expect(figure(.total)?.value?.formatted(in: yi, places: 1) == "15644.5")
        #expect(figure(.total)?.rates.yearOnYear == DecimalNumber(parsing: "3.3"))
        #expect(figure(.export)?.value?.formatted(in: yi, places: 1) == "7462.1")
        #expect(figure(.export)?.rates.yearOnYear == DecimalNumber(parsing: "23.2"))
        #expect(figure(.import)?.value?.formatted(in: yi, places: 1) == "8182.4")
        #expect(figure(.import)?.rates.yearOnYear == DecimalNumber(parsing: "-10"))
        #expect(figure(.balance)?.value?.formatted(in: yi, places: 1) == "-720.4")
        #expect(
            batch.notes.contains { $0.hasPrefix("sources disagree beyond rounding on CN/S/total/USD 2018-01/2018-10") })
    }
}
