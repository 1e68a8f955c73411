import Foundation
import SnapshotTesting
import Testing
import TradeCharts
import TradeCore
import TradeIngest
import TradeStore
import TradeTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Structural checks every chart must pass without the external checker, and snapshots.
enum SVGInspection {
    struct Finding: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses the SVG and checks: well-formed, root size, no NaN/inf, no empty coordinate, shapes and
    /// text anchors inside the viewBox.
    static func check(_ svg: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse(), delegate.depth == 0 else {
            throw Finding(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "unclosed element")")
        }
        guard let root = delegate.elements.first, root.0 == "svg", let w = Double(root.1["width"] ?? ""),
            let h = Double(root.1["height"] ?? "")
        else {
            throw Finding(description: "no sized <svg> root")
        }
        guard root.1["viewBox"] == "0 0 \(Int(w)) \(Int(h))" else {
            throw Finding(description: "viewBox does not match the size")
        }
        for (name, attributes) in delegate.elements {
            for (key, value) in attributes {
                let lower = value.lowercased()
                if lower.contains("nan") || lower.contains("inf") && key != "font-family" && !lower.contains("info") {
                    throw Finding(description: "<\(name) \(key)=\"\(value)\"> is not a number")
                }
                if ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "d"].contains(key) && value.isEmpty
                {
                    throw Finding(description: "<\(name)> has an empty \(key)")
                }
            }
            let numbers = { (k: String) in attributes[k].flatMap(Double.init) }
            for k in ["x", "x1", "x2", "cx"] {
                if let v = numbers(k), v < -1 || v > w + 1 {
                    throw Finding(description: "<\(name) \(k)=\(v)> outside 0…\(w)")
                }
            }
            for k in ["y", "y1", "y2", "cy"] {
                if let v = numbers(k), v < -1 || v > h + 1 {
                    throw Finding(description: "<\(name) \(k)=\(v)> outside 0…\(h)")
                }
            }
            if name == "rect", let x = numbers("x"), let width = numbers("width"), x + width > w + 1 {
                throw Finding(description: "<rect> ends at \(x + width) > \(w)")
            }
            if name == "path", let d = attributes["d"] {
                for token in d.split(whereSeparator: { $0 == " " || $0.isLetter }) {
                    guard let v = Double(token), v >= -1, v <= Swift.max(w, h) + 1 else {
                        throw Finding(description: "path coordinate \(token) out of range")
                    }
                }
            }
        }
        if !delegate.texts.contains(where: { !$0.isEmpty }) { throw Finding(description: "no text") }
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(String, [String: String])] = []
        var texts: [String] = []
        var depth = 0
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
            depth += 1
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }
}

@Suite struct ChartOutputTests {
    static let book: FigureBook? = {
        guard let db = try? TradeDatabase.inMemory(),
            let batch = try? ObservationReader().read(path: Repository.dataset("mofcom-published-2017-2022.csv")),
            (try? db.importBatches([batch])) != nil, let published = try? db.figureBook(),
            let panel = IllustrativePanel.generate(book: published, years: 2019...2022, seed: 20_200_814)
        else { return nil }
        var figures: [Observation] = []
        if let stored = try? db.figures() { figures = stored.map(\.observation) }
        return FigureBook(figures: figures, panel: panel)
    }()

    static func charts(_ lang: ChartTheme.Language, size: ChartTheme.Size = .bulletin) throws -> [(String, String)] {
        let book = try #require(Self.book)
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
                book: try #require(Self.book), theme: ChartTheme(language: lang), from: try Period(parsing: "2019-01"),
                through: try Period(parsing: "2021-04"))
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
        #expect(throws: SVGInspection.Finding.self) {
            try SVGInspection.check(Self.good.replacingOccurrences(of: "y=\"10\"", with: "y=\"NaN\""))
        }
        #expect(throws: SVGInspection.Finding.self) {
            try SVGInspection.check(Self.good.replacingOccurrences(of: "x=\"1\"", with: "x=\"140\""))
        }
        #expect(throws: SVGInspection.Finding.self) {
            try SVGInspection.check(Self.good.replacingOccurrences(of: "x=\"1\"", with: "x=\"\""))
        }
        #expect(throws: SVGInspection.Finding.self) {
            try SVGInspection.check(Self.good.replacingOccurrences(of: "</svg>", with: ""))
        }
        #expect(throws: SVGInspection.Finding.self) {
            try SVGInspection.check(
                Self.good.replacingOccurrences(of: "viewBox=\"0 0 100 50\"", with: "viewBox=\"0 0 10 5\""))
        }
    }
}
