import Testing
import TradeCore
import TradeStore

@Suite struct IllustrativePanelTests {
    @Test func nationalSumsMeetEveryKnownYearToDateTotalExactly() throws {
        let book = try BulletinOracleTests.book.get()
        let panel = try #require(IllustrativePanel.generate(book: book, years: 2019...2022, seed: 7))
        let national = LevelResolver(book: book)
        let generated = LevelResolver(book: FigureBook(figures: [], panel: panel))
        let parts = RegionRollup.members(of: 2020, in: .standard) + ["CN-REST"]
        var checked = 0
        for flow in [Flow.export, .import] {
            for year in 2019...2022 {
                for m in 1...12 {
                    guard let p = Period(year: year, month: m) else { continue }
                    let span = PeriodSpan.yearToDate(through: p)
                    guard
                        let known = national.estimate(
                            SeriesKey(region: "CN", sector: "S", flow: flow, currency: .cny), span)
                    else { continue }
                    var sum: Int64 = 0
                    for region in parts {
                        let e = generated.estimate(
                            SeriesKey(region: region, sector: "S", flow: flow, currency: .cny), span)
                        sum += try #require(e).level.hundredths
                    }
                    #expect(sum == known.level.hundredths, "\(flow) \(span)")
                    checked += 1
                }
            }
        }
        #expect(checked > 40)
    }

    @Test func sameSeedSamePanelAndEveryValueSaysIllustrative() throws {
        let book = try BulletinOracleTests.book.get()
        let a = try #require(IllustrativePanel.generate(book: book, years: 2021...2021, seed: 1))
        let b = try #require(IllustrativePanel.generate(book: book, years: 2021...2021, seed: 1))
        let c = try #require(IllustrativePanel.generate(book: book, years: 2021...2021, seed: 2))
        #expect(a.series.map(\.values) == b.series.map(\.values))
        #expect(a.series.map(\.values) != c.series.map(\.values))
        #expect(a.series.allSatisfy { $0.source.contains("illustrative") && $0.release == IllustrativePanel.release })
        // Overlapping new areas are generated but never summed into the pilot total.
        #expect(a.series.contains { $0.key.region == "xixian" })
        #expect(!RegionRollup.members(of: 2020, in: .standard).contains("xixian"))
        #expect(RegionRollup.leftOut(of: 2020, in: .standard) == ["guian", "xixian"])
    }

    @Test func largestRemainderSplitAddsUp() {
        #expect(IllustrativePanel.split(10, weights: [1, 1, 1]) == [4, 3, 3])
        #expect(IllustrativePanel.split(100, weights: [0, 5, 5]) == [0, 50, 50])
        #expect(IllustrativePanel.split(7, weights: [3, 1]).reduce(0, +) == 7)
    }
}
