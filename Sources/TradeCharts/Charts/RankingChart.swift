/// Chart (c): horizontal bars sorted descending, every bar labelled at its end, no value axis
/// (<doc:ChartSpecification>). Negative values run left from a zero line placed by the data range.
public struct RankingChart: Sendable {
    /// One bar.
    public struct Item: Sendable, Equatable {
        /// Category label.
        public var label: String
        /// Value.
        public var value: Double
        /// The value was not published but computed: its label carries "◆" and the notes say which.
        public var computed: Bool
        /// The decimals the agency printed the value with, when it is its own figure (a rate published
        /// as "40%": label `+40%` with ``RankingChart/formatPrinted``, CSV `40`); `nil`: ``RankingChart/format``.
        public var decimals: Int?
        /// What the value is and the values its inputs' rounding allows (the CSV's status).
        public var basis: PlottedBasis?

        /// Creates an item.
        public init(
            label: String, value: Double, computed: Bool = false, decimals: Int? = nil, basis: PlottedBasis? = nil
        ) {
            self.label = label
            self.value = value
            self.computed = computed
            self.decimals = decimals
            self.basis = basis
        }

        /// The label of the value: at the agency's decimals when they are known and `printed` is given.
        func text(
            format: @Sendable (Double) -> String, printed: (@Sendable (Double, Int) -> String)?
        ) -> String {
            if let decimals, let printed { return printed(value, decimals) }
            return format(value)
        }
    }

    /// The bars (sorted descending when drawn).
    public var items: [Item]
    /// Formats a value label.
    public var format: @Sendable (Double) -> String
    /// Formats the label of an item printed at its own decimals (``Item/decimals``); `nil`: ``format``.
    public var formatPrinted: (@Sendable (Double, Int) -> String)?
    /// Title block.
    public var text: ChartText
    /// Unit of the values (the CSV of ``plotted``).
    public var unit = ""

    /// Creates a ranking chart.
    public init(
        items: [Item], format: @escaping @Sendable (Double) -> String,
        formatPrinted: (@Sendable (Double, Int) -> String)? = nil, text: ChartText
    ) {
        self.items = items
        self.format = format
        self.formatPrinted = formatPrinted
        self.text = text
    }

    /// True when there are at least three bars: one or two bars rank nothing, and a bulletin puts
    /// another chart in their place.
    public var hasData: Bool { items.count >= 3 }

    /// The SVG document; more than 12 bars grow the canvas (`bulletin-tall`).
    public func svg(theme: ChartTheme, slug: String = "svc-ranking") -> String {
        let s = theme.scale
        let sorted = items.sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }
        let probe = ChartFrame(theme: theme, text: text, slug: slug, hasLegend: false, xLabelRows: 0)
        let chrome = probe.plotTop + (theme.height - probe.plotBottom)
        let band = Swift.max(22 * s, (probe.plotBottom - probe.plotTop) / Double(Swift.max(1, sorted.count)))
        let height = Swift.max(theme.height, chrome + band * Double(sorted.count))
        let frame = ChartFrame(theme: theme, text: text, slug: slug, hasLegend: false, xLabelRows: 0, height: height)
        let maxLabel = theme.width * 0.35
        let labels = sorted.map { TextMetrics.fit($0.label, size: theme.labelSize, maxWidth: maxLabel) }
        let labelWidth = labels.map { TextMetrics.width($0, size: theme.labelSize) }.max() ?? 0
        let valueTexts = sorted.map { $0.text(format: format, printed: formatPrinted) + ($0.computed ? " ◆" : "") }
        let valueWidth = valueTexts.map { TextMetrics.width($0, size: theme.labelSize) }.max() ?? 0
        let lo = Swift.min(0, sorted.map(\.value).min() ?? 0), hi = Swift.max(0, sorted.map(\.value).max() ?? 1)
        let plotLeft = theme.pad + labelWidth + 8 * s
        let plotRight = theme.width - theme.pad
        let innerLeft = plotLeft + (lo < 0 ? valueWidth + 4 * s : 0)
        let innerRight = plotRight - (hi > 0 ? valueWidth + 4 * s : 0)
        let x = LinearScale(domain: lo...(hi == lo ? lo + 1 : hi), from: innerLeft, to: innerRight)
        let bands = BandScale(
            count: sorted.count, start: frame.plotTop, end: frame.plotTop + band * Double(sorted.count))
        var doc = SVGDocument()
        doc.group([("fill", ChartTheme.blue)]) { g in
            for (i, item) in sorted.enumerated() {
                let h = 0.64 * band
                let a = x(Swift.min(0, item.value)), b = x(Swift.max(0, item.value))
                g.element(
                    "rect",
                    [
                        ("x", n(a)), ("y", n(bands.center(i) - h / 2)), ("width", n(Swift.max(0, b - a))),
                        ("height", n(h)),
                    ])
            }
        }
        doc.element(
            "line",
            [
                ("x1", n(x(0))), ("y1", n(frame.plotTop)), ("x2", n(x(0))),
                ("y2", n(frame.plotTop + band * Double(sorted.count))), ("stroke", ChartTheme.text),
                ("stroke-width", n(1 * s)),
            ])
        for (i, item) in sorted.enumerated() {
            let baseline = bands.center(i) + 4 * s
            doc.text(
                labels[i],
                [
                    ("x", n(plotLeft - 8 * s - (lo < 0 ? 0 : 0))), ("y", n(baseline)),
                    ("font-size", n(theme.labelSize)), ("fill", ChartTheme.text), ("text-anchor", "end"),
                ])
            if item.value >= 0 {
                doc.text(
                    valueTexts[i],
                    [
                        ("x", n(x(item.value) + 4 * s)), ("y", n(baseline)), ("font-size", n(theme.labelSize)),
                        ("fill", ChartTheme.text),
                    ])
            } else {
                doc.text(
                    valueTexts[i],
                    [
                        ("x", n(x(item.value) - 4 * s)), ("y", n(baseline)), ("font-size", n(theme.labelSize)),
                        ("fill", ChartTheme.text), ("text-anchor", "end"),
                    ])
            }
        }
        return frame.render(doc)
    }

    func n(_ x: Double) -> String { SVGDocument.number(x) }
}

extension RankingChart: BulletinChart {
    public static var name: String { "ranking" }
    public static var summary: String { "sectors by growth, or regions by value (--by region; illustrative panel)" }
    public static func chart(for request: ChartRequest) -> RankingChart {
        BulletinCharts(book: request.book, theme: request.theme).ranking(
            through: request.through, flow: request.flow, by: request.breakdown)
    }
}
