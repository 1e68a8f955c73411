import TradeCore

/// Chart (a): value bars on the left axis with year-on-year growth as a line on the right axis
/// (<doc:ChartSpecification>).
///
/// Both axes have the same number of intervals so they share gridlines, and 0 % sits on one. When
/// year-to-date figures restart, the bars leave a gap and the line breaks. Only the latest value and
/// rate are labelled. `layout: .stackedPanels` draws bars and line in two panels instead (the
/// recommended form for slides, and the fallback when no shared growth axis fits).
public struct ComboChart: Sendable {
    /// One period.
    public struct Point: Sendable, Equatable {
        /// Label under the bar ("1-4月", "Jan–Apr").
        public var label: String
        /// Shorter label for crowded axes ("4月", "Apr").
        public var shortLabel: String
        /// The year group (a gap and a line break separate years).
        public var year: Int
        /// Bar value, or `nil` for a missing period (no bar, never zero).
        public var value: Double?
        /// Growth rate, %, or `nil` (the line breaks).
        public var rate: Double?
        /// The rate was not published but computed (from levels, or implied by other rates): drawn with
        /// a distinct marker, and the chart's notes say which.
        public var rateComputed: Bool
        /// The decimals the agency printed the rate with, when it is its own figure (a rate published
        /// as "16%" is labelled `+16%`); `nil`: one decimal.
        public var rateDecimals: Int?
        /// What the bar's value is and the values its inputs' rounding allows (the CSV's status).
        public var valueBasis: PlottedBasis?
        /// What the rate is and the rates its inputs' rounding allows (the CSV's status).
        public var rateBasis: PlottedBasis?
        /// The period the point stands for (January–April 2021 for the bar labelled "Apr" of 2021), when
        /// known: the CSV's `x` (`2021-01/2021-04`), never ambiguous across years or between a month and
        /// the year to date.
        public var period: PeriodSpan?

        /// Creates a point.
        public init(
            label: String, shortLabel: String, year: Int, value: Double?, rate: Double?, rateComputed: Bool = false,
            rateDecimals: Int? = nil, valueBasis: PlottedBasis? = nil, rateBasis: PlottedBasis? = nil,
            period: PeriodSpan? = nil
        ) {
            self.period = period
            self.label = label
            self.shortLabel = shortLabel
            self.year = year
            self.value = value
            self.rate = rate
            self.rateComputed = rateComputed
            self.rateDecimals = rateDecimals
            self.valueBasis = valueBasis
            self.rateBasis = rateBasis
        }
    }

    /// Bars in the left axis and line in the right axis, or two stacked panels.
    public enum Layout: String, Sendable {
        case dualAxis, stackedPanels
    }

    /// Periods in time order.
    public var points: [Point]
    /// Legend text of the bars, naming the axis ("总额（亿元，左轴）").
    public var valueLegend: String
    /// Legend text of the line ("累计同比增速（%，右轴）").
    public var rateLegend: String
    /// Unit above the left axis ("亿元").
    public var valueUnit: String
    /// Year label text ("2021年" / "2021").
    public var yearLabel: @Sendable (Int) -> String
    /// Decimals of the value label.
    public var valueDecimals: Int
    /// Layout.
    public var layout: Layout
    /// Title, subtitle, notes, source, description.
    public var text: ChartText

    /// Creates a combo chart.
    public init(
        points: [Point], valueLegend: String, rateLegend: String, valueUnit: String,
        yearLabel: @escaping @Sendable (Int) -> String, valueDecimals: Int = 1, layout: Layout = .dualAxis,
        text: ChartText
    ) {
        self.points = points
        self.valueLegend = valueLegend
        self.rateLegend = rateLegend
        self.valueUnit = valueUnit
        self.yearLabel = yearLabel
        self.valueDecimals = valueDecimals
        self.layout = layout
        self.text = text
    }

    /// True when at least three periods have a bar (fewer draw no trend).
    public var hasData: Bool { PlottedValue.enoughPoints([points.map(\.value)]) }

