/// Shared drawing helpers: gridlines with right-aligned tick labels, category labels with the
/// fit ladder of <doc:ChartSpecification> (12 px → 11 px → short labels → every k-th, never rotated).
struct ChartAxis {
    let theme: ChartTheme

    var s: Double { theme.scale }
    func n(_ x: Double) -> String { SVGDocument.number(x) }

    /// Gridlines (aria-hidden) and left tick labels for `ticks` on `scale`.
    func leftAxis(
        _ doc: inout SVGDocument, ticks: [Double], scale: LinearScale, left: Double, right: Double, decimals: Int,
        labelSize: Double? = nil, labels: Bool = true
    ) {
        doc.group([("aria-hidden", "true")]) { g in
            for t in ticks where t != 0 {
                g.element(
                    "line",
                    [
                        ("x1", n(left)), ("y1", n(scale(t))), ("x2", n(right)), ("y2", n(scale(t))),
                        ("stroke", ChartTheme.grid), ("stroke-width", n(1 * s)),
                    ])
            }
        }
        guard labels else { return }
        for t in ticks {
            doc.text(
                theme.number(t, decimals: decimals),
                [
                    ("x", n(left - 6 * s)), ("y", n(scale(t) + 4 * s)), ("font-size", n(labelSize ?? theme.labelSize)),
                    ("fill", ChartTheme.text), ("text-anchor", "end"),
                ])
        }
    }

    /// The widest tick label.
    func widestLabel(_ ticks: [Double], decimals: Int, size: Double? = nil) -> Double {
        ticks.map { TextMetrics.width(theme.number($0, decimals: decimals), size: size ?? theme.labelSize) }.max() ?? 0
    }

    /// Category labels centred at `centers`, fitted by the ladder; returns the labels drawn.
    @discardableResult
    func categoryLabels(
        _ doc: inout SVGDocument, full: [String], short: [String], centers: [Double], baseline: Double,
        minimumGap: Double = 4
    ) -> Int {
        func fits(_ labels: [String], _ size: Double, every k: Int) -> Bool {
            var lastRight = -Double.infinity
            for i in stride(from: 0, to: labels.count, by: 1) where shown(i, labels.count, k) {
                let w = TextMetrics.width(labels[i], size: size)
                let left = centers[i] - w / 2
                if left < lastRight + minimumGap * s { return false }
                lastRight = centers[i] + w / 2
            }
            return true
        }
        var choice: (labels: [String], size: Double, every: Int) = (full, theme.labelSize, 1)
        let ladder: [([String], Double)] = [(full, theme.labelSize), (full, theme.smallSize), (short, theme.smallSize)]
        var found = false
        for (labels, size) in ladder where fits(labels, size, every: 1) {
            choice = (labels, size, 1)
            found = true
            break
        }
        if !found {
            var k = 2
            while k < full.count && !fits(short, theme.smallSize, every: k) { k += 1 }
            choice = (short, theme.smallSize, k)
        }
        var drawn = 0
        for i in 0..<full.count where shown(i, full.count, choice.every) {
            doc.text(
                choice.labels[i],
                [
                    ("x", n(centers[i])), ("y", n(baseline)), ("font-size", n(choice.size)), ("fill", ChartTheme.text),
                    ("text-anchor", "middle"),
                ])
            drawn += 1
        }
        return drawn
    }

    /// Thinning keeps every k-th label counted back from the last one, which is always kept.
    func shown(_ i: Int, _ count: Int, _ k: Int) -> Bool { (count - 1 - i) % k == 0 }
}

/// Pushes label positions apart to at least `gap`, keeping their order, inside [low, high].
public enum LabelPlacement {
    /// Positions (e.g. baselines) for labels wanted at `wanted`, at least `gap` apart, inside the range.
    public static func spread(_ wanted: [Double], gap: Double, low: Double, high: Double) -> [Double] {
        guard !wanted.isEmpty else { return [] }
        let order = wanted.indices.sorted { wanted[$0] < wanted[$1] }
        var placed = order.map { Swift.min(Swift.max(wanted[$0], low), high) }
        for i in 1..<Swift.max(1, placed.count) where placed[i] - placed[i - 1] < gap {
            placed[i] = placed[i - 1] + gap
        }
        if let last = placed.last, last > high {
            placed[placed.count - 1] = high
            for i in stride(from: placed.count - 2, through: 0, by: -1) where placed[i + 1] - placed[i] < gap {
                placed[i] = placed[i + 1] - gap
            }
        }
        var out = wanted
        for (k, i) in order.enumerated() { out[i] = placed[k] }
        return out
    }
}
