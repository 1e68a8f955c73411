import Testing
import TradeCharts
import TradeCore
import TradeStore
import TradeTestSupport

/// The numbers the charts print are the agency's, or say what they are (economist's review).
@Suite struct ChartFigureTests {
    static func composition(_ lang: ChartTheme.Language) throws -> CompositionChart {
        BulletinCharts(book: try ChartOutputTests.book.get(), theme: ChartTheme(language: lang)).composition(
            fromYear: 2017, toYear: 2022)
    }

    @Test func compositionLabelsArePublishedSharesAndTheUnsupportedOneIsNotPrinted() throws {
        let chart = try Self.composition(.en)
        #expect(chart.columns == ["2020", "2021", "2022"])
        let kis = try #require(chart.segments.first)
        // 2020: MOFCOM's 44.5 (44.5438 from the levels; largest remainder had made it 44.6).
        #expect(kis.labels == ["44.5", "43.9", nil])
        #expect(kis.values == [44.5, 43.9, nil])
        // 2022: 2.5 of 5.98 trillion yuan lies anywhere in 40.9 … 42.7%: not in the title.
        #expect(!chart.text.title.contains("41.8"))
        // 2022's share is not printed: the title compares nothing with it (was "lower in 2022 than in 2020").
        #expect(chart.text.title == "Composition of services trade")
        let notes = chart.text.notes.joined(separator: " ")
        #expect(notes.contains("as MOFCOM published them for knowledge-intensive 2020, 2021"))
        // Travel 2020 is 1.01 trillion of 4.56 trillion yuan (22.0 … 22.2%); other shares add up the rest.
        #expect(chart.segments[1].labels == [nil, "14.9", "14.3"])
        #expect(notes.contains("leaves a share's first decimal open (2020, 2022)"))
        // The one fully labelled column adds up (43.9 + 14.9 + 41.2): no rounding note.
        #expect(CompositionChart.columnsNotAddingUp(chart.segments) == [])
        #expect(!notes.contains("add to 100"))
        let svg = chart.svg(theme: ChartTheme(language: .en))
        #expect(svg.contains(">44.5</text>") && !svg.contains(">44.6</text>") && !svg.contains("41.8"))
        let csv = PlottedValue.csv(chart.plotted)
        #expect(csv.contains("Knowledge-intensive,2020,44.5,%,published,yes\n"))
        #expect(csv.contains("Knowledge-intensive,2022,,%,,\n"))
        // Computed shares at the 0.1 they are labelled with (was 14.906), with their status.
        #expect(csv.contains("Travel,2021,14.9,%,computed,yes\n"))
        for line in csv.split(separator: "\n").dropFirst() {
            let value = line.split(separator: ",", omittingEmptySubsequences: false).dropLast(3).last ?? ""
            #expect((value.split(separator: ".").dropFirst().first?.count ?? 0) <= 1, "\(line)")
        }
    }

    @Test func labelsThatDoNotAddUpAreFoundAndTheChineseChartSaysWhatItWithholds() throws {
        let chart = try Self.composition(.zh)
        #expect(chart.text.title == "服务贸易构成")
        #expect(chart.text.notes.joined().contains("占比无法确定到小数点后一位（2020年、2022年）"))
        let a = CompositionChart.Segment(name: "A", color: "#000000", shares: [46.85, 50])
        let b = CompositionChart.Segment(name: "B", color: "#000000", shares: [15.85, 25])
        let c = CompositionChart.Segment(name: "C", color: "#000000", shares: [37.30, 25])
        #expect(CompositionChart.columnsNotAddingUp([a, b, c]) == [0])  // 46.9 + 15.9 + 37.3 = 100.1
    }

    /// The lines chart states levels as the bulletin does: January–October 2025's balance worked out from
    /// "2.91" and "3.68 trillion" (0.76–0.78 万亿元) is −8000 as in the table and the text's "0.8万亿元",
    /// not −7700.0; 2021's exports published as "2 trillion" are 20000, not 20000.0.
    @Test func linesStateLevelsAsTheBulletinDoes() throws {
        let book = try ShippedData.store(["mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv"])
            .figureBook(asOf: "2025-12-03")
        let chart = BulletinCharts(book: book, theme: ChartTheme(language: .en)).lines(
            fromYear: 2021, through: try Period(parsing: "2025-10"))
        let csv = PlottedValue.csv(chart.plotted)
        #expect(csv.contains("Balance,2025,-8000,CNY 100 million,computed,yes\n"))
        #expect(csv.contains("Exports,2021,20000,CNY 100 million,published,yes\n"))
        #expect(csv.contains("Exports,2022,23581.5,CNY 100 million,published,yes\n"))
        #expect(!csv.contains("7700"))
        #expect(chart.text.description.contains("balance −8,000 (CNY 100 million)"))
    }