    /// The SVG document.
    public func svg(theme: ChartTheme, slug: String = "svc-combo") -> String {
        let values = points.compactMap(\.value)
        let rates = points.compactMap(\.rate)
        var left = NiceTicks.axis(min: Swift.min(0, values.min() ?? 0), max: Swift.max(0, values.max() ?? 1))
        let intervals = Int(((left.domain.upperBound - left.domain.lowerBound) / left.step).rounded())
        var right = NiceTicks.sharedSecondaryAxis(min: rates.min() ?? 0, max: rates.max() ?? 0, intervals: intervals)
        if right == nil && layout == .dualAxis {
            // Try more intervals on the left before giving up the shared axis.
            for extra in 1...2 {
                let widened = NiceTicks.axis(
                    min: Swift.min(0, values.min() ?? 0), max: Swift.max(0, values.max() ?? 1),
                    target: intervals + extra)
                let n = Int(((widened.domain.upperBound - widened.domain.lowerBound) / widened.step).rounded())
                if let r = NiceTicks.sharedSecondaryAxis(min: rates.min() ?? 0, max: rates.max() ?? 0, intervals: n) {
                    left = widened
                    right = r
                    break
                }
            }
        }
        if layout == .stackedPanels || right == nil {
            return stacked(theme: theme, slug: slug, left: left)
        }
        guard let right else { return stacked(theme: theme, slug: slug, left: left) }
        let frame = ChartFrame(theme: theme, text: text, slug: slug, hasLegend: true, xLabelRows: 2)
        let axis = ChartAxis(theme: theme)
        let s = theme.scale
        let leftTicks = NiceTicks.ticks(left.domain, step: left.step)
        let rightTicks = NiceTicks.ticks(right.domain, step: right.step)
        let leftDecimals = NiceTicks.decimals(for: left.step)
        let rightDecimals = NiceTicks.decimals(for: right.step)
        let plotLeft = theme.pad + axis.widestLabel(leftTicks, decimals: leftDecimals) + 6 * s
        let plotRight = theme.width - theme.pad - axis.widestLabel(rightTicks, decimals: rightDecimals) - 6 * s
        let y = LinearScale(domain: left.domain, from: frame.plotBottom, to: frame.plotTop)
        let yr = LinearScale(domain: right.domain, from: frame.plotBottom, to: frame.plotTop)
        let x = slots(plotLeft, plotRight)
        var doc = document(frame: frame, theme: theme)
        doc.text(
            "%",
            [
                ("x", n(theme.width - theme.pad)), ("y", n(frame.unitBaseline)), ("font-size", n(theme.labelSize)),
                ("fill", ChartTheme.vermillion), ("text-anchor", "end"),
            ])
        axis.leftAxis(&doc, ticks: leftTicks, scale: y, left: plotLeft, right: plotRight, decimals: leftDecimals)
        for t in rightTicks {
            doc.text(
                theme.number(t, decimals: rightDecimals),
                [
                    ("x", n(plotRight + 6 * s)), ("y", n(yr(t) + 4 * s)), ("font-size", n(theme.labelSize)),
                    ("fill", ChartTheme.vermillion),
                ])
        }
        drawBars(&doc, x: x, y: y)
        doc.element(
            "line",
            [
                ("x1", n(plotLeft)), ("y1", n(y(0))), ("x2", n(plotRight)), ("y2", n(y(0))),
                ("stroke", ChartTheme.text), ("stroke-width", n(1 * s)),
            ])
        if (rates.min() ?? 0) < 0 && (rates.max() ?? 0) > 0 {
            doc.element(
                "line",
                [
                    ("x1", n(plotLeft)), ("y1", n(yr(0))), ("x2", n(plotRight)), ("y2", n(yr(0))),
                    ("stroke", ChartTheme.vermillion), ("stroke-width", n(1 * s)), ("stroke-dasharray", "3 3"),
                    ("aria-hidden", "true"),
                ])
        }
        drawLine(&doc, x: x, y: yr, theme: theme)
        drawXLabels(&doc, x: x, frame: frame, axis: axis)
        drawLatestLabels(&doc, x: x, y: y, yr: yr, theme: theme, top: frame.plotTop)
        return frame.render(doc)
    }

    var showMarkers: Bool { points.count <= 24 }

    /// Band centres with a 0.6-band gap between years, and the separator positions.
    struct Slots {
        var centers: [Double]
        var band: Double
        var separators: [Double]
    }

    func slots(_ left: Double, _ right: Double) -> Slots {
        var years = 0
        for (i, p) in points.enumerated() where i == 0 || points[i - 1].year != p.year { years += 1 }
        let units = Double(points.count) + 0.6 * Double(Swift.max(0, years - 1))
        let band = (right - left) / Swift.max(1, units)
        var centers: [Double] = []
        var separators: [Double] = []
        var cursor = left
        for (i, p) in points.enumerated() {
            if i > 0 && points[i - 1].year != p.year {
                separators.append(cursor + 0.3 * band)
                cursor += 0.6 * band
            }
            centers.append(cursor + band / 2)
            cursor += band
        }
        return Slots(centers: centers, band: band, separators: separators)
    }

