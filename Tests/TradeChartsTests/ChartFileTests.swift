import Foundation
import Testing
import TradeCharts
import TradeCore

@Suite struct ChartFileTests {
    /// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian).
    static func pngSize(_ png: Data) -> (Int, Int) {
        let b = [UInt8](png)
        func int(_ at: Int) -> Int { b[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test(arguments: [ChartTheme.Size.bulletin, .slide])
    func aPNGChartHasTheSignatureAndTwiceTheSVGSize(size: ChartTheme.Size) throws {
        guard let tool = ChartRaster.rsvgConvert(path: "/usr/bin:/bin:/usr/local/bin") else {
            Issue.record("rsvg-convert not installed (apt-get install librsvg2-bin; .ci/run installs it)")
            return
        }
        let theme = ChartTheme(size: size, language: .en)
        let april = try Period(parsing: "2021-04")
        let request = ChartRequest(
            book: try ChartOutputTests.book.get(), theme: theme, from: try Period(parsing: "2020-01"), through: april)
        let chart = try ChartKind.combo.drawn(request)
        let png = try ChartRaster.png(svg: chart.svg, tool: tool)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let (w, h) = Self.pngSize(png)
        #expect(w == Int(theme.width) * 2)
        #expect(h == Int(theme.height) * 2)
        #expect(try ChartRaster.png(svg: chart.svg, tool: tool) == png)  // same bytes again
    }

    @Test func aMissingRasterizerIsAClearError() {
        #expect(ChartRaster.rsvgConvert(path: "/nonexistent") == nil)
        #expect(throws: ChartRaster.ToolMissing.self) { try ChartRaster.png(svg: "<svg/>", tool: nil) }
        #expect(ChartRaster.ToolMissing().description.contains("librsvg2-bin"))
    }

    @Test func theFileNameChoosesTheFormatAndAMismatchIsRefused() throws {
        #expect(try ChartFormat.resolved(asked: nil, path: "x.PNG") == .png)
        #expect(try ChartFormat.resolved(asked: nil, path: "x.svg") == .svg)
        #expect(try ChartFormat.resolved(asked: .png, path: "slide") == .png)
        #expect(throws: ChartFormatMismatch(asked: .svg, path: "x.png")) {
            try ChartFormat.resolved(asked: .svg, path: "x.png")
        }
        #expect(throws: ChartFormatMismatch(asked: .png, path: "x.svg")) {
            try ChartFormat.resolved(asked: .png, path: "x.svg")
        }
        #expect(PlottedValue.csvPath(beside: "out/x.svg") == "out/x.csv")
        #expect(PlottedValue.csvPath(beside: "x.png") == "x.csv")
    }

    /// The CSV of every kind reads back as the chart model's plotted values, number for number.
    @Test(arguments: ChartKind.allCases)
    func theCSVHoldsExactlyThePlottedValues(kind: ChartKind) throws {
        let book = try ChartOutputTests.book.get()
        let theme = ChartTheme(language: .en)
        let request = ChartRequest(
            book: book, theme: theme, from: try Period(parsing: kind == .lines ? "2017-01" : "2019-01"),
            through: try Period(parsing: kind == .lines ? "2021-12" : "2021-04"))
        let drawn = try kind.drawn(request)
        let model = kind.chart.chart(for: request).plotted
        let lines = drawn.csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "series,x,value,unit,status,determined")
        #expect(lines.count == model.count + 1)
        #expect(model.contains { $0.value != nil })
        for (line, value) in zip(lines.dropFirst(), model) {
            // Split from the right: names may hold quoted commas, values and units of the demo do not.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count >= 6)
            let number = fields[fields.count - 4]
            #expect((number.isEmpty ? nil : Double(number)) == value.value, "\(kind.rawValue): \(line)")
            #expect(String(fields[fields.count - 3]) == value.unit)
            // Every value says what it is and whether it is known to its last digit; a gap says nothing.
            #expect(String(fields[fields.count - 2]) == (value.value == nil ? "" : value.basis?.status.rawValue))
            #expect(number.isEmpty == fields[fields.count - 1].isEmpty, "\(kind.rawValue): \(line)")
        }
    }

    @Test func aLineOfTwoPointsIsNotDrawn() {
        let text = ChartText(title: "t", subtitle: "s", source: "src", description: "d")
        let two = LineChart(
            xLabels: ["2019", "2020", "2021"],
            series: [.init(name: "Exports", color: ChartTheme.blue, values: [nil, 1, 2])], unit: "u", text: text)
        #expect(!two.hasData)
        var three = two
        three.series[0].values = [1, 2, 3]
        #expect(three.hasData)
        three.series.append(.init(name: "Imports", color: ChartTheme.vermillion, values: [nil, nil, 4]))
        #expect(!three.hasData)
        #expect(
            PlottedValue.csv(two.plotted)
                == "series,x,value,unit,status,determined\nExports,2019,,u,,\nExports,2020,1,u,,\nExports,2021,2,u,,\n")
        // A whole-number amount is written without a padded ".0"; a percentage keeps its shortest decimal.
        #expect(
            PlottedValue.csv([
                PlottedValue(series: "s", x: "2025", value: -8000, unit: "CNY 100 million"),
                PlottedValue(series: "s", x: "2025", value: 40, unit: "%"),
                PlottedValue(series: "s", x: "2025", value: 23581.5, unit: "CNY 100 million"),
            ]) == "series,x,value,unit,status,determined\ns,2025,-8000,CNY 100 million,,\ns,2025,40.0,%,,\n"
                + "s,2025,23581.5,CNY 100 million,,\n")
        // Determined at the last written digit: −7700 ± 100 is −8000 at 1000 (trailing zeros are not
        // claimed); 14.5 from inputs that allow 14.0 … 15.0 is not determined at 0.1; from 14.46 … 14.54
        // it is.
        let computed = { (v: Double, iv: ClosedRange<Double>, unit: String) in
            PlottedValue(
                series: "s", x: "x", value: v, unit: unit, basis: PlottedBasis(status: .computed, interval: iv))
        }
        #expect(computed(-8000, -7800 ... -7600, "CNY 100 million").isDetermined == true)
        #expect(computed(-7700, -7800 ... -7600, "CNY 100 million").isDetermined == false)
        #expect(computed(14.5, 14.0...15.0, "%").isDetermined == false)
        #expect(computed(14.5, 14.46...14.54, "%").isDetermined == true)
        #expect(PlottedValue(series: "s", x: "x", value: 14, unit: "%", basis: .published).isDetermined == true)
        #expect(
            PlottedValue.csv([computed(14.5, 14.0...15.0, "%"), computed(14.5, 14.46...14.54, "%")])
                == "series,x,value,unit,status,determined\ns,x,14.5,%,computed,no\ns,x,14.5,%,computed,yes\n")
    }
}
