/// Chart (b): up to four series over time with direct end labels (<doc:ChartSpecification>).
///
/// Exports are blue, imports vermillion, the balance grey dashed. A missing value leaves a gap in
/// the line; nothing is interpolated. A series crossing zero gets the dark zero line.
public struct LineChart: Sendable {
    /// One line.
    public struct Series: Sendable, Equatable {
        /// Name, used as the direct label.
        public var name: String
        /// Stroke colour.
        public var color: String
        /// Dash pattern (`"5 3"` for the balance), or `nil`.
        public var dash: String?
        /// One value per x position; `nil` leaves a gap.
        public var values: [Double?]
        /// What each value is (the CSV's status), position by position; empty when not known.
        public var bases: [PlottedBasis?]

        /// Creates a series.
        public init(name: String, color: String, dash: String? = nil, values: [Double?], bases: [PlottedBasis?] = []) {
            self.name = name
            self.color = color
            self.dash = dash
            self.values = values
            self.bases = bases
        }
    }

    /// Labels of the x positions.
    public var xLabels: [String]
    /// The lines (≤ 4).
    public var series: [Series]
    /// Unit above the axis.
    public var unit: String
    /// Title block.
    public var text: ChartText

    /// Creates a line chart.
    public init(xLabels: [String], series: [Series], unit: String, text: ChartText) {
        self.xLabels = xLabels
        self.series = series
        self.unit = unit
        self.text = text
    }

    /// True when some series has values and every series with values has at least three (one or two
    /// points draw dots and a stub, not a line).
    public var hasData: Bool { PlottedValue.enoughPoints(series.map(\.values)) }

    /// The SVG document.
    public func svg(theme: ChartTheme, slug: String = "svc-lines") -> String {
        let frame = ChartFrame(theme: theme, text: text, slug: slug, hasLegend: false, xLabelRows: 1)
        let axis = ChartAxis(theme: theme)
        let s = theme.scale
        let all = series.flatMap { $0.values.compactMap { $0 } }
        let lo = all.min() ?? 0, hi = all.max() ?? 1
        let yAxis = NiceTicks.axis(min: lo < 0 ? lo : Swift.min(lo, 0), max: Swift.max(hi, 0))
        let ticks = NiceTicks.ticks(yAxis.domain, step: yAxis.step)
        let decimals = NiceTicks.decimals(for: yAxis.step)
        let labelWidth = series.map { TextMetrics.width($0.name, size: theme.labelSize, bold: true) }.max() ?? 0
        let plotLeft = theme.pad + axis.widestLabel(ticks, decimals: decimals) + 6 * s
        let plotRight = theme.width - theme.pad - labelWidth - 8 * s
        let y = LinearScale(domain: yAxis.domain, from: frame.plotBottom, to: frame.plotTop)
        let count = Swift.max(1, xLabels.count)
        let inset = count == 1 ? (plotRight - plotLeft) / 2 : 0
        let step = count > 1 ? (plotRight - plotLeft) / Double(count - 1) : 0
        let xs = (0..<count).map { plotLeft + inset + Double($0) * step }
        var doc = SVGDocument()
        doc.text(
            unit,
            [
                ("x", n(theme.pad)), ("y", n(frame.unitBaseline)), ("font-size", n(theme.labelSize)),
                ("fill", ChartTheme.muted),
            ])
        axis.leftAxis(&doc, ticks: ticks, scale: y, left: plotLeft, right: plotRight, decimals: decimals)
        if yAxis.domain.contains(0) {
            doc.element(
                "line",
                [
                    ("x1", n(plotLeft)), ("y1", n(y(0))), ("x2", n(plotRight)), ("y2", n(y(0))),
                    ("stroke", ChartTheme.text), ("stroke-width", n(1 * s)),
                ])
        }
        var ends: [(Double, Int)] = []
        for (k, line) in series.enumerated() {
            var run: [(Double, Double)] = []
            func flush() {
                if run.count == 1 {
                    doc.element(
                        "circle", [("cx", n(run[0].0)), ("cy", n(run[0].1)), ("r", n(3 * s)), ("fill", line.color)])
                } else if run.count > 1 {
                    var attrs = [
                        (
                            "d",
                            run.enumerated().map {
                                ($0.offset == 0 ? "M" : "L") + n($0.element.0) + " " + n($0.element.1)
                            }.joined(separator: " ")
                        ),
                        ("fill", "none"), ("stroke", line.color), ("stroke-width", n(2.5 * s)),
                        ("stroke-linejoin", "round"),
                    ]
                    if let dash = line.dash { attrs.append(("stroke-dasharray", dash)) }
                    doc.element("path", attrs)
                }
                run = []
            }
            for (i, v) in line.values.enumerated() where i < xs.count {
                guard let v else {
                    flush()
                    continue
                }
                run.append((xs[i], y(v)))
            }
            flush()
            if let last = line.values.lastIndex(where: { $0 != nil }), let v = line.values[last] {
                ends.append((y(v) + 4 * s, k))
            }
        }
        let placed = LabelPlacement.spread(
            ends.map(\.0), gap: 15 * s, low: frame.plotTop + 4 * s, high: frame.plotBottom + 4 * s)
        for (j, end) in ends.enumerated() {
            let line = series[end.1]
            guard let last = line.values.lastIndex(where: { $0 != nil }) else { continue }
            doc.text(
                line.name,
                [
                    ("x", n(xs[last] + 6 * s)), ("y", n(placed[j])), ("font-size", n(theme.labelSize)),
                    ("fill", line.color), ("font-weight", "700"),
                ])
        }
        axis.categoryLabels(
            &doc, full: xLabels, short: xLabels.map { String($0.suffix(2)) }, centers: xs,
            baseline: frame.xLabelBaseline(0))
        return frame.render(doc)
    }

    func n(_ x: Double) -> String { SVGDocument.number(x) }
}

extension LineChart: BulletinChart {
    public static var name: String { "lines" }
    public static var summary: String { "exports, imports and balance over the years (January-to-month of each year)" }
    public static func chart(for request: ChartRequest) -> LineChart {
        BulletinCharts(book: request.book, theme: request.theme).lines(
            fromYear: request.from.year, through: request.through)
    }
}
