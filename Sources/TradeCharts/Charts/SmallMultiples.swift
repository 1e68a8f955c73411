/// Chart (e): one small panel per region on shared scales, the region in blue over the others in
/// light grey (<doc:ChartSpecification>).
public struct SmallMultiples: Sendable {
    /// One panel.
    public struct Panel: Sendable, Equatable {
        /// Panel title (region).
        public var title: String
        /// Values on the shared x positions; `nil` leaves a gap.
        public var values: [Double?]

        /// Creates a panel.
        public init(title: String, values: [Double?]) {
            self.title = title
            self.values = values
        }
    }

    /// Panels in a meaningful order (stated in a note).
    public var panels: [Panel]
    /// Labels of the first and last x position.
    public var firstLabel: String
    /// Label of the last x position.
    public var lastLabel: String
    /// Reference value drawn dark (100 for an index).
    public var reference: Double?
    /// Title block.
    public var text: ChartText
    /// Labels of every x position (the CSV of ``plotted``; empty: positions 1, 2, …).
    public var xLabels: [String] = []
    /// Unit of the values (the CSV of ``plotted``).
    public var unit = ""

    /// Creates small multiples.
    public init(panels: [Panel], firstLabel: String, lastLabel: String, reference: Double?, text: ChartText) {
        self.panels = panels
        self.firstLabel = firstLabel
        self.lastLabel = lastLabel
        self.reference = reference
        self.text = text
    }

    /// True when some panel has values and every panel with values has at least three.
    public var hasData: Bool { PlottedValue.enoughPoints(panels.map(\.values)) }

    /// The SVG document: 5 columns up to 10 panels, else 4 columns on a taller canvas.
    public func svg(theme: ChartTheme, slug: String = "svc-multiples") -> String {
        let s = theme.scale
        let columns = panels.count <= 10 ? 5 : 4
        let rows = Swift.max(1, (panels.count + columns - 1) / columns)
        let probe = ChartFrame(theme: theme, text: text, slug: slug, hasLegend: false, xLabelRows: 0)
        let panelHeightWanted = 100 * s
        let chrome = probe.plotTop + (theme.height - probe.plotBottom)
        let height = Swift.max(theme.height, chrome + Double(rows) * (panelHeightWanted + 30 * s))
        let frame = ChartFrame(theme: theme, text: text, slug: slug, hasLegend: false, xLabelRows: 0, height: height)
        let all = panels.flatMap { $0.values.compactMap { $0 } }
        var lo = all.min() ?? 0, hi = all.max() ?? 1
        if let r = reference { lo = Swift.min(lo, r); hi = Swift.max(hi, r) }
        let axis = NiceTicks.axis(min: lo, max: hi, target: 3)
        let ticks = NiceTicks.ticks(axis.domain, step: axis.step)
        let decimals = NiceTicks.decimals(for: axis.step)
        let tickWidth =
            ticks.map { TextMetrics.width(theme.number($0, decimals: decimals), size: theme.smallSize) }.max() ?? 0
        let gridLeft = theme.pad + tickWidth + 4 * s
        let gapX = 10 * s, gapY = 12 * s
        let cellWidth = (theme.width - theme.pad - gridLeft - gapX * Double(columns - 1)) / Double(columns)
        let titleRow = 16 * s, xLabelRow = 14 * s
        let cellHeight = (frame.plotBottom - frame.plotTop - gapY * Double(rows - 1)) / Double(rows)
        let count = panels.first?.values.count ?? 1
        var doc = SVGDocument()
        func path(_ values: [Double?], _ x: (Int) -> Double, _ y: LinearScale) -> [String] {
            var runs: [String] = []
            var run: [String] = []
            for (i, v) in values.enumerated() {
                guard let v else {
                    if run.count > 1 { runs.append(run.joined(separator: " ")) }
                    run = []
                    continue
                }
                run.append((run.isEmpty ? "M" : "L") + n(x(i)) + " " + n(y(v)))
            }
            if run.count > 1 { runs.append(run.joined(separator: " ")) }
            return runs
        }
        for (p, panel) in panels.enumerated() {
            let col = p % columns, row = p / columns
            let left = gridLeft + Double(col) * (cellWidth + gapX)
            let top = frame.plotTop + Double(row) * (cellHeight + gapY)
            let plotTop = top + titleRow
            let isBottom = p + columns >= panels.count
            let plotBottom = top + cellHeight - (isBottom ? xLabelRow : 0)
            let y = LinearScale(domain: axis.domain, from: plotBottom, to: plotTop)
            let x = { (i: Int) in left + (count > 1 ? Double(i) / Double(count - 1) : 0.5) * cellWidth }
            doc.text(
                TextMetrics.fit(panel.title, size: theme.labelSize, maxWidth: cellWidth),
                [
                    ("x", n(left)), ("y", n(top + 12 * s)), ("font-size", n(theme.labelSize)), ("fill", ChartTheme.ink),
                    ("font-weight", "700"),
                ])
            doc.group([("aria-hidden", "true")]) { g in
                for t in ticks {
                    g.element(
                        "line",
                        [
                            ("x1", n(left)), ("y1", n(y(t))), ("x2", n(left + cellWidth)), ("y2", n(y(t))),
                            ("stroke", ChartTheme.grid), ("stroke-width", n(1 * s)),
                        ])
                }
                for (q, other) in panels.enumerated() where q != p {
                    for d in path(other.values, x, y) {
                        g.element(
                            "path",
                            [("d", d), ("fill", "none"), ("stroke", ChartTheme.context), ("stroke-width", n(1 * s))])
                    }
                }
            }
            if let r = reference {
                doc.element(
                    "line",
                    [
                        ("x1", n(left)), ("y1", n(y(r))), ("x2", n(left + cellWidth)), ("y2", n(y(r))),
                        ("stroke", ChartTheme.text), ("stroke-width", n(1 * s)),
                    ])
            }
            for d in path(panel.values, x, y) {
                doc.element(
                    "path",
                    [
                        ("d", d), ("fill", "none"), ("stroke", ChartTheme.blue), ("stroke-width", n(2.5 * s)),
                        ("stroke-linejoin", "round"),
                    ])
            }
            if col == 0 {
                for t in ticks {
                    doc.text(
                        theme.number(t, decimals: decimals),
                        [
                            ("x", n(left - 4 * s)), ("y", n(y(t) + 4 * s)), ("font-size", n(theme.smallSize)),
                            ("fill", ChartTheme.text), ("text-anchor", "end"),
                        ])
                }
            }
            if isBottom {
                doc.text(
                    firstLabel,
                    [
                        ("x", n(left)), ("y", n(plotBottom + 12 * s)), ("font-size", n(theme.smallSize)),
                        ("fill", ChartTheme.text),
                    ])
                doc.text(
                    lastLabel,
                    [
                        ("x", n(left + cellWidth)), ("y", n(plotBottom + 12 * s)), ("font-size", n(theme.smallSize)),
                        ("fill", ChartTheme.text), ("text-anchor", "end"),
                    ])
            }
        }
        return frame.render(doc)
    }

    func n(_ x: Double) -> String { SVGDocument.number(x) }
}

extension SmallMultiples: BulletinChart {
    public static var name: String { "multiples" }
    public static var summary: String {
        "one small panel per pilot region (illustrative panel), index on a shared scale"
    }
    public static func chart(for request: ChartRequest) -> SmallMultiples {
        BulletinCharts(book: request.book, theme: request.theme).multiples(
            fromYear: request.from.year, through: request.through)
    }
}
