import Foundation
import SnapshotTesting
import Testing
import TradeCharts
import TradeCore
import TradeIngest
import TradeStore
import TradeTestSupport

@Suite struct ChartOutputTests {
    /// Every stored copy of the 2017–2022 record with the generated regional panel, or why it could
    /// not be built (`get()` rethrows).
    static let book = Result { () throws -> FigureBook in
        let db = try ShippedData.store(["mofcom-published-2017-2022.csv"])
        guard let panel = IllustrativePanel.generate(book: try db.figureBook(), years: 2019...2022, seed: 20_200_814)
        else { throw FixtureError(message: "no illustrative panel from the 2017–2022 record") }
        return FigureBook(figures: try db.figures().map(\.observation), panel: panel)
    }

    static func charts(_ lang: ChartTheme.Language, size: ChartTheme.Size = .bulletin) throws -> [(String, String)] {
        let book = try Self.book.get()
        let theme = ChartTheme(size: size, language: lang)
        let c = BulletinCharts(book: book, theme: theme)
        let april = try Period(parsing: "2021-04")
        return [
            ("combo", c.combo(fromYear: 2020, through: april).svg(theme: theme)),
            ("lines", c.lines(fromYear: 2017, through: try Period(parsing: "2022-12")).svg(theme: theme)),
            ("ranking", c.ranking(through: april, by: .region).svg(theme: theme)),
            ("composition", c.composition(fromYear: 2017, toYear: 2022).svg(theme: theme)),
            ("multiples", c.multiples(fromYear: 2019, through: april).svg(theme: theme)),
            ("combo-panels", c.combo(fromYear: 2020, through: april, layout: .stackedPanels).svg(theme: theme)),
        ]
    }

    @Test(arguments: ChartTheme.Language.allCases)
    func everyChartIsWellFormedInsideItsViewBoxAndMatchesItsSnapshot(lang: ChartTheme.Language) throws {
        for (name, svg) in try Self.charts(lang) {
            do { try SVGInspection.check(svg) } catch { Issue.record("\(name)-\(lang): \(error)") }
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<desc id="))
            #expect(svg.contains("xml:lang=\"\(lang.tag)\""))
            assertSnapshot(of: svg, as: .lines, named: "\(name)-\(lang.rawValue)")
        }
    }

    /// Small multiples as the chart spec says (e): levels that differ more than 5× become an index,
    /// here of the first year's monthly average (= 100, the reference line), every month of the
    /// window drawn, the CSV unit saying so.
    @Test func multiplesAreAnIndexFilledOverTheirWindow() throws {
        let book = try Self.book.get()
        let chart = BulletinCharts(book: book, theme: ChartTheme(language: .en)).multiples(
            fromYear: 2019, through: try Period(parsing: "2021-04"))
        #expect(chart.reference == 100)
        #expect(chart.unit == "index (2019 monthly average = 100)")
        #expect(chart.panels.count == 10)
        #expect(chart.xLabels.count == 28 && chart.xLabels.first == "2019-01" && chart.xLabels.last == "2021-04")
        for panel in chart.panels {
            #expect(panel.values.count == 28 && panel.values.allSatisfy { $0 != nil }, "\(panel.title)")
            // The base year's twelve indices average 100 (each rounded to 0.1 once).
            let base = panel.values.prefix(12).compactMap { $0 }.reduce(0, +)
            #expect(abs(base - 1200) <= 0.6, "\(panel.title): \(base)")
        }
        // One value by hand: Beijing, April 2021, over its 2019 monthly average.
        let resolver = LevelResolver(book: book)
        let key = SeriesKey(region: "beijing", sector: "S", flow: .total, currency: .cny)
        var base: Int64 = 0
        for m in 1...12 {
            let p = try #require(Period(year: 2019, month: m))
            base += try #require(resolver.estimate(key, PeriodSpan(month: p))).level.hundredths
        }
        let april = try #require(resolver.estimate(key, PeriodSpan(month: try Period(parsing: "2021-04"))))
        let expected = (Double(april.level.hundredths) * 12_000 / Double(base)).rounded(.toNearestOrAwayFromZero) / 10
        let beijing = try #require(chart.panels.first { $0.title == "Beijing" })
        #expect(beijing.values.last == expected)
        #expect(expected > 50 && expected < 200)
    }

    @Test func slidePresetScalesTheCanvas() throws {
        for (name, svg) in try Self.charts(.en, size: .slide) where name == "combo-panels" {
            try SVGInspection.check(svg)
            #expect(svg.contains("width=\"1280\" height=\"720\""))
            #expect(svg.contains("font-size=\"31.50\""))  // title 18 × 1.75
        }
    }