    /// January–September 2024: total services (5.51814 trillion) has no published rate; its base is the sum
    /// of the bases implied by exports' 15.3% (2.27334 trillion) and imports' "14%" (14.0: MOFCOM drops the
    /// trailing ".0"), so growth is computed, 14.5, drawn with the marker of a rate on implied bases and
    /// named in the "◆" note. January–May 2024's inputs leave its first decimal open (15.7 … 16.1%): left
    /// off the line, the note says why.
    @Test func aRateOnImpliedBasesIsMarkedAndOneTheRoundingLeavesOpenIsNamed() throws {
        // The figures dated by the bulletin's release date (3 December 2025): 6.58 trillion yuan for
        // January–October, not the 65,844.3 亿元 reported three days later.
        let book = try ShippedData.store(["mofcom-published-2023-2025.csv"]).figureBook(asOf: "2025-12-03")
        let theme = ChartTheme(language: .en)
        let chart = BulletinCharts(book: book, theme: theme).combo(
            fromYear: 2024, through: try Period(parsing: "2025-10"))
        let september = try #require(chart.points.first { $0.year == 2024 && $0.label == "Sep" })
        #expect(september.rate == 14.5)
        #expect(september.rateComputed)
        let may = try #require(chart.points.first { $0.year == 2024 && $0.label == "May" })
        #expect(may.rate == nil)
        #expect(
            chart.text.notes.contains {
                $0.hasPrefix("Growth not shown for Jan–May 2024 (15.7 … 16.1%)")
            }, "\(chart.text.notes)")
        #expect(
            chart.text.notes.contains(
                "◆ Growth not published: Jan–Sep 2024 computed on a base implied by published rates."),
            "\(chart.text.notes)")
        // Periods without a rate (January–August 2025 among them, published at 7.4%): the extremes are
        // those of the periods shown.
        #expect(
            chart.text.description.contains(
                "Among the periods with a growth rate, growth peaked at +16.8% (Apr 2024) and was lowest at +7.5% (Oct 2025)."
            ),
            "\(chart.text.description)")
        let svg = chart.svg(theme: theme)
        // The latest bar as published, 6.58 trillion yuan: no false decimal.
        #expect(svg.contains(">65,800</text>"))
        #expect(!svg.contains("65,800.0"))
    }
}

extension ChartFigureTests {
    @Test func aComputedSectorRateIsMarkedInTheRanking() throws {
        let theme = ChartTheme(language: .en)
        // June 2022: travel's growth is computed from the published levels (no rate was published).
        let chart = BulletinCharts(book: try ChartOutputTests.book.get(), theme: theme).ranking(
            through: try Period(parsing: "2022-06"))
        #expect(chart.items.map(\.label) == ["Travel"] && chart.items.map(\.value) == [10.6])
        #expect(chart.items.first?.computed == true && chart.items.first?.basis?.status == .derived)
        // Quoted at 10.6 (interval within ±0.15), but 10.52 … 10.60 is not determined at 0.1: the CSV says so.
        #expect(PlottedValue.csv(chart.plotted).contains(",Travel,10.6,%,derived,no\n"))
        #expect(chart.text.notes.last == "◆ Growth not published (computed by svctrade): Travel.")
        #expect(chart.svg(theme: theme).contains(">+10.6% ◆</text>"))
    }
}

extension ChartFigureTests {
    /// April 2021: insurance grew "40%" (MOFCOM, a whole number): its bar, its description and its CSV
    /// say 40, not 40.0; financial services' 49.3 keeps its decimal.
    @Test func aRatePublishedAsAWholeNumberIsLabelledAsPublished() throws {
        let theme = ChartTheme(language: .en)
        let chart = BulletinCharts(book: try ChartOutputTests.book.get(), theme: theme).ranking(
            through: try Period(parsing: "2021-04"))
        let insurance = try #require(chart.items.first { $0.label == "Insurance" })
        #expect(insurance == .init(label: "Insurance", value: 40, computed: false, decimals: 0, basis: .published))
        let svg = chart.svg(theme: theme)
        #expect(svg.contains(">+40%</text>") && svg.contains(">+49.3%</text>"))
        #expect(!svg.contains("40.0"))
        #expect(PlottedValue.csv(chart.plotted).contains(",Insurance,40,%,published,yes\n"))
        #expect(PlottedValue.csv(chart.plotted).contains(",Financial,49.3,%,published,yes\n"))
        #expect(theme.growth(0, decimals: 0) == "0%")
        #expect(theme.growth(-10, decimals: 0) == "\u{2212}10%")
    }

    /// The combo line's CSV: January–June 2024's published "14%" is 14; a computed rate that is whole
    /// keeps its decimal (PlottedValue without decimals: the shortest decimal, 8.0).
    @Test func aComboRatePublishedAsAWholeNumberIsWrittenAsPublished() throws {
        let book = try ShippedData.store(["mofcom-published-2023-2025.csv"]).figureBook(asOf: "2025-12-03")
        let chart = BulletinCharts(book: book, theme: ChartTheme(language: .en)).combo(
            fromYear: 2024, through: try Period(parsing: "2025-10"))
        let june = try #require(chart.points.first { $0.year == 2024 && $0.label == "Jun" })
        #expect(june.rate == 14 && june.rateDecimals == 0)
        let csv = PlottedValue.csv(chart.plotted)
        #expect(csv.contains("\"YoY growth (%, right)\",2024-01/2024-06,14,%,published,yes\n"))
        #expect(
            PlottedValue.csv([.init(series: "s", x: "x", value: 8, unit: "%")])
                == "series,x,value,unit,status,determined\ns,x,8.0,%,,\n")
    }
}