    func drawBars(_ doc: inout SVGDocument, x: Slots, y: LinearScale) {
        doc.group([("fill", ChartTheme.blue)]) { g in
            for (i, p) in points.enumerated() {
                guard let v = p.value else { continue }
                let w = 0.62 * x.band
                let top = Swift.min(y(v), y(0)), h = abs(y(v) - y(0))
                g.element("rect", [("x", n(x.centers[i] - w / 2)), ("y", n(top)), ("width", n(w)), ("height", n(h))])
            }
        }
    }

    func drawLine(_ doc: inout SVGDocument, x: Slots, y: LinearScale, theme: ChartTheme) {
        let s = theme.scale
        var run: [(Double, Double)] = []
        func flush() {
            if run.count > 1 {
                let d = run.enumerated().map { ($0.offset == 0 ? "M" : "L") + n($0.element.0) + " " + n($0.element.1) }
                    .joined(separator: " ")
                doc.element(
                    "path",
                    [
                        ("d", d), ("fill", "none"), ("stroke", ChartTheme.vermillion), ("stroke-width", n(2.5 * s)),
                        ("stroke-linejoin", "round"),
                    ])
            }
            run = []
        }
        for (i, p) in points.enumerated() {
            if i > 0 && points[i - 1].year != p.year { flush() }
            guard let r = p.rate else {
                flush()
                continue
            }
            run.append((x.centers[i], y(r)))
        }
        flush()
        // A computed rate always has its marker: a vermillion-filled diamond (published: a hollow circle).
        for (i, p) in points.enumerated() where showMarkers || p.rateComputed {
            guard let r = p.rate else { continue }
            if p.rateComputed {
                let cx = x.centers[i], cy = y(r), h = 5 * s
                doc.element(
                    "path",
                    [
                        (
                            "d",
                            "M\(n(cx)) \(n(cy - h)) L\(n(cx + h)) \(n(cy)) L\(n(cx)) \(n(cy + h)) L\(n(cx - h)) \(n(cy)) Z"
                        ),
                        ("fill", ChartTheme.vermillion), ("stroke", "#FFFFFF"), ("stroke-width", n(1 * s)),
                    ])
            } else {
                doc.element(
                    "circle",
                    [
                        ("cx", n(x.centers[i])), ("cy", n(y(r))), ("r", n(3.5 * s)), ("fill", "#FFFFFF"),
                        ("stroke", ChartTheme.vermillion), ("stroke-width", n(2 * s)),
                    ])
            }
        }
    }

    func drawXLabels(_ doc: inout SVGDocument, x: Slots, frame: ChartFrame, axis: ChartAxis) {
        axis.categoryLabels(
            &doc, full: points.map(\.label), short: points.map(\.shortLabel), centers: x.centers,
            baseline: frame.xLabelBaseline(0))
        var start = 0
        for i in 1...points.count where i == points.count || points[i].year != points[start].year {
            let center = (x.centers[start] + x.centers[i - 1]) / 2
            doc.text(
                yearLabel(points[start].year),
                [
                    ("x", n(center)), ("y", n(frame.xLabelBaseline(1))), ("font-size", n(frame.theme.labelSize)),
                    ("fill", ChartTheme.text), ("text-anchor", "middle"), ("font-weight", "700"),
                ])
            start = i
        }
        for sep in x.separators {
            doc.element(
                "line",
                [
                    ("x1", n(sep)), ("y1", n(frame.plotBottom)), ("x2", n(sep)),
                    ("y2", n(frame.xLabelBaseline(1) + 2 * frame.s)), ("stroke", ChartTheme.grid),
                    ("stroke-width", n(1 * frame.s)), ("aria-hidden", "true"),
                ])
        }
    }

    func drawLatestLabels(
        _ doc: inout SVGDocument, x: Slots, y: LinearScale, yr: LinearScale?, theme: ChartTheme, top: Double
    ) {
        let s = theme.scale
        if let i = points.lastIndex(where: { $0.value != nil }), let v = points[i].value {
            doc.text(
                theme.number(v, decimals: valueDecimals),
                [
                    ("x", n(x.centers[i])), ("y", n(Swift.max(top + 12 * s, y(Swift.max(v, 0)) - 6 * s))),
                    ("font-size", n(theme.labelSize)), ("fill", ChartTheme.blue), ("text-anchor", "middle"),
                    ("font-weight", "700"),
                ])
        }
        if let yr, let i = points.lastIndex(where: { $0.rate != nil }), let r = points[i].rate {
            var baseline = yr(r) - 8 * s
            if let v = points[i].value, abs(baseline - (y(Swift.max(v, 0)) - 6 * s)) < 14 * s {
                baseline = y(Swift.max(v, 0)) - 22 * s
            }
            doc.text(
                theme.growth(r, decimals: points[i].rateDecimals ?? 1),
                [
                    ("x", n(x.centers[i] - 8 * s)), ("y", n(Swift.max(top + 12 * s, baseline))),
                    ("font-size", n(theme.labelSize)), ("fill", ChartTheme.vermillion), ("text-anchor", "end"),
                    ("font-weight", "700"),
                ])
        }
    }