    /// Every registered kind draws from one request, in both languages, well-formed, its ids
    /// starting with its name; the help lists it.
    @Test(arguments: ChartKind.allCases)
    func everyKindDrawsFromARequest(kind: ChartKind) throws {
        for lang in ChartTheme.Language.allCases {
            var request = ChartRequest(
                book: try Self.book.get(), theme: ChartTheme(language: lang),
                from: try Period(parsing: kind == .lines ? "2017-01" : "2019-01"),
                through: try Period(parsing: kind == .lines ? "2021-12" : "2021-04"))
            request.slugSuffix = "-x"
            let svg = try kind.render(request)
            do { try SVGInspection.check(svg) } catch { Issue.record("\(kind)-\(lang): \(error)") }
            #expect(svg.contains("id=\"svc-\(kind.rawValue)-x-title\""), "\(kind)")
            #expect(try kind.render(request) == svg)
        }
        #expect(ChartKind(rawValue: kind.rawValue) == kind)
        #expect(
            ChartKind.summaries.split(separator: "\n").contains {
                $0.hasPrefix(kind.rawValue + "  ") && $0.hasSuffix("  " + kind.chart.summary)
            })
    }

    @Test func aKindWithoutFiguresIsUnavailable() throws {
        let request = ChartRequest(
            book: FigureBook(figures: []), theme: ChartTheme(), from: try Period(parsing: "2030-01"),
            through: try Period(parsing: "2030-04"))
        for kind in ChartKind.allCases {
            #expect(throws: ChartUnavailable(kind: kind, from: request.from, through: request.through)) {
                try kind.render(request)
            }
        }
    }

    @Test func sameInputSameBytes() throws {
        #expect(try Self.charts(.zh).map(\.1) == Self.charts(.zh).map(\.1))
    }

    @Test func theLatestValueAndRateAreLabelledCorrectly() throws {
        let combo = try #require(try Self.charts(.zh).first { $0.0 == "combo" }?.1)
        #expect(combo.contains(">15644.5</text>"))
        #expect(combo.contains(">+3.3%</text>"))
        #expect(combo.contains("<title id=\"svc-combo-title\">2021年1-4月服务进出口总额增长3.3%</title>"))
    }

    @Test func missingValuesLeaveGapsNeverZeros() throws {
        let theme = ChartTheme(language: .en)
        let chart = LineChart(
            xLabels: ["2017", "2018", "2019", "2020"],
            series: [.init(name: "Exports", color: ChartTheme.blue, values: [1, 2, nil, 4])],
            unit: "CNY", text: ChartText(title: "t", subtitle: "s", source: "Source: test", description: "d"))
        let svg = chart.svg(theme: theme)
        try SVGInspection.check(svg)
        #expect(svg.components(separatedBy: "<path").count - 1 == 1)  // 2017–2018 joined; 2020 alone
        #expect(svg.components(separatedBy: "<circle").count - 1 == 1)  // the lone 2020 point is a dot
        let combo = ComboChart(
            points: [
                .init(label: "a", shortLabel: "a", year: 2020, value: 5, rate: 1),
                .init(label: "b", shortLabel: "b", year: 2020, value: nil, rate: nil),
                .init(label: "c", shortLabel: "c", year: 2020, value: 7, rate: 2),
            ],
            valueLegend: "v", rateLegend: "r", valueUnit: "u", yearLabel: { String($0) },
            text: ChartText(title: "t", subtitle: "s", source: "Source: test", description: "d"))
        let c = combo.svg(theme: theme)
        try SVGInspection.check(c)
        let bars = c.components(separatedBy: "<g fill=\"#0072B2\">")[1].components(separatedBy: "</g>")[0]
        #expect(bars.components(separatedBy: "<rect").count - 1 == 2)  // no bar for the missing period
    }

    @Test func aVeryLongChineseSectorNameStaysInside() throws {
        let chart = RankingChart(
            items: [.init(label: "个人、文化和娱乐服务以及其他别处未提及的政府服务和知识产权使用费的合计", value: 49.3), .init(label: "运输", value: -5)],
            format: { ChartTheme(language: .zh).growth($0) },
            text: ChartText(title: "标题", subtitle: "副标题", source: "资料来源：商务部", description: "描述"))
        let svg = chart.svg(theme: ChartTheme(language: .zh))
        try SVGInspection.check(svg)
        #expect(svg.contains("…</text>"))
    }
}

@Suite struct SVGInspectionTests {
    static let good =
        #"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><title>t</title><text x="1" y="10">a</text></svg>"#

    @Test func theStructuralCheckCatchesBrokenCharts() throws {
        try SVGInspection.check(Self.good)
        for (from, to, finding) in [
            ("y=\"10\"", "y=\"NaN\"", "<text y=\"NaN\"> is not a number"),
            ("x=\"1\"", "x=\"140\"", "<text x=140.0> outside 0…100.0"),
            ("x=\"1\"", "x=\"\"", "<text> has an empty x"),
            ("viewBox=\"0 0 100 50\"", "viewBox=\"0 0 10 5\"", "viewBox does not match the size"),
        ] {
            #expect(throws: SVGInspection.Finding(description: finding)) {
                try SVGInspection.check(Self.good.replacingOccurrences(of: from, with: to))
            }
        }
        let unclosed = #expect(throws: SVGInspection.Finding.self) {
            try SVGInspection.check(Self.good.replacingOccurrences(of: "</svg>", with: ""))
        }
        #expect(unclosed?.description.hasPrefix("not well-formed: ") == true, "\(String(describing: unclosed))")
    }
}
