import Testing
import TradeCharts
import TradeCore
import TradeTestSupport

@Suite struct NiceTicksTests {
    @Test(arguments: [
        (0.0, 15644.5, 0.0, 20000.0, 5000.0),
        (0.0, 45642.7, 0.0, 50000.0, 10000.0),
        (-35.0, -5.0, -40.0, 0.0, 10.0),  // all negative
        (0.0, 0.0, 0.0, 1.0, 0.2),  // all zero
        (7.0, 7.0, 0.0, 8.0, 2.0),  // a single point
        (0.0, 1.2e12, 0.0, 1.25e12, 2.5e11),  // huge
        (0.0, 0.00031, 0.0, 0.0004, 0.0001),  // tiny
        (-16.2, 3.3, -20.0, 5.0, 5.0),
    ])
    func niceDomains(min: Double, max: Double, lo: Double, hi: Double, step: Double) {
        let axis = NiceTicks.axis(min: min, max: max)
        #expect(abs(axis.domain.lowerBound - lo) < 1e-9 * Swift.max(1, abs(lo)))
        #expect(abs(axis.domain.upperBound - hi) < 1e-9 * Swift.max(1, abs(hi)))
        #expect(abs(axis.step - step) < 1e-12 * Swift.max(1, step))
        let ticks = NiceTicks.ticks(axis.domain, step: axis.step)
        #expect((4...6).contains(ticks.count - 1) || ticks.count - 1 < 4)
        #expect(ticks.first == axis.domain.lowerBound)
    }

    @Test func secondaryAxisSharesGridlinesAndPutsZeroOnOne() throws {
        let axis = try #require(NiceTicks.sharedSecondaryAxis(min: -16.2, max: 3.3, intervals: 5))
        #expect(axis.step == 5)
        #expect(axis.domain == -20...5)
        let ticks = NiceTicks.ticks(axis.domain, step: axis.step)
        #expect(ticks.count == 6)
        #expect(ticks.contains(0))
        #expect(NiceTicks.sharedSecondaryAxis(min: 0, max: 30000, intervals: 1) == nil)  // no step fits: stacked panels
    }

    @Test func tickDecimals() {
        #expect(NiceTicks.decimals(for: 2.5) == 1)
        #expect(NiceTicks.decimals(for: 0.25) == 2)
        #expect(NiceTicks.decimals(for: 5000) == 0)
    }
}

@Suite struct LabelAndTextTests {
    @Test func collidingLabelsArePushedApartInOrder() {
        let placed = LabelPlacement.spread([100, 104, 102, 300], gap: 15, low: 90, high: 310)
        let sorted = placed.sorted()
        for i in 1..<sorted.count { #expect(sorted[i] - sorted[i - 1] >= 15 - 1e-9) }
        #expect(placed[0] < placed[2] && placed[2] < placed[1])  // order kept
        #expect(placed.allSatisfy { (90...310).contains($0) })
        let atTop = LabelPlacement.spread([305, 308, 309], gap: 15, low: 0, high: 310)
        #expect(atTop.max() == 310)
        #expect(atTop.sorted()[1] == 295)
    }

    @Test func widthEstimatesForLatinAndCJK() {
        #expect(abs(TextMetrics.width("15,644.5", size: 12) - 8 * 0.58 * 12) < 1e-9)
        #expect(TextMetrics.width("服务贸易", size: 12) == 48)
        #expect(abs(TextMetrics.width("上海 Shanghai", size: 12) - (24 + 9 * 0.58 * 12)) < 1e-9)
        #expect(TextMetrics.hasHan("出口 Exports"))
        #expect(!TextMetrics.hasHan("Exports"))
    }

    @Test func numbersFollowTheLocaleStyle() {
        #expect(ChartTheme(language: .en).number(15644.5, decimals: 1) == "15,644.5")
        #expect(ChartTheme(language: .zh).number(15644.5, decimals: 1) == "15644.5")
        #expect(ChartTheme(language: .en).number(-20000, decimals: 0) == "\u{2212}20,000")
        #expect(ChartTheme(language: .zh).growth(3.3) == "+3.3%")
        #expect(ChartTheme(language: .zh).growth(-10) == "\u{2212}10.0%")
        #expect(ChartTheme(language: .en).growth(0) == "0.0%")
        #expect(SVGDocument.number(12.345) == "12.35")
        #expect(SVGDocument.number(-0.001) == "0.00")
    }

    @Test func aVeryLongChineseNameIsShortenedToFit() {
        let name = "个人、文化和娱乐服务以及其他别处未提及的政府服务和知识产权使用费的合计"
        let fitted = TextMetrics.fit(name, size: 12, maxWidth: 224)
        #expect(fitted.hasSuffix("…"))
        #expect(TextMetrics.width(fitted, size: 12) <= 224)
    }
}

@Suite struct CompositionLabelTests {
    @Test func eachLabelIsItsOwnShareRoundedHalfAwayFromZero() {
        // 46.9 + 15.9 + 37.3 = 100.1: labels are never adjusted to add up (the chart's note says so).
        let s = CompositionChart.Segment(name: "A", color: "#000000", shares: [46.85, 15.85, 37.30])
        #expect(s.labels == ["46.9", "15.9", "37.3"])
        #expect(s.values == [46.85, 15.85, 37.30])
    }
}

@Suite struct LongTitleTests {
    @Test func aLongTitleWrapsOntoTwoLinesInsteadOfBeingCut() throws {
        let title =
            "Illustrative: the twenty-eight pilot localities ranked by services trade, January to April 2021, largest first"
        let chart = RankingChart(
            items: [.init(label: "Beijing", value: 1999.6), .init(label: "Shanghai", value: 1403.3)],
            format: { String($0) },
            text: ChartText(
                title: title, subtitle: "CNY 100 million", source: "Source: svctrade generate", description: "test"))
        let svg = chart.svg(theme: ChartTheme(size: .bulletin, language: .en))
        try SVGInspection.check(svg)
        #expect(!svg.contains("…"))
        #expect(svg.contains(#"y="34.00" font-size="18.00""#) && svg.contains(#"y="56.00" font-size="18.00""#))
        #expect(svg.contains(#"<title id="#))
    }
}