    /// Two panels: bars on top (60 %), the rate line below (40 %), a shared x axis.
    func stacked(theme: ChartTheme, slug: String, left: (domain: ClosedRange<Double>, step: Double)) -> String {
        let frame = ChartFrame(theme: theme, text: text, slug: slug, hasLegend: true, xLabelRows: 2)
        let axis = ChartAxis(theme: theme)
        let s = theme.scale
        let rates = points.compactMap(\.rate)
        let r = NiceTicks.axis(min: Swift.min(0, rates.min() ?? 0), max: Swift.max(0, rates.max() ?? 1), target: 3)
        let leftTicks = NiceTicks.ticks(left.domain, step: left.step)
        let rateTicks = NiceTicks.ticks(r.domain, step: r.step)
        let ld = NiceTicks.decimals(for: left.step), rd = NiceTicks.decimals(for: r.step)
        let plotLeft =
            theme.pad + Swift.max(axis.widestLabel(leftTicks, decimals: ld), axis.widestLabel(rateTicks, decimals: rd))
            + 6 * s
        let plotRight = theme.width - theme.pad
        let total = frame.plotBottom - frame.plotTop
        let gap = 26 * s
        let topBottom = frame.plotTop + (total - gap) * 0.6
        let y = LinearScale(domain: left.domain, from: topBottom, to: frame.plotTop)
        let yr = LinearScale(domain: r.domain, from: frame.plotBottom, to: topBottom + gap)
        let x = slots(plotLeft, plotRight)
        var doc = document(frame: frame, theme: theme)
        doc.text(
            "%",
            [
                ("x", n(theme.pad)), ("y", n(topBottom + gap - 8 * s)), ("font-size", n(theme.labelSize)),
                ("fill", ChartTheme.vermillion),
            ])
        axis.leftAxis(&doc, ticks: leftTicks, scale: y, left: plotLeft, right: plotRight, decimals: ld)
        axis.leftAxis(&doc, ticks: rateTicks, scale: yr, left: plotLeft, right: plotRight, decimals: rd)
        drawBars(&doc, x: x, y: y)
        doc.element(
            "line",
            [
                ("x1", n(plotLeft)), ("y1", n(y(0))), ("x2", n(plotRight)), ("y2", n(y(0))),
                ("stroke", ChartTheme.text), ("stroke-width", n(1 * s)),
            ])
        doc.element(
            "line",
            [
                ("x1", n(plotLeft)), ("y1", n(yr(0))), ("x2", n(plotRight)), ("y2", n(yr(0))),
                ("stroke", ChartTheme.text), ("stroke-width", n(1 * s)),
            ])
        drawLine(&doc, x: x, y: yr, theme: theme)
        drawXLabels(&doc, x: x, frame: frame, axis: axis)
        drawLatestLabels(&doc, x: x, y: y, yr: yr, theme: theme, top: frame.plotTop)
        return frame.render(doc)
    }

    /// A new document with the legend (bars and rate line) and the unit of the values above the plot:
    /// the same in both layouts.
    func document(frame: ChartFrame, theme: ChartTheme) -> SVGDocument {
        var doc = SVGDocument()
        frame.legend(
            &doc,
            [
                (valueLegend, .square(ChartTheme.blue)),
                (rateLegend, .line(ChartTheme.vermillion, marker: showMarkers, dash: nil)),
            ])
        doc.text(
            valueUnit,
            [
                ("x", n(theme.pad)), ("y", n(frame.unitBaseline)), ("font-size", n(theme.labelSize)),
                ("fill", ChartTheme.muted),
            ])
        return doc
    }

    func n(_ x: Double) -> String { SVGDocument.number(x) }
}

extension ComboChart: BulletinChart {
    public static var name: String { "combo" }
    public static var summary: String { "year-to-date values (bars) and year-on-year growth (line), years separated" }
    public static func chart(for request: ChartRequest) -> ComboChart {
        BulletinCharts(book: request.book, theme: request.theme).combo(
            sector: request.sector, flow: request.flow, fromYear: request.from.year, through: request.through,
            layout: request.panels ? .stackedPanels : .dualAxis)
    }
}
