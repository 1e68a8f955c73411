import TradeCore

/// Chart (d): 100 % stacked columns of shares by period, "Other" grey on top, direct labels right of
/// the last column (<doc:ChartSpecification>).
public struct CompositionChart: Sendable {
    /// One segment series, bottom to top ("Other" last).
    public struct Segment: Sendable, Equatable {
        /// Name.
        public var name: String
        /// Fill.
        public var color: String
        /// Share per column as drawn, percent.
        public var shares: [Double]
        /// Share per column as stated in the data (CSV), percent; `nil` where it is not stated.
        public var values: [Double?]
        /// Label per column, each from its own share (never adjusted so that a column adds up to 100);
        /// `nil` for no label.
        public var labels: [String?]
        /// The decimals each stated share is written with in the CSV (a published "45" as `45`); `nil`:
        /// the shortest decimal.
        public var decimals: [Int?]
        /// What each stated share is (the CSV's status); empty when not known.
        public var bases: [PlottedBasis?]

        /// Creates a segment; without `values` the drawn shares are stated, without `labels` each is
        /// labelled at 0.1, rounded half away from zero.
        public init(
            name: String, color: String, shares: [Double], values: [Double?]? = nil, labels: [String?]? = nil,
            decimals: [Int?] = [], bases: [PlottedBasis?] = []
        ) {
            self.name = name
            self.color = color
            self.shares = shares
            self.values = values ?? shares
            self.labels = labels ?? shares.map { Growth.roundedPercent($0).description }
            self.decimals = decimals
            self.bases = bases
        }
    }

    /// Column labels (years).
    public var columns: [String]
    /// Segments, bottom to top.
    public var segments: [Segment]
    /// Title block.
    public var text: ChartText

    /// Creates a composition chart.
    public init(columns: [String], segments: [Segment], text: ChartText) {
        self.columns = columns
        self.segments = segments
        self.text = text
    }

    /// The columns whose segments are all labelled and whose labels do not add up to 100.0: each label
    /// is its own share rounded, so the chart's note says that they may not add up.
    public static func columnsNotAddingUp(_ segments: [Segment]) -> [Int] {
        let count = segments.map(\.labels.count).min() ?? 0
        return (0..<count).filter { c in
            let tenths = segments.compactMap { $0.labels[c].flatMap(Double.init).map { Int(($0 * 10).rounded()) } }
            return tenths.count == segments.count && tenths.reduce(0, +) != 1000
        }
    }

    /// True when there are at least two columns: a single year shows no change of composition.
    public var hasData: Bool { columns.count >= 2 }

    /// The SVG document.
    public func svg(theme: ChartTheme, slug: String = "svc-composition") -> String {
        let frame = ChartFrame(theme: theme, text: text, slug: slug, hasLegend: false, xLabelRows: 1)
        let axis = ChartAxis(theme: theme)
        let s = theme.scale
        let ticks: [Double] = [0, 25, 50, 75, 100]
        let nameWidth = segments.map { TextMetrics.width($0.name, size: theme.labelSize, bold: true) }.max() ?? 0
        let plotLeft = theme.pad + axis.widestLabel(ticks, decimals: 0) + 6 * s
        let plotRight = theme.width - theme.pad - nameWidth - 8 * s
        let y = LinearScale(domain: 0...100, from: frame.plotBottom, to: frame.plotTop)
        let bands = BandScale(count: columns.count, start: plotLeft, end: plotRight)
        var doc = SVGDocument()
        doc.text(
            "%",
            [
                ("x", n(theme.pad)), ("y", n(frame.unitBaseline)), ("font-size", n(theme.labelSize)),
                ("fill", ChartTheme.muted),
            ])
        axis.leftAxis(&doc, ticks: ticks, scale: y, left: plotLeft, right: plotRight, decimals: 0)
        var lastCenters: [Double] = []
        for (c, _) in columns.enumerated() {
            var cumulative = 0.0
            let w = 0.6 * bands.band
            for seg in segments {
                let share = c < seg.shares.count ? seg.shares[c] : 0
                let top = y(cumulative + share), bottom = y(cumulative)
                doc.element(
                    "rect",
                    [
                        ("x", n(bands.center(c) - w / 2)), ("y", n(top)), ("width", n(w)),
                        ("height", n(Swift.max(0, bottom - top))), ("fill", seg.color), ("stroke", "#FFFFFF"),
                        ("stroke-width", n(1 * s)),
                    ])
                if bottom - top >= 16 * s, c < seg.labels.count, let label = seg.labels[c] {
                    doc.text(
                        label,
                        [
                            ("x", n(bands.center(c))), ("y", n((top + bottom) / 2 + 4 * s)),
                            ("font-size", n(theme.smallSize)), ("fill", ChartTheme.textColor(on: seg.color)),
                            ("text-anchor", "middle"),
                        ])
                }
                if c == columns.count - 1 { lastCenters.append((top + bottom) / 2 + 4 * s) }
                cumulative += share
            }
        }
        doc.element(
            "line",
            [
                ("x1", n(plotLeft)), ("y1", n(y(0))), ("x2", n(plotRight)), ("y2", n(y(0))),
                ("stroke", ChartTheme.text), ("stroke-width", n(1 * s)),
            ])
        let placed = LabelPlacement.spread(lastCenters, gap: 15 * s, low: frame.plotTop + 4 * s, high: frame.plotBottom)
        let labelX = bands.center(columns.count - 1) + 0.3 * bands.band + 8 * s
        for (k, seg) in segments.enumerated() where k < placed.count {
            doc.text(
                seg.name,
                [
                    ("x", n(labelX)), ("y", n(placed[k])), ("font-size", n(theme.labelSize)),
                    (
                        "fill",
                        seg.color == ChartTheme.other
                            ? ChartTheme.muted
                            : (seg.color == ChartTheme.orange || seg.color == ChartTheme.sky
                                ? ChartTheme.text : seg.color)
                    ), ("font-weight", "700"),
                ])
        }
        axis.categoryLabels(
            &doc, full: columns, short: columns, centers: (0..<columns.count).map(bands.center),
            baseline: frame.xLabelBaseline(0))
        return frame.render(doc)
    }

    func n(_ x: Double) -> String { SVGDocument.number(x) }
}

extension CompositionChart: BulletinChart {
    public static var name: String { "composition" }
    public static var summary: String { "100 % bars of sector shares by year" }
    public static func chart(for request: ChartRequest) -> CompositionChart {
        BulletinCharts(book: request.book, theme: request.theme).composition(
            fromYear: request.from.year, toYear: request.through.year)
    }
}
